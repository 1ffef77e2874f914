import { type Kysely, sql } from 'kysely';
import { containsText } from '../platform/db/contains-text';
import type { Db, Dialect } from '../platform/db/database';
import { NotifiedCache } from '../platform/db/notified-cache';
import { precompiled } from '../platform/db/precompiled';
import { lockRow } from '../platform/db/row-lock';
import { RecentReads, SchoolWrites } from './recent-reads';
import type { SchoolDatabase as Database } from './school.tables';

export interface NewSchool {
  id: string;
  name: string;
  institutionNumber: string | null;
  educationLevel: string | null;
  province: string | null;
  boardId: string | null;
  network: string | null;
  createdAt: string;
}

export interface SchoolRow {
  id: string;
  name: string;
  institutionNumber: string | null;
  educationLevel: string | null;
  province: string | null;
  network: string | null;
  boardId: string | null;
}

/** A board's schools are read again at most this long after a read, when another process changed them (this one's changes are seen at once). */
export const BOARD_SCHOOLS_CACHE_MS = 1_000;
/** Board reads kept per process: a board's 25 schools' ids and names, a few KB. */
const BOARD_SCHOOLS_KEPT = 1_000;
/** The PostgreSQL channel on which triggers announce changed roles: an account's memberships, or (empty) the schools and their boards (migration 20270205_02). */
export const ROLES_CHANGED_CHANNEL = 'digisprong_school_roles_changed';
/** Roles kept per process on PostgreSQL (an account at a school, about 150 bytes each): a few MB. */
const ROLES_KEPT = 20_000;

export interface MembershipRow {
  userId: string;
  role: string;
  since: string;
}

export class SchoolRepository {
  /** Behind every school access check (`access.require`), on hot reads like the team report: compiled once. */
  private readonly schoolById;
  private readonly rolesOf;
  /** Every recommendation asks where its teacher teaches: compiled once. */
  private readonly provincesOf;
  /** Behind every school access check: the caller's own roles and the board's, in one indexed read. */
  private readonly rolesAtSchool;
  /** Behind every board read (its ICT park, its funding): the access check and the board's schools in one indexed read. */
  private readonly schoolsOfBoardFor;
  private readonly recentBoards: RecentReads<ReadonlyArray<{ id: string; name: string }>>;
  /** PostgreSQL: every access check's roles, kept until a change of them is announced (see NotifiedCache). */
  private readonly keptRoles: NotifiedCache<string[]>;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
    /** Told of every change of memberships, for the module's read caches (see RecentReads). */
    private readonly writes = new SchoolWrites(),
    /** Where the roles' changes are heard (PostgreSQL); without it no roles are kept. */
    database: Pick<Db, 'listen'> = {},
  ) {
    this.keptRoles = new NotifiedCache(db, database, ROLES_CHANGED_CHANNEL, ROLES_KEPT);
    this.schoolById = precompiled(
      db,
      (id: string) => db.selectFrom('schools').select(['id', 'name', 'institution_number', 'education_level', 'province', 'network', 'board_id']).where('id', '=', id),
      1,
    );
    this.rolesOf = precompiled(
      db,
      (userId: string, schoolId: string) => db.selectFrom('memberships').select('role').where('user_id', '=', userId).where('school_id', '=', schoolId),
      2,
    );
    // Only the provinces, in the order of the schools' names; repeats (a role more at a school) go in the service.
    this.provincesOf = precompiled(
      db,
      (userId: string) =>
        db
          .selectFrom('memberships')
          .innerJoin('schools', 'schools.id', 'memberships.school_id')
          .select('schools.province')
          .where('memberships.user_id', '=', userId)
          .orderBy('schools.name'),
      1,
    );
    this.rolesAtSchool = precompiled(
      db,
      (userId: string, schoolId: string, boardUserId: string, boardSchoolId: string) =>
        db
          .selectFrom('memberships')
          .select('role')
          .where('user_id', '=', userId)
          .where('school_id', '=', schoolId)
          .unionAll(
            db
              .selectFrom('memberships as board')
              .innerJoin('schools as sibling', 'sibling.id', 'board.school_id')
              .select(sql.lit('board_admin').as('role'))
              .where('board.user_id', '=', boardUserId)
              .where('board.role', '=', 'board_admin')
              .where('sibling.board_id', '=', (eb) => eb.selectFrom('schools').select('board_id').where('id', '=', boardSchoolId)),
          ),
      4,
    );
    this.schoolsOfBoardFor = precompiled(
      db,
      (boardId: string, userId: string, adminBoardId: string) =>
        db
          .selectFrom('schools')
          .select(['id', 'name'])
          .where('board_id', '=', boardId)
          .where(({ exists, selectFrom }) =>
            exists(
              selectFrom('memberships as board')
                .innerJoin('schools as sibling', 'sibling.id', 'board.school_id')
                .select('board.user_id')
                .where('board.user_id', '=', userId)
                .where('board.role', '=', 'board_admin')
                .where('sibling.board_id', '=', adminBoardId),
            ),
          )
          .orderBy('name')
          .orderBy('id'),
      3,
    );
    this.recentBoards = new RecentReads(writes, BOARD_SCHOOLS_CACHE_MS, BOARD_SCHOOLS_KEPT);
  }

  /**
   * The user's roles in the school (a role may come twice): their own memberships, and
   * board_admin when they are board_admin in a school of the same board. None when the school
   * does not exist. Kept until a change is announced (PostgreSQL) or anything is written (SQLite): a kept list is shared, callers never change it.
   */
  rolesAt(userId: string, schoolId: string): Promise<string[]> {
    return this.keptRoles.read(`${userId}\u0000${schoolId}`, async () => {
      const rows = await this.rolesAtSchool(userId, schoolId, userId, schoolId);
      return rows.map((r) => r.role);
    });
  }

  /** A write of schools or memberships: the read caches learn of it (`SchoolWrites`), and on PostgreSQL every server has heard of it before it returns. */
  private changeRoles<T>(write: Promise<T>): Promise<T> {
    return this.keptRoles.afterWrite(this.writes.around(write));
  }

  async insert(school: NewSchool): Promise<void> {
    await this.changeRoles(
      this.db
        .insertInto('schools')
        .values({
          id: school.id,
          name: school.name,
          institution_number: school.institutionNumber,
          education_level: school.educationLevel,
          province: school.province,
          board_id: school.boardId,
          network: school.network,
          join_code: null,
          require_identity_provider: 0,
          created_at: school.createdAt,
        })
        .execute(),
    );
  }

  async exists(id: string): Promise<boolean> {
    const row = await this.db.selectFrom('schools').select('id').where('id', '=', id).executeTakeFirst();
    return row !== undefined;
  }

  async find(id: string): Promise<SchoolRow | undefined> {
    const [row] = await this.schoolById(id);
    return row && toSchoolRow(row);
  }

  /** The accounts with a role in the school, or with this role in any school, or both. */
  async memberIds(filter: { schoolId?: string; role?: string }): Promise<string[]> {
    const rows = await this.db
      .selectFrom('memberships')
      .select('user_id')
      .distinct()
      .$if(filter.schoolId !== undefined, (qb) => qb.where('school_id', '=', filter.schoolId!))
      .$if(filter.role !== undefined, (qb) => qb.where('role', '=', filter.role!))
      .execute();
    return rows.map((row) => row.user_id);
  }

  /** A page of every school by name, with its board and how many accounts hold a role in it. */
  async directory(filter: { q?: string; limit: number; offset: number }) {
    const base = this.db
      .selectFrom('schools')
      .leftJoin('boards', 'boards.id', 'schools.board_id')
      .$if(Boolean(filter.q), (qb) => qb.where(containsText(['schools.name', 'boards.name', 'schools.institution_number'], filter.q!)));
    const [rows, count] = await Promise.all([
      base
        .select([
          'schools.id',
          'schools.name',
          'schools.institution_number',
          'schools.education_level',
          'schools.province',
          'boards.id as board_id',
          'boards.name as board_name',
          'boards.number as board_number',
          (eb) =>
            eb
              .selectFrom('memberships')
              .select((m) => m.fn.count<number>(sql`distinct user_id`).as('n'))
              .whereRef('memberships.school_id', '=', 'schools.id')
              .as('members'),
        ])
        .orderBy('schools.name')
        .orderBy('schools.id')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
      base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  }

  async schoolsOfBoard(boardId: string): Promise<SchoolRow[]> {
    const rows = await this.db
      .selectFrom('schools')
      .select(['id', 'name', 'institution_number', 'education_level', 'province', 'network', 'board_id'])
      .where('board_id', '=', boardId)
      .orderBy('name')
      .orderBy('id')
      .execute();
    return rows.map(toSchoolRow);
  }

  /**
   * The board's schools (id and name, by name) when the user is board_admin in one of them;
   * undefined otherwise. Kept for BOARD_SCHOOLS_CACHE_MS unless this process changed memberships
   * or schools since (see RecentReads). A kept list is shared: callers never change it.
   */
  boardSchoolsFor(userId: string, boardId: string): Promise<ReadonlyArray<{ id: string; name: string }> | undefined> {
    return this.recentBoards.read(`${userId}\u0000${boardId}`, async () => {
      const rows = await this.schoolsOfBoardFor(boardId, userId, boardId);
      return rows.length > 0 ? rows : undefined;
    });
  }

  /** The user's roles in the school itself (memberships), without those inherited from the board. */
  async ownRoles(userId: string, schoolId: string): Promise<string[]> {
    const rows = await this.rolesOf(userId, schoolId);
    return rows.map((r) => r.role);
  }

  /** Whether the user is board_admin in some school of the given board. */
  async isBoardAdmin(userId: string, boardId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('memberships')
      .innerJoin('schools', 'schools.id', 'memberships.school_id')
      .select('memberships.user_id')
      .where('memberships.user_id', '=', userId)
      .where('memberships.role', '=', 'board_admin')
      .where('schools.board_id', '=', boardId)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async userIdsWithRoles(schoolId: string, roles: readonly string[]): Promise<string[]> {
    const rows = await this.db
      .selectFrom('memberships')
      .select('user_id')
      .distinct()
      .where('school_id', '=', schoolId)
      .where('role', 'in', [...roles])
      .orderBy('user_id')
      .execute();
    return rows.map((r) => r.user_id);
  }

  /** Each user with one of the roles, with the earliest time they held one. */
  async userIdsWithRolesSince(schoolId: string, roles: readonly string[]): Promise<Array<{ userId: string; since: string }>> {
    const rows = await this.db
      .selectFrom('memberships')
      .select((eb) => ['user_id', eb.fn.min('created_at').as('since')])
      .where('school_id', '=', schoolId)
      .where('role', 'in', [...roles])
      .groupBy('user_id')
      .orderBy('user_id')
      .execute();
    return rows.map((r) => ({ userId: r.user_id, since: String(r.since) }));
  }

  /** One row per member and role. */
  async memberships(schoolId: string, userId?: string): Promise<MembershipRow[]> {
    const rows = await this.db
      .selectFrom('memberships')
      .select(['user_id', 'role', 'created_at'])
      .where('school_id', '=', schoolId)
      .$if(userId !== undefined, (qb) => qb.where('user_id', '=', userId!))
      .orderBy('user_id')
      .execute();
    return rows.map((r) => ({ userId: r.user_id, role: r.role, since: r.created_at }));
  }

  /**
   * Replaces the user's roles in the school; an empty list removes them from it. `checkPrincipals`
   * sees the school's principals while the school is held (PostgreSQL: no other change of roles
   * there runs meanwhile), and may refuse the change by throwing.
   */
  async setRoles(userId: string, schoolId: string, roles: readonly string[], now: string, checkPrincipals?: (principals: string[]) => void): Promise<void> {
    await this.changeRoles(
      this.db.transaction().execute(async (trx) => {
        if (checkPrincipals) {
          await lockRow(trx, this.dialect, 'schools', schoolId);
          const principals = await trx.selectFrom('memberships').select('user_id').where('school_id', '=', schoolId).where('role', '=', 'principal').execute();
          checkPrincipals(principals.map((p) => p.user_id));
        }
        const kept = await trx.selectFrom('memberships').select(['role', 'created_at']).where('user_id', '=', userId).where('school_id', '=', schoolId).execute();
        await trx.deleteFrom('memberships').where('user_id', '=', userId).where('school_id', '=', schoolId).execute();
        if (roles.length === 0) return;
        const since = new Map(kept.map((k) => [k.role, k.created_at]));
        await trx
          .insertInto('memberships')
          .values(roles.map((role) => ({ user_id: userId, school_id: schoolId, role, created_at: since.get(role) ?? now })))
          .execute();
      }),
    );
  }

  /** Many memberships at once, in batches (the demo's synthetic Flanders). */
  async addRoles(members: ReadonlyArray<{ userId: string; schoolId: string; role: string }>, now: string): Promise<void> {
    for (let i = 0; i < members.length; i += 500) {
      const rows = members.slice(i, i + 500).map((m) => ({ user_id: m.userId, school_id: m.schoolId, role: m.role, created_at: now }));
      await this.writes.around(this.db.insertInto('memberships').values(rows).execute());
    }
  }

  async addRole(userId: string, schoolId: string, role: string, now: string): Promise<void> {
    await this.changeRoles(
      this.db
        .insertInto('memberships')
        .values({ user_id: userId, school_id: schoolId, role, created_at: now })
        .onConflict((oc) => oc.columns(['user_id', 'school_id', 'role']).doNothing())
        .execute(),
    );
  }

  /** Each school the user belongs to, one row per role, by school name then role. */
  async membershipsOfUser(userId: string): Promise<Array<{ schoolId: string; schoolName: string; role: string }>> {
    const rows = await this.db
      .selectFrom('memberships')
      .innerJoin('schools', 'schools.id', 'memberships.school_id')
      .select(['memberships.school_id', 'schools.name', 'memberships.role'])
      .where('memberships.user_id', '=', userId)
      .orderBy('schools.name')
      .orderBy('memberships.role')
      .execute();
    return rows.map((r) => ({ schoolId: r.school_id, schoolName: r.name, role: r.role }));
  }

  async requiresIdentityProvider(schoolId: string): Promise<boolean> {
    const row = await this.db.selectFrom('schools').select('require_identity_provider').where('id', '=', schoolId).executeTakeFirst();
    return Number(row?.require_identity_provider ?? 0) === 1;
  }

  async setRequireIdentityProvider(schoolId: string, required: boolean): Promise<void> {
    await this.db
      .updateTable('schools')
      .set({ require_identity_provider: required ? 1 : 0 })
      .where('id', '=', schoolId)
      .execute();
  }

  async joinCodeOf(schoolId: string): Promise<string | null> {
    const row = await this.db.selectFrom('schools').select('join_code').where('id', '=', schoolId).executeTakeFirst();
    return row?.join_code ?? null;
  }

  async setJoinCode(schoolId: string, code: string): Promise<void> {
    await this.db.updateTable('schools').set({ join_code: code }).where('id', '=', schoolId).execute();
  }

  async findByJoinCode(code: string): Promise<SchoolRow | undefined> {
    const row = await this.db
      .selectFrom('schools')
      .select(['id', 'name', 'institution_number', 'education_level', 'province', 'network', 'board_id'])
      .where('join_code', '=', code)
      .executeTakeFirst();
    return row && toSchoolRow(row);
  }

  /** The provinces of the schools a user belongs to (any role), by the schools' names; null for a school without one, a school once per role. */
  async provincesOfUser(userId: string): Promise<Array<string | null>> {
    return (await this.provincesOf(userId)).map((row) => row.province);
  }

  /** The schools the given users belong to (any role), by name. */
  async schoolsOfUsers(userIds: readonly string[]): Promise<Array<{ userId: string; schoolId: string; name: string; province: string | null }>> {
    if (userIds.length === 0) return [];
    const rows = await schoolsOfUsersQuery(this.db, [...new Set(userIds)]).execute();
    return rows.map((r) => ({ userId: r.user_id, schoolId: r.id, name: r.name, province: r.province }));
  }

  findByInstitutionNumber(number: string) {
    return this.db.selectFrom('schools').selectAll().where('institution_number', '=', number).executeTakeFirst();
  }
}

function schoolsOfUsersQuery(db: Kysely<Database>, userIds: string[]) {
  return db
    .selectFrom('memberships')
    .innerJoin('schools', 'schools.id', 'memberships.school_id')
    .select(['memberships.user_id', 'schools.id', 'schools.name', 'schools.province'])
    .distinct()
    .where('memberships.user_id', 'in', userIds)
    .orderBy('memberships.user_id')
    .orderBy('schools.name');
}

function toSchoolRow(row: {
  id: string;
  name: string;
  institution_number: string | null;
  education_level: string | null;
  province: string | null;
  network: string | null;
  board_id: string | null;
}): SchoolRow {
  return {
    id: row.id,
    name: row.name,
    institutionNumber: row.institution_number,
    educationLevel: row.education_level,
    province: row.province,
    network: row.network,
    boardId: row.board_id,
  };
}
