import { AppError, conflict, notFound, validationError } from '../../shared/errors';
import type { CurrentUser, Locale, Role } from '../../shared/platform/api';
import { type EducationLevel, educationLevels, type Province, provinces, type SchoolNetwork, schoolNetworks } from '../../shared/platform/flanders';
import { leavesWithoutPrincipal } from '../../shared/school/membership';
import { grantableRoles, type MemberDto, type SchoolDirectoryEntry, type SchoolDto, type SchoolRole, schoolRoles } from '../../shared/school/schools';
import type { AccessPolicy } from '../platform/access/access';
import type { AuditRepository } from '../platform/audit/audit.repository';
import type { AuthService } from '../platform/auth/auth.service';
import { newId, newReadableCode, nowIso } from '../platform/ids';
import type { BoardRepository } from './board.repository';
import type { SchoolRepository, SchoolRow } from './school.repository';

/**
 * Who takes Digisnap in a school: teachers and ICT coordinators (most of them teach, and KD
 * counts them in the team). Principals and board admins request the round and read the team
 * report; a principal who also teaches holds the teacher role as well and is counted by it.
 */
export const digisnapTakerRoles = ['teacher', 'ict_coordinator'] as const satisfies readonly SchoolRole[];

/** Who counts as the school's staff, e.g. for the training budget per staff member. */
export const schoolStaffRoles = ['teacher', 'ict_coordinator', 'principal'] as const satisfies readonly SchoolRole[];

export interface SchoolInfo {
  id: string;
  name: string;
  educationLevel: string | null;
  province: string | null;
  boardId: string | null;
}

export interface SchoolDeps {
  /** The access check every use case starts with. */
  access: AccessPolicy;
  auth: AuthService;
  audit: AuditRepository;
  /** Where the web app is reached, for links in mails and join codes. */
  appUrl: string;
  /** Whether the server has an identity provider: without one, no school can require it. */
  identityProviderConfigured: boolean;
}

/**
 * Schools and their teams. Every public method that serves a caller begins with the access
 * check: a school the caller has no role in is not found (404); a member whose role may not do
 * the thing gets 403.
 */
export class SchoolService {
  constructor(
    private readonly repo: SchoolRepository,
    private readonly boards: BoardRepository,
    private readonly deps: SchoolDeps,
  ) {}

  // ------------------------------------------------------------ for other modules (no access check)

  exists(id: string): Promise<boolean> {
    return this.repo.exists(id);
  }

  /** The school's name and place in Flemish education, or undefined when there is none with this id. */
  async schoolOf(schoolId: string): Promise<SchoolInfo | undefined> {
    const row = await this.repo.find(schoolId);
    return row && { id: row.id, name: row.name, educationLevel: row.educationLevel, province: row.province, boardId: row.boardId };
  }

  /** The members who take Digisnap (`digisnapTakerRoles`: teacher or ict_coordinator), each once, by id. */
  teacherIdsOf(schoolId: string): Promise<string[]> {
    return this.repo.userIdsWithRoles(schoolId, digisnapTakerRoles);
  }

  /** The schools where the user takes Digisnap (teacher or ICT coordinator), each once, with its name. */
  async takerSchoolsOf(userId: string): Promise<Array<{ schoolId: string; schoolName: string }>> {
    const rows = await this.repo.membershipsOfUser(userId);
    const schools = new Map<string, string>();
    for (const row of rows) if ((digisnapTakerRoles as readonly string[]).includes(row.role)) schools.set(row.schoolId, row.schoolName);
    return [...schools].map(([schoolId, schoolName]) => ({ schoolId, schoolName }));
  }

  /** The school's Digisnap takers, each with the moment they became one: their scans count for the school from then on. */
  teachersSince(schoolId: string): Promise<Array<{ userId: string; since: string }>> {
    return this.repo.userIdsWithRolesSince(schoolId, digisnapTakerRoles);
  }

  /** The school's staff, each once, by id: its teachers, ICT coordinators and principals (the board's admins are not staff). */
  staffIdsOf(schoolId: string): Promise<string[]> {
    return this.repo.userIdsWithRoles(schoolId, schoolStaffRoles);
  }

  /**
   * The user's roles in the school: their own memberships, plus board_admin when they are
   * board_admin in any school of the same board (a board admin manages every school of the
   * board). Empty when the user has nothing to do with the school, or it does not exist.
   */
  async rolesIn(userId: string, schoolId: string): Promise<Role[]> {
    return schoolRolesOf(await this.repo.rolesAt(userId, schoolId), false);
  }

  /** Whether only accounts linked to the identity provider may join the school. */
  requiresIdentityProvider(schoolId: string): Promise<boolean> {
    return this.repo.requiresIdentityProvider(schoolId);
  }

  /** 403 platform_account_not_staff when the account holds a platform role: admins and providers are never school staff. */
  async requireNoPlatformRole(userId: string): Promise<void> {
    const platformRoles = await this.deps.auth.platformRolesOf(userId);
    if (platformRoles.length > 0) {
      throw new AppError('platform_account_not_staff', `An account with the platform role ${platformRoles.join(', ')} cannot join a school team; use another account`);
    }
  }

  /** Gives a role in the school (invitations, join codes); a role held already stays as it is. */
  async grantRole(userId: string, schoolId: string, role: SchoolRole): Promise<void> {
    await this.repo.addRole(userId, schoolId, role, nowIso());
  }

  /** Many new members at once, dated `since` (the demo's synthetic Flanders: thousands of teachers). */
  async addMembersInBulk(members: ReadonlyArray<{ userId: string; schoolId: string; role: SchoolRole }>, since: string): Promise<void> {
    await this.repo.addRoles(members, since);
  }

  /** The user's own roles in the school, without the board's. */
  async ownRoles(userId: string, schoolId: string): Promise<SchoolRole[]> {
    const roles = new Set(await this.repo.ownRoles(userId, schoolId));
    return schoolRoles.filter((role) => roles.has(role));
  }

  /** The provinces of the schools a user belongs to, without repeats (e.g. for recommendations nearby). */
  async provincesOfUser(userId: string): Promise<Province[]> {
    const found = await this.repo.provincesOfUser(userId);
    return [...new Set(found.filter((p): p is Province => p !== null && (provinces as readonly string[]).includes(p)))];
  }

  /** The names of each user's schools, for lists that show people with their school. */
  async schoolNamesOfUsers(userIds: readonly string[]): Promise<Map<string, string[]>> {
    const names = new Map<string, string[]>();
    for (const school of await this.repo.schoolsOfUsers(userIds)) names.set(school.userId, [...(names.get(school.userId) ?? []), school.name]);
    return names;
  }

  // ------------------------------------------------------------ the school and its team

  /** The school as any of its members (or its board's admins) sees it, with the caller's roles. */
  async getSchool(userId: string, schoolId: string): Promise<SchoolDto> {
    const myRoles = (await this.deps.access.require(userId, 'viewSchool', schoolId)) as SchoolRole[];
    const school = (await this.repo.find(schoolId))!;
    const board = school.boardId === null ? null : ((await this.boards.find(school.boardId)) ?? null);
    return { ...toSchoolFields(school), board, myRoles, requireIdentityProvider: await this.repo.requiresIdentityProvider(schoolId) };
  }

  /** Changes the school's settings; requiring the identity provider needs one on this server. */
  async setSettings(userId: string, schoolId: string, settings: { requireIdentityProvider: boolean }): Promise<SchoolDto> {
    await this.deps.access.require(userId, 'manageSchoolSettings', schoolId);
    if (settings.requireIdentityProvider && !this.deps.identityProviderConfigured) {
      throw conflict('No identity provider is configured on this server, so the school cannot require one', 'body.requireIdentityProvider');
    }
    await this.repo.setRequireIdentityProvider(schoolId, settings.requireIdentityProvider);
    await this.deps.audit.record({ actorId: userId, action: 'school_settings_changed', subject: schoolId, details: settings });
    return this.getSchool(userId, schoolId);
  }

  /**
   * Ends every role of the caller in the school; their account and own scans stay theirs, and
   * rounds keep counting what they submitted. The last principal stays (409 last_principal).
   */
  async leaveSchool(userId: string, schoolId: string): Promise<void> {
    const current = await this.ownRoles(userId, schoolId);
    if (current.length === 0) throw notFound('School', 'schoolId');
    await this.repo.setRoles(userId, schoolId, [], nowIso(), keepAPrincipal(userId, current, [], 'schoolId'));
    await this.deps.audit.record({ actorId: userId, action: 'school_left', subject: userId, details: { schoolId, roles: current } });
  }

  async listMembers(userId: string, schoolId: string): Promise<MemberDto[]> {
    await this.deps.access.require(userId, 'manageTeam', schoolId);
    return this.members(schoolId);
  }

  /** Sets a member's roles in the school. The caller must be able to grant both the old roles and the new. */
  async setMemberRoles(userId: string, schoolId: string, memberId: string, roles: readonly SchoolRole[]): Promise<MemberDto> {
    const callerRoles = await this.deps.access.require(userId, 'manageTeam', schoolId);
    const current = await this.ownRoles(memberId, schoolId);
    if (current.length === 0) throw notFound('Member', 'userId');
    this.requireGrantable(callerRoles, [...current, ...roles], 'body.roles');
    const next = schoolRoles.filter((role) => roles.includes(role));
    await this.repo.setRoles(memberId, schoolId, next, nowIso(), memberId === userId ? keepAPrincipal(userId, current, next, 'body.roles') : undefined);
    await this.deps.audit.record({ actorId: userId, action: 'member_roles_changed', subject: memberId, details: { schoolId, from: current, to: next } });
    return (await this.members(schoolId, memberId))[0];
  }

  async removeMember(userId: string, schoolId: string, memberId: string): Promise<void> {
    const callerRoles = await this.deps.access.require(userId, 'manageTeam', schoolId);
    const current = await this.ownRoles(memberId, schoolId);
    if (current.length === 0) throw notFound('Member', 'userId');
    this.requireGrantable(callerRoles, current, 'userId');
    await this.repo.setRoles(memberId, schoolId, [], nowIso(), memberId === userId ? keepAPrincipal(userId, current, [], 'userId') : undefined);
    await this.deps.audit.record({ actorId: userId, action: 'member_removed', subject: memberId, details: { schoolId, roles: current } });
  }

  /** 403 unless the caller's roles may give (and take away) every one of `roles`. */
  requireGrantable(callerRoles: readonly Role[], roles: readonly SchoolRole[], field: string): void {
    const grantable = new Set(callerRoles.flatMap((role) => grantableRoles[role as SchoolRole] ?? []));
    const refused = roles.filter((role) => !grantable.has(role));
    if (refused.length > 0) {
      throw new AppError('forbidden', `You may not give or take away the role ${[...new Set(refused)].join(', ')}`, field);
    }
  }

  /** Every school of the platform, by name, with its board and number of members: the administrator's list. */
  async directory(userId: string, query: { q?: string; limit: number; offset: number }): Promise<{ items: SchoolDirectoryEntry[]; total: number }> {
    await this.deps.access.requirePlatform(userId, 'listAllSchools');
    return this.directoryAsOperator(query);
  }

  /** The same list for the command line, whose user holds the database itself: no access check. */
  async directoryAsOperator(query: { q?: string; limit: number; offset: number }): Promise<{ items: SchoolDirectoryEntry[]; total: number }> {
    const { rows, total } = await this.repo.directory(query);
    return {
      items: rows.map((row) => ({
        id: row.id,
        name: row.name,
        institutionNumber: row.institution_number,
        educationLevel: row.education_level as EducationLevel | null,
        province: row.province as Province | null,
        board: row.board_id ? { id: row.board_id, name: row.board_name ?? '', number: row.board_number ?? null } : null,
        members: Number(row.members ?? 0),
      })),
      total,
    };
  }

  /** The accounts with a role in a school, or a school role anywhere (the command line's `users list`): no access check. */
  memberIdsAsOperator(filter: { schoolId?: string; role?: SchoolRole }): Promise<string[]> {
    return this.repo.memberIds(filter);
  }

  // ------------------------------------------------------------ join code

  /** The school's join code, made on first request. */
  async joinCode(userId: string, schoolId: string): Promise<{ code: string; joinUrl: string }> {
    await this.deps.access.require(userId, 'manageTeam', schoolId);
    const code = (await this.repo.joinCodeOf(schoolId)) ?? (await this.newJoinCode(schoolId));
    return this.joinCodeDto(code);
  }

  /** A new join code; the old one stops working at once. */
  async rotateJoinCode(userId: string, schoolId: string): Promise<{ code: string; joinUrl: string }> {
    await this.deps.access.require(userId, 'manageTeam', schoolId);
    const code = await this.newJoinCode(schoolId);
    await this.deps.audit.record({ actorId: userId, action: 'join_code_rotated', subject: schoolId });
    return this.joinCodeDto(code);
  }

  /**
   * Joins the school behind a code as a teacher; joining again changes nothing. Platform accounts
   * never join, and a school that requires its identity provider admits linked accounts only.
   */
  async joinByCode(userId: string, code: string): Promise<{ schoolId: string; schoolName: string; roles: SchoolRole[] }> {
    const school = await this.schoolOfJoinCode(code);
    await this.requireNoPlatformRole(userId);
    if ((await this.repo.requiresIdentityProvider(school.id)) && !(await this.deps.auth.hasIdentityLink(userId))) {
      throw identityProviderRequired();
    }
    const before = await this.ownRoles(userId, school.id);
    if (!before.includes('teacher')) {
      await this.repo.addRole(userId, school.id, 'teacher', nowIso());
      await this.deps.audit.record({ actorId: userId, action: 'school_joined', subject: school.id });
    }
    return { schoolId: school.id, schoolName: school.name, roles: await this.ownRoles(userId, school.id) };
  }

  /** What a join link shows before joining, to anyone with the code: the school's name, and whether joining needs its identity provider. */
  async joinLink(code: string): Promise<{ schoolName: string; requireIdentityProvider: boolean }> {
    const school = await this.schoolOfJoinCode(code);
    return { schoolName: school.name, requireIdentityProvider: await this.repo.requiresIdentityProvider(school.id) };
  }

  /**
   * Makes an account for someone who has none and joins them as a teacher, in one step, with
   * the password rule of every new account. An address with an account logs in and joins with
   * `joinByCode` instead; a school that requires its identity provider admits linked accounts only.
   */
  async joinWithNewAccount(code: string, body: { name: string; email: string; password: string; locale?: Locale }): Promise<{ token: string; csrfToken: string; user: CurrentUser }> {
    const school = await this.schoolOfJoinCode(code);
    if (await this.repo.requiresIdentityProvider(school.id)) throw identityProviderRequired();
    if (await this.deps.auth.accountByEmail(body.email)) throw conflict('This address has an account already: log in with it, then join', 'body.email');
    const { userId } = await this.deps.auth.createAccount({
      email: body.email,
      password: body.password,
      displayName: body.name,
      locale: body.locale,
      role: 'teacher',
      schoolId: school.id,
    });
    await this.deps.audit.record({ actorId: userId, action: 'school_joined', subject: school.id });
    return this.deps.auth.startSession(userId, 'login');
  }

  private async schoolOfJoinCode(code: string): Promise<SchoolRow> {
    const normalised = normaliseJoinCode(code);
    const school = normalised.length === 8 ? await this.repo.findByJoinCode(normalised) : undefined;
    if (!school) throw notFound('Join code', 'code');
    return school;
  }

  // ------------------------------------------------------------ creation (CLI, demo data)

  /** Creates a school; the board must exist when given. */
  async createSchool(input: { name: string; institutionNumber?: string; educationLevel?: string; province?: string; boardId?: string; network?: string }): Promise<string> {
    const name = input.name.trim();
    if (!name) throw validationError('name', 'A school needs a name');
    if (input.educationLevel && !(educationLevels as readonly string[]).includes(input.educationLevel)) {
      throw validationError('level', `level must be one of ${educationLevels.join(', ')}`);
    }
    const province = input.province?.toLowerCase();
    if (province && !(provinces as readonly string[]).includes(province)) {
      throw validationError('province', `province must be one of ${provinces.join(', ')}`);
    }
    if (input.network && !(schoolNetworks as readonly string[]).includes(input.network)) {
      throw validationError('network', `network must be one of ${schoolNetworks.join(', ')}`);
    }
    if (input.boardId !== undefined && !(await this.boards.find(input.boardId))) throw notFound(`Board ${input.boardId}`, 'board');
    if (input.institutionNumber && (await this.repo.findByInstitutionNumber(input.institutionNumber))) {
      throw conflict(`A school with institution number ${input.institutionNumber} exists already`, 'number');
    }
    const id = newId();
    await this.repo.insert({
      id,
      name,
      institutionNumber: input.institutionNumber ?? null,
      educationLevel: input.educationLevel ?? null,
      province: province ?? null,
      boardId: input.boardId ?? null,
      network: input.network ?? null,
      createdAt: nowIso(),
    });
    return id;
  }

  // ------------------------------------------------------------ internals

  private async members(schoolId: string, memberId?: string): Promise<MemberDto[]> {
    const rows = await this.repo.memberships(schoolId, memberId);
    const users = new Map((await this.deps.auth.usersByIds(rows.map((r) => r.userId))).map((u) => [u.id, u]));
    const byUser = new Map<string, MemberDto>();
    for (const row of rows) {
      const user = users.get(row.userId);
      if (!user) continue;
      const member = byUser.get(row.userId) ?? { userId: row.userId, name: user.displayName, email: user.email, roles: [], since: row.since };
      member.roles.push(row.role as SchoolRole);
      if (row.since < member.since) member.since = row.since;
      byUser.set(row.userId, member);
    }
    const members = [...byUser.values()];
    for (const member of members) member.roles = schoolRoles.filter((role) => member.roles.includes(role));
    return members.sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.userId.localeCompare(b.userId));
  }

  private async newJoinCode(schoolId: string): Promise<string> {
    for (;;) {
      const code = newReadableCode();
      if (await this.repo.findByJoinCode(code)) continue;
      await this.repo.setJoinCode(schoolId, code);
      return code;
    }
  }

  private joinCodeDto(code: string): { code: string; joinUrl: string } {
    return { code: `${code.slice(0, 4)}-${code.slice(4)}`, joinUrl: `${this.deps.appUrl}/aansluiten/${code}` };
  }
}

/** The check of a change of one's own roles: 409 last_principal when it would leave the school without a principal. */
function keepAPrincipal(userId: string, current: readonly SchoolRole[], next: readonly SchoolRole[], field: string): (principals: string[]) => void {
  return (principals) => {
    if (leavesWithoutPrincipal({ userId, current, next, principals })) {
      throw new AppError('last_principal', 'The school would be left without a principal; appoint another principal first', field);
    }
  };
}

/** Upper case, letters and digits only: `abcd-efgh` and `ABCDEFGH` are the same code. */
export function normaliseJoinCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/**
 * A user's roles at a school as access checks see them: their own memberships there, plus
 * board_admin when they are board admin in a school of the same board; each once, in the order
 * of `schoolRoleList`; anything else dropped.
 */
export function schoolRolesOf(own: Iterable<string>, boardAdmin: boolean): Role[] {
  const held = new Set(own);
  if (boardAdmin) held.add('board_admin');
  return schoolRoles.filter((role) => held.has(role));
}

export function toSchoolFields(school: SchoolRow): Omit<SchoolDto, 'board' | 'myRoles' | 'requireIdentityProvider'> {
  return {
    id: school.id,
    name: school.name,
    institutionNumber: school.institutionNumber,
    educationLevel: school.educationLevel as EducationLevel | null,
    province: school.province as Province | null,
    network: school.network as SchoolNetwork | null,
  };
}

const identityProviderRequired = () => new AppError('identity_provider_required', 'This school admits only accounts that log in through its identity provider');
