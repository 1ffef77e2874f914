import { AppError, forbidden, validationError } from '../../../shared/errors';
import {
  type CurrentUser,
  emailSchema,
  type Locale,
  localeSchema,
  type Membership,
  type ProviderMembership,
  passwordSchema,
  type Role,
  roleSchema,
} from '../../../shared/platform/api';
import { platformRoleList, schoolRoleList } from '../../../shared/platform/capabilities';
import type { PasswordOwner } from '../../../shared/platform/password-strength';
import type { SchoolRoles } from '../access/access';
import type { AuditRepository } from '../audit/audit.repository';
import { newId, newToken, nowIso, sha256 } from '../ids';
import type { AccountsRepository } from './accounts.repository';
import { requireStrongPassword } from './password-rule';
import { decoyPasswordHash, hashPassword, verifyPassword } from './passwords';
import { sessionStep } from './session-cache';
import type { SessionRow, SessionsRepository } from './sessions.repository';

/** Who is calling: resolved from the session cookie on every request that needs it. */
export interface AuthContext {
  userId: string;
  sessionId: string;
  csrfToken: string;
}

export interface NewAccount {
  email: string;
  password?: string;
  displayName?: string;
  locale?: Locale;
  role: Role;
  schoolId?: string;
}

/**
 * The schools an account belongs to and its roles there. The module that keeps schools
 * provides it; the platform only asks.
 */
export interface SchoolMemberships extends SchoolRoles {
  schoolExists(schoolId: string): Promise<boolean>;
  /** One entry per school and role, ordered by school name, then role. */
  membershipsOf(userId: string): Promise<Membership[]>;
  /** Gives the account a role at the school; a role it already holds there stays as it is. */
  addMembership(userId: string, schoolId: string, role: Role, createdAt: string): Promise<void>;
}

/** Roles that exist only inside a school; the others hold platform-wide. */
const schoolRoles: ReadonlySet<Role> = new Set(schoolRoleList);

export class AuthService {
  private readonly idleMs: number;

  constructor(
    private readonly accounts: AccountsRepository,
    private readonly sessions: SessionsRepository,
    private readonly audit: AuditRepository,
    private readonly schools: SchoolMemberships,
    sessionIdleHours: number,
    /** The provider organisations an account works for; owned by the catalogue module. */
    private readonly providersOf: (userId: string) => Promise<ProviderMembership[]> = async () => [],
  ) {
    this.idleMs = sessionIdleHours * 3600_000;
  }

  async login(email: string, password: string): Promise<{ token: string; csrfToken: string; user: CurrentUser }> {
    return this.startSession(await this.verifyCredentials(email, password), 'login');
  }

  /**
   * The account whose address and password these are, without opening a session; 401
   * invalid_credentials otherwise, in the same time whether or not the address has an account.
   */
  async verifyCredentials(email: string, password: string): Promise<string> {
    const user = await this.accounts.findByEmail(email);
    const valid = user?.password_hash ? await verifyPassword(user.password_hash, password) : (await verifyPassword(await decoyPasswordHash(), password)) && false;
    if (!user || !valid) throw new AppError('invalid_credentials', 'Email or password is wrong');
    return user.id;
  }

  /**
   * Opens a session for an account whose owner has proven who they are (a password, or an
   * identity provider): the cookie token and the CSRF token, as every kind of login returns them.
   */
  async startSession(userId: string, action: 'login' | 'login_oidc'): Promise<{ token: string; csrfToken: string; user: CurrentUser }> {
    // Only after the proof, so a block is told to the account's owner alone.
    if ((await this.accounts.findById(userId))?.blocked_at) throw forbidden('This account is blocked: ask the administrator');
    const token = newToken();
    const csrfToken = newToken();
    const now = Date.now();
    await this.sessions.insert({
      id: sha256(token),
      userId,
      csrfToken,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + this.idleMs).toISOString(),
    });
    await this.audit.record({ actorId: userId, action });
    return { token, csrfToken, user: await this.currentUser(userId) };
  }

  /**
   * The session behind a cookie token, or null when it is unknown or expired. A row read in the
   * last few seconds is served from memory when nothing is due (see `sessionStep`); an expiry or
   * a slide always goes to the database.
   */
  async authenticate(token: string): Promise<AuthContext | null> {
    const id = sha256(token);
    const recent = this.sessions.recent(id, Date.now());
    if (recent && sessionStep(Date.parse(recent.expiresAt), Date.now(), this.idleMs) === 'serve') return contextOf(recent);
    const session = await this.sessions.find(id);
    if (!session) return null;
    const now = Date.now();
    const step = sessionStep(Date.parse(session.expiresAt), now, this.idleMs);
    if (step === 'expired') {
      await this.sessions.delete(session.id);
      return null;
    }
    // Slide the expiry at most once an hour, so reads stay reads.
    if (step === 'extend') await this.sessions.extend(session.id, new Date(now + this.idleMs).toISOString());
    return contextOf(session);
  }

  async logout(auth: AuthContext): Promise<void> {
    await this.sessions.delete(auth.sessionId);
    await this.audit.record({ actorId: auth.userId, action: 'logout' });
  }

  async logoutEverywhere(auth: AuthContext): Promise<number> {
    const ended = await this.sessions.deleteAllOfUser(auth.userId);
    await this.audit.record({ actorId: auth.userId, action: 'logout_everywhere', details: { sessions: ended } });
    return ended;
  }

  async currentUser(userId: string): Promise<CurrentUser> {
    const user = await this.accounts.findById(userId);
    if (!user) throw new AppError('unauthenticated', 'This account no longer exists');
    const [globalRoles, memberships, providers] = await Promise.all([this.accounts.globalRoles(userId), this.schools.membershipsOf(userId), this.providersOf(userId)]);
    return {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      locale: localeSchema.catch('nl').parse(user.locale),
      globalRoles,
      memberships,
      providers,
    };
  }

  /** Every role the user holds, platform-wide or in any school: what access checks ask. */
  async rolesOf(userId: string): Promise<Set<Role>> {
    const [globalRoles, memberships] = await Promise.all([this.accounts.globalRoles(userId), this.schools.membershipsOf(userId)]);
    return new Set<Role>([...globalRoles, ...memberships.map((m) => m.role)]);
  }

  /** The platform-wide roles the account holds (admin, provider, centre analyst): such accounts are never school staff. */
  async platformRolesOf(userId: string): Promise<Role[]> {
    const platformRoles: readonly string[] = platformRoleList;
    return (await this.accounts.globalRoles(userId)).filter((role) => platformRoles.includes(role));
  }

  /** Whether the account is linked to a person at the identity provider (it logged in through it at least once). */
  hasIdentityLink(userId: string): Promise<boolean> {
    return this.accounts.hasIdentityLink(userId);
  }

  /** Names and emails of accounts, e.g. for a provider's list of participants. */
  usersByIds(ids: readonly string[]): Promise<Array<{ id: string; displayName: string; email: string }>> {
    return this.accounts.usersByIds(ids);
  }

  /** The account behind an email address, if any: to invite or add someone by address. */
  async accountByEmail(email: string): Promise<{ id: string; displayName: string; email: string; locale: Locale } | undefined> {
    const user = await this.accounts.findByEmail(email.trim().toLowerCase());
    return user && { id: user.id, displayName: user.display_name, email: user.email, locale: localeSchema.catch('nl').parse(user.locale) };
  }

  /** Refuses a password the shared strength rule refuses (`weak_password`), as account creation does. */
  requireStrongPassword(password: string, owner: PasswordOwner, field: string): Promise<void> {
    return requireStrongPassword(password, owner, field);
  }

  countUsers(): Promise<number> {
    return this.accounts.countUsers();
  }

  async updateMe(userId: string, changes: { displayName?: string; locale?: Locale }): Promise<CurrentUser> {
    await this.accounts.updateProfile(userId, changes);
    return this.currentUser(userId);
  }

  /**
   * Creates an account, or adds a role to an existing one with the same email
   * (a teacher may also coordinate ICT, or teach at a second school).
   */
  /**
   * Many accounts without a password or a role, at once: they sign in only through the identity
   * provider or after a password reset. For the demo's synthetic Flanders, whose thousands of
   * teachers would each take a password hash (a tenth of a second) through `createAccount`.
   */
  async createAccountsWithoutPassword(accounts: ReadonlyArray<{ email: string; displayName: string }>): Promise<string[]> {
    const createdAt = nowIso();
    const users = accounts.map((account) => ({
      id: newId(),
      email: parseOrThrow(emailSchema, account.email, 'email'),
      passwordHash: null,
      displayName: account.displayName,
      locale: 'nl',
      createdAt,
    }));
    await this.accounts.insertUsers(users);
    return users.map((user) => user.id);
  }

  async createAccount(input: NewAccount): Promise<{ userId: string; created: boolean }> {
    const email = parseOrThrow(emailSchema, input.email, 'email');
    const role = parseOrThrow(roleSchema, input.role, 'role');
    if (input.schoolId !== undefined && !(await this.schools.schoolExists(input.schoolId))) {
      throw new AppError('not_found', `No school with id ${input.schoolId}`, 'school');
    }
    if (input.schoolId === undefined && schoolRoles.has(role) && role !== 'teacher') {
      throw validationError('school', `The role ${role} needs a school (--school ID)`);
    }
    const existing = await this.accounts.findByEmail(email);
    const userId = existing?.id ?? newId();
    const now = nowIso();
    if (!existing) {
      if (input.password === undefined) throw validationError('password', 'A new account needs a password');
      const password = parseOrThrow(passwordSchema, input.password, 'password');
      await requireStrongPassword(password, { email, name: input.displayName }, 'password');
      await this.accounts.insertUser({
        id: userId,
        email,
        passwordHash: await hashPassword(password),
        // Without a name the whole address, never a fragment of it ("Dag it" for it@school.be).
        displayName: input.displayName?.trim() || email,
        locale: input.locale ?? 'nl',
        createdAt: now,
      });
    }
    if (input.schoolId !== undefined) await this.schools.addMembership(userId, input.schoolId, role, now);
    else await this.accounts.grantRole(userId, role);
    await this.audit.record({ actorId: null, action: existing ? 'account_role_added' : 'account_created', subject: userId, details: { role, schoolId: input.schoolId } });
    return { userId, created: !existing };
  }
}

const contextOf = (session: SessionRow): AuthContext => ({ userId: session.userId, sessionId: session.id, csrfToken: session.csrfToken });

function parseOrThrow<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: Array<{ message: string }> } } },
  value: unknown,
  field: string,
): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(field, `${field}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}
