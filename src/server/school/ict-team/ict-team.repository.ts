import type { Kysely, Selectable } from 'kysely';
import type { IctTeamJob } from '../../../shared/school/ict-team/ict-team-jobs';
import type { SchoolDatabase } from '../school.tables';

/** The tables of the ICT team (see ict-team.migrations.ts); only this repository reads them. */
// A type, not an interface: Kysely's withTables wants an index signature, which only types get implicitly.
export type IctTeamTables = {
  ict_team_members: {
    id: string;
    school_id: string;
    name: string;
    job: IctTeamJob;
    hours_tenths: number;
    /** 0 or 1. */
    shared_with_group: number;
    created_at: string;
    updated_at: string;
  };
  ict_team_tasks: { member_id: string; task_id: string };
};

export type IctTeamMemberRow = Selectable<IctTeamTables['ict_team_members']>;

/** Per school with a team: its members' hours together and whether one is shared with the school group. */
export interface IctTeamSchoolRow {
  boardId: string | null;
  hoursTenths: number;
  shared: boolean;
}

type Database = SchoolDatabase & IctTeamTables;

export class IctTeamRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async membersOf(schoolId: string): Promise<Array<IctTeamMemberRow & { tasks: string[] }>> {
    const members = await this.db.selectFrom('ict_team_members').selectAll().where('school_id', '=', schoolId).orderBy('created_at').orderBy('id').execute();
    if (members.length === 0) return [];
    const tasks = await this.db
      .selectFrom('ict_team_tasks')
      .select(['member_id', 'task_id'])
      .where(
        'member_id',
        'in',
        members.map((m) => m.id),
      )
      .orderBy('task_id')
      .execute();
    return members.map((member) => ({ ...member, hours_tenths: Number(member.hours_tenths), tasks: tasks.filter((t) => t.member_id === member.id).map((t) => t.task_id) }));
  }

  /** Inserts or replaces a member and their tasks, in one transaction. */
  async save(row: IctTeamMemberRow, tasks: readonly string[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const { id, created_at: _created, ...changes } = row;
      const updated = await trx.updateTable('ict_team_members').set(changes).where('id', '=', id).where('school_id', '=', row.school_id).executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) await trx.insertInto('ict_team_members').values(row).execute();
      await trx.deleteFrom('ict_team_tasks').where('member_id', '=', id).execute();
      if (tasks.length > 0)
        await trx
          .insertInto('ict_team_tasks')
          .values(tasks.map((task_id) => ({ member_id: id, task_id })))
          .execute();
    });
  }

  async find(schoolId: string, memberId: string): Promise<IctTeamMemberRow | undefined> {
    return this.db.selectFrom('ict_team_members').selectAll().where('id', '=', memberId).where('school_id', '=', schoolId).executeTakeFirst();
  }

  async remove(schoolId: string, memberId: string): Promise<boolean> {
    const result = await this.db.deleteFrom('ict_team_members').where('id', '=', memberId).where('school_id', '=', schoolId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Every school with a team, with its board, for the knowledge centre's counts: no names leave. */
  async schoolsWithTeam(): Promise<IctTeamSchoolRow[]> {
    const rows = await this.db
      .selectFrom('ict_team_members')
      .innerJoin('schools', 'schools.id', 'ict_team_members.school_id')
      .select((eb) => [
        'schools.id',
        'schools.board_id',
        eb.fn.sum<number>('ict_team_members.hours_tenths').as('hours_tenths'),
        eb.fn.max<number>('ict_team_members.shared_with_group').as('shared'),
      ])
      .groupBy(['schools.id', 'schools.board_id'])
      .orderBy('schools.id')
      .execute();
    return rows.map((row) => ({ boardId: row.board_id, hoursTenths: Number(row.hours_tenths), shared: Number(row.shared) === 1 }));
  }

  async schoolCount(): Promise<number> {
    const row = await this.db
      .selectFrom('schools')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
