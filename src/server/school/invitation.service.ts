import type { z } from 'zod';
import { AppError, notFound, validationError } from '../../shared/errors';
import { type CurrentUser, type Locale, passwordSchema } from '../../shared/platform/api';
import type { TableBody } from '../../shared/platform/endpoint';
import { landingAfterJoining } from '../../shared/school/landing';
import { sameAddress } from '../../shared/school/membership';
import { type addMemberResultSchema, INVITATION_DAYS, type invitationSchema, type PendingInvitationDto, type rosterReportSchema, type SchoolRole } from '../../shared/school/schools';
import type { AccessPolicy } from '../platform/access/access';
import type { AuditRepository } from '../platform/audit/audit.repository';
import type { AuthContext, AuthService } from '../platform/auth/auth.service';
import { newId, newToken, sha256 } from '../platform/ids';
import { importRejected } from '../platform/import/import-problems';
import type { MailService } from '../platform/mail/mail.service';
import type { InvitationRepository, InvitationRow } from './invitation.repository';
import { invitationMail } from './mail.templates';
import { readRoster } from './roster';
import type { SchoolService } from './school.service';

export interface InvitationDeps {
  /** The access check every use case starts with. */
  access: AccessPolicy;
  schools: SchoolService;
  auth: AuthService;
  mail: MailService;
  audit: AuditRepository;
  /** Where the web app is reached: invitation links point there. */
  appUrl: string;
  now?: () => Date;
}

interface Invitee {
  email: string;
  name: string | null;
  role: SchoolRole;
  locale: Locale;
}

/** A logged-in session after accepting; `sessionToken` is set when accepting opened a new session. */
export interface AcceptedInvitation {
  user: CurrentUser;
  csrfToken: string;
  sessionToken?: string;
}

/**
 * Bringing people into a school's team: by address and by roster upload, always by an invitation
 * that the person accepts, and the invitation link itself, valid for 14 days and bound to its
 * address, that creates or links the account and logs it in.
 */
export class InvitationService {
  private readonly now: () => Date;

  constructor(
    private readonly repo: InvitationRepository,
    private readonly deps: InvitationDeps,
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  /**
   * Invites someone to the team by address. Always an invitation, whether or not the address has
   * an account, with the same answer: nobody joins without accepting, and the caller learns
   * nothing about the address. A platform account is refused only when it tries to accept.
   */
  async addMember(userId: string, schoolId: string, input: { email: string; role: SchoolRole; name?: string; locale?: Locale }): Promise<z.infer<typeof addMemberResultSchema>> {
    const callerRoles = await this.deps.access.require(userId, 'manageTeam', schoolId);
    this.deps.schools.requireGrantable(callerRoles, [input.role], 'body.role');
    const account = await this.deps.auth.accountByEmail(input.email);
    const locale = account?.locale ?? input.locale ?? 'nl';
    const [invitation] = await this.invite(userId, schoolId, [{ email: input.email, name: input.name ?? null, role: input.role, locale }]);
    return { outcome: 'invited', invitation };
  }

  /**
   * Invites every teacher of a roster (`naam;e-mail`, as CSV text or .xlsx bytes), all or nothing: any bad line rejects
   * the file with 422 import_rejected naming every bad line, and then nothing is written or sent.
   * Members already in the team are skipped and reported.
   */
  async importRoster(userId: string, schoolId: string, roster: TableBody): Promise<z.infer<typeof rosterReportSchema>> {
    await this.deps.access.require(userId, 'manageTeam', schoolId);
    const { entries, problems } = await readRoster(roster);
    if (problems.length > 0) {
      throw importRejected(problems, { unit: 'line', outcome: 'nobody was invited', where: (p) => `line ${p.line}: ${p.field}`, fileField: 'file' });
    }
    const memberEmails = new Set((await this.deps.schools.listMembers(userId, schoolId)).map((m) => m.email));
    const alreadyMembers = entries.filter((e) => memberEmails.has(e.email)).map((e) => ({ line: e.line, email: e.email }));
    const invitees: Invitee[] = [];
    for (const entry of entries.filter((e) => !memberEmails.has(e.email))) {
      const account = await this.deps.auth.accountByEmail(entry.email);
      invitees.push({ email: entry.email, name: entry.name, role: 'teacher', locale: account?.locale ?? 'nl' });
    }
    await this.invite(userId, schoolId, invitees);
    return { invited: invitees.length, alreadyMembers };
  }

  async listInvitations(userId: string, schoolId: string): Promise<PendingInvitationDto[]> {
    await this.deps.access.require(userId, 'manageTeam', schoolId);
    return (await this.repo.open(schoolId, this.now().toISOString())).map(toPendingDto);
  }

  /** Withdraws an open invitation: its link stops working. */
  async revokeInvitation(userId: string, schoolId: string, invitationId: string): Promise<void> {
    await this.deps.access.require(userId, 'manageTeam', schoolId);
    if (!(await this.repo.deleteOpen(schoolId, invitationId))) throw notFound('Invitation', 'invitationId');
    await this.deps.audit.record({ actorId: userId, action: 'invitation_revoked', subject: invitationId, details: { schoolId } });
  }

  /** What the link shows to whoever holds it: the school and the address invited. */
  async getInvitation(token: string): Promise<z.infer<typeof invitationSchema>> {
    const invitation = await this.openInvitation(token);
    const school = await this.deps.schools.schoolOf(invitation.schoolId);
    return {
      schoolName: school?.name ?? '',
      email: invitation.email,
      name: invitation.name,
      role: invitation.role as SchoolRole,
      expiresAt: invitation.expiresAt,
      requireIdentityProvider: await this.deps.schools.requiresIdentityProvider(invitation.schoolId),
    };
  }

  /**
   * Accepts the invitation: with a session, for the logged-in account when its address is the
   * invited one; otherwise with the existing account's password, or by creating the account for
   * the invited address (name and password). Either way the account gets the invited role at the
   * school and the caller ends up logged in. Platform accounts never join, and a school that
   * requires its identity provider is joined through it only (`acceptForAccount`).
   */
  async acceptInvitation(
    token: string,
    body: { name?: string; password?: string; account?: 'new' | 'existing'; locale?: Locale },
    session: AuthContext | null,
  ): Promise<AcceptedInvitation> {
    const invitation = await this.openInvitation(token);
    const role = invitation.role as SchoolRole;
    if (await this.deps.schools.requiresIdentityProvider(invitation.schoolId)) {
      throw new AppError('identity_provider_required', 'This school admits only accounts that log in through its identity provider: accept with that login');
    }
    if (session) {
      const user = await this.deps.auth.currentUser(session.userId);
      if (!sameAddress(user.email, invitation.email)) {
        throw new AppError('invitation_other_address', 'This invitation was sent to another address than the one of the account logged in');
      }
      await this.deps.schools.requireNoPlatformRole(session.userId);
      await this.claimOrThrow(invitation);
      await this.joined(invitation, session.userId);
      return { user: await this.deps.auth.currentUser(session.userId), csrfToken: session.csrfToken };
    }
    if (body.password === undefined) throw validationError('body.password', 'body.password: enter your password, or log in first');
    const account = await this.deps.auth.accountByEmail(invitation.email);
    if (account || body.account === 'existing') {
      // The password proves the account first, so a platform account is only named to its owner.
      const userId = await this.deps.auth.verifyCredentials(invitation.email, body.password);
      await this.deps.schools.requireNoPlatformRole(userId);
      await this.claimOrThrow(invitation);
      await this.joined(invitation, userId);
      const { token: sessionToken, csrfToken, user } = await this.deps.auth.startSession(userId, 'login');
      return { user, csrfToken, sessionToken };
    }
    const displayName = body.name ?? invitation.name;
    if (!displayName) throw validationError('body.name', 'body.name: a new account needs a name');
    const password = passwordSchema.safeParse(body.password);
    if (!password.success) throw validationError('body.password', `body.password: ${password.error.issues[0]?.message ?? 'invalid'}`);
    await this.deps.auth.requireStrongPassword(password.data, { email: invitation.email, name: displayName }, 'body.password');
    await this.claimOrThrow(invitation);
    try {
      await this.deps.auth.createAccount({ email: invitation.email, password: body.password, displayName, locale: body.locale, role, schoolId: invitation.schoolId });
      const { token: sessionToken, csrfToken, user } = await this.deps.auth.login(invitation.email, body.password);
      await this.joined(invitation, user.id);
      return { user, csrfToken, sessionToken };
    } catch (error) {
      await this.repo.unclaim(invitation.id);
      throw error;
    }
  }

  /**
   * Accepts the invitation for the account `accountFor` finds or makes for the invited address
   * (a login through the identity provider). It must be the invited address's account, or the
   * provider must have verified the invited address (`verifiedEmail`); a school that requires
   * the provider asks the latter. The link is claimed first, so only one request can use it, and
   * freed again when no membership comes of it.
   */
  async acceptForAccount(
    token: string,
    identity: { verifiedEmail: string | null },
    accountFor: (invited: { email: string; name: string | null }) => Promise<string>,
  ): Promise<{ userId: string; role: SchoolRole; landing: string }> {
    const invitation = await this.openInvitation(token);
    const verified = identity.verifiedEmail !== null && sameAddress(identity.verifiedEmail, invitation.email);
    if (!verified && (await this.deps.schools.requiresIdentityProvider(invitation.schoolId))) {
      throw new AppError('invitation_other_address', 'The identity provider did not confirm the invited address for this login');
    }
    await this.claimOrThrow(invitation);
    let userId: string;
    try {
      userId = await accountFor({ email: invitation.email, name: invitation.name });
      const [account] = await this.deps.auth.usersByIds([userId]);
      if (!verified && !(account && sameAddress(account.email, invitation.email))) {
        throw new AppError('invitation_other_address', 'This invitation was sent to another address than the one of this account');
      }
      await this.deps.schools.requireNoPlatformRole(userId);
    } catch (error) {
      await this.repo.unclaim(invitation.id);
      throw error;
    }
    await this.joined(invitation, userId);
    const role = invitation.role as SchoolRole;
    return { userId, role, landing: landingAfterJoining(role) };
  }

  // ------------------------------------------------------------ internals

  /** Writes the invitations (replacing open ones to the same addresses), then mails each link. */
  private async invite(userId: string, schoolId: string, invitees: readonly Invitee[]): Promise<PendingInvitationDto[]> {
    if (invitees.length === 0) return [];
    const now = this.now();
    const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * 3600_000).toISOString();
    const rows = invitees.map((invitee) => ({
      token: newToken(),
      invitee,
      row: { id: newId(), schoolId, email: invitee.email, name: invitee.name, role: invitee.role, invitedBy: userId, createdAt: now.toISOString(), expiresAt },
    }));
    await this.repo.replaceOpen(rows.map(({ row, token }) => ({ ...row, tokenHash: sha256(token) })));
    await this.deps.audit.record({ actorId: userId, action: 'invitations_sent', subject: schoolId, details: { count: rows.length } });
    const [school, [inviter]] = await Promise.all([this.deps.schools.schoolOf(schoolId), this.deps.auth.usersByIds([userId])]);
    for (const { token, invitee } of rows) {
      await this.deps.mail.send(
        invitationMail({
          locale: invitee.locale,
          to: invitee.email,
          name: invitee.name,
          schoolName: school?.name ?? '',
          inviterName: inviter?.displayName ?? 'Digisprong',
          role: invitee.role,
          link: `${this.deps.appUrl}/uitnodiging/${token}`,
          expiresAt,
        }),
      );
    }
    return rows.map(({ row }) => toPendingDto({ ...row, acceptedAt: null }));
  }

  /** The invitation behind a link: 404 when unknown, 410 invitation_expired when used or past its date. */
  private async openInvitation(token: string): Promise<InvitationRow> {
    const invitation = await this.repo.findByTokenHash(sha256(token));
    if (!invitation) throw notFound('Invitation', 'token');
    if (invitation.acceptedAt !== null) throw new AppError('invitation_expired', 'This invitation has been used already', 'token');
    if (invitation.expiresAt <= this.now().toISOString()) throw new AppError('invitation_expired', 'This invitation has expired', 'token');
    return invitation;
  }

  private async claimOrThrow(invitation: InvitationRow): Promise<void> {
    if (!(await this.repo.claim(invitation.id, this.now().toISOString()))) {
      throw new AppError('invitation_expired', 'This invitation has been used already', 'token');
    }
  }

  private async joined(invitation: InvitationRow, userId: string): Promise<void> {
    await this.deps.schools.grantRole(userId, invitation.schoolId, invitation.role as SchoolRole);
    await this.repo.setAcceptedBy(invitation.id, userId);
    await this.deps.audit.record({ actorId: userId, action: 'invitation_accepted', subject: invitation.id, details: { schoolId: invitation.schoolId, role: invitation.role } });
  }
}

function toPendingDto(row: InvitationRow): PendingInvitationDto {
  return { id: row.id, email: row.email, name: row.name, role: row.role as SchoolRole, createdAt: row.createdAt, expiresAt: row.expiresAt };
}
