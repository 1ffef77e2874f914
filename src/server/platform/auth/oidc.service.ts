import { AppError } from '../../../shared/errors';
import { localeSchema } from '../../../shared/platform/api';
import { type IdentityProvider, OIDC_ERROR_PARAM, type OidcStartQuery } from '../../../shared/platform/oidc';
import type { AuditRepository } from '../audit/audit.repository';
import { newId, nowIso, sha256 } from '../ids';
import type { AuthService } from './auth.service';
import type { OidcClient, VerifiedIdentity } from './oidc.client';
import type { OidcRepository, PendingLogin } from './oidc.repository';

/** How long the provider may take to send the person back: long enough to type a password, no longer. */
export const LOGIN_MINUTES = 10;

/**
 * The invitations of the school module, as this module needs them: checking a link before the
 * provider is asked, and accepting it for the account found or made for the person who came back.
 */
export interface InvitationAcceptance {
  getInvitation(token: string): Promise<unknown>;
  /** `verifiedEmail`: the address the provider verified for this person, which the invitation's address is compared with. */
  acceptForAccount(
    token: string,
    identity: { verifiedEmail: string | null },
    accountFor: (invited: { email: string; name: string | null }) => Promise<string>,
  ): Promise<{ userId: string; landing: string }>;
}

export interface OidcServiceDeps {
  auth: AuthService;
  invitations: InvitationAcceptance;
  audit: AuditRepository;
  /** The provider's name on the login button, when configured. */
  label: string | undefined;
}

/** Where the browser goes next; a new session only when the login succeeded. */
export interface OidcOutcome {
  /** A path of this app, or the provider's authorization URL. */
  landing: string;
  sessionToken?: string;
  /** Why the login failed (an AppError, or a fault to log). */
  error?: unknown;
}

/**
 * Logging in with the identity provider. A person is known by the (issuer, subject) the provider
 * gives; the first time, by an address the provider verified, or, with an invitation link, as the
 * invited person (the account is made then). Nobody else gets an account this way.
 */
export class OidcService {
  constructor(
    private readonly repo: OidcRepository,
    private readonly provider: OidcClient,
    private readonly deps: OidcServiceDeps,
  ) {}

  describe(): IdentityProvider {
    return { enabled: true, name: this.deps.label ?? null };
  }

  /**
   * Prepares the redirect to the provider; `state` goes into this browser's cookie. An unusable
   * invitation or an unreachable provider sends the browser back with the error id instead, before
   * anyone types a password.
   */
  async start(query: OidcStartQuery): Promise<OidcOutcome & { state?: string }> {
    try {
      if (query.invitation) await this.deps.invitations.getInvitation(query.invitation);
      const request = await this.provider.authorizationRequest();
      const now = new Date();
      await this.repo.insertLogin({
        id: sha256(request.state),
        nonce: request.nonce,
        codeVerifier: request.codeVerifier,
        invitationToken: query.invitation ?? null,
        nextPath: query.next ?? null,
        locale: query.locale ?? null,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + LOGIN_MINUTES * 60_000).toISOString(),
      });
      return { landing: request.url, state: request.state };
    } catch (error) {
      return { landing: failureLanding(error, query.invitation ?? null), error };
    }
  }

  /**
   * Handles the provider's answer. `browserState` is the state this browser was given at the
   * start (in a cookie): an answer meant for another browser is refused, so nobody can log a
   * victim into an account of theirs by sending a callback link. Never throws: a failure lands
   * on the login page, or back on the invitation, with the error id.
   */
  async finish(query: URLSearchParams, browserState: string | undefined): Promise<OidcOutcome> {
    let login: PendingLogin | undefined;
    try {
      const state = checkedState(query.get('state'), browserState);
      login = await this.takeLogin(state);
      const identity = await this.provider.verify(query, { state, nonce: login.nonce, codeVerifier: login.codeVerifier });
      const { userId, landing } = login.invitationToken ? await this.acceptInvitation(login.invitationToken, login.locale, identity) : await this.logIn(login, identity);
      const session = await this.deps.auth.startSession(userId, 'login_oidc');
      return { landing, sessionToken: session.token };
    } catch (error) {
      return { landing: failureLanding(error, login?.invitationToken ?? null), error };
    }
  }

  // ------------------------------------------------------------ internals

  private async takeLogin(state: string): Promise<PendingLogin> {
    const login = await this.repo.takeLogin(sha256(state));
    if (!login) throw stateInvalid('This login is unknown or was answered already');
    if (login.expiresAt <= nowIso()) throw stateInvalid('This login took too long');
    return login;
  }

  private async logIn(login: PendingLogin, identity: VerifiedIdentity): Promise<{ userId: string; landing: string }> {
    const userId = await this.knownAccount(identity);
    if (!userId) throw new AppError('oidc_no_account', 'No account belongs to this identity; an invitation is needed to make one');
    return { userId, landing: login.nextPath ?? '/' };
  }

  private async acceptInvitation(token: string, locale: string | null, identity: VerifiedIdentity): Promise<{ userId: string; landing: string }> {
    const verifiedEmail = identity.emailVerified && identity.email ? identity.email : null;
    return this.deps.invitations.acceptForAccount(token, { verifiedEmail }, (invited) => this.accountForInvitation(identity, invited, locale));
  }

  /** The account linked to the identity, or, on a first login, the one of the address the provider verified (then linked). */
  private async knownAccount(identity: VerifiedIdentity): Promise<string | undefined> {
    const linked = await this.repo.userOfIdentity(identity);
    if (linked) return linked;
    if (!identity.emailVerified || !identity.email) return undefined;
    const account = await this.deps.auth.accountByEmail(identity.email);
    if (!account) return undefined;
    await this.repo.linkIdentity(identity, account.id, nowIso());
    await this.deps.audit.record({ actorId: account.id, action: 'oidc_identity_linked', subject: account.id, details: { issuer: identity.issuer } });
    return account.id;
  }

  /**
   * Who accepts the invitation: a known account, or a new one for the invited address. When that
   * address has an account already, its owner must prove it (its password, or its own link).
   */
  private async accountForInvitation(identity: VerifiedIdentity, invited: { email: string; name: string | null }, locale: string | null): Promise<string> {
    const known = await this.knownAccount(identity);
    if (known) return known;
    if (await this.deps.auth.accountByEmail(invited.email)) {
      throw new AppError('oidc_no_account', 'The invited address has an account that this identity is not linked to; log in with that account to accept');
    }
    const user = {
      id: newId(),
      email: invited.email,
      passwordHash: null,
      displayName: (identity.name ?? invited.name ?? invited.email.split('@')[0]).slice(0, 120),
      locale: localeSchema.catch('nl').parse(locale),
      createdAt: nowIso(),
    };
    await this.repo.insertUserWithIdentity(user, identity);
    await this.deps.audit.record({ actorId: null, action: 'account_created', subject: user.id, details: { via: 'oidc', issuer: identity.issuer } });
    return user.id;
  }
}

const stateInvalid = (message: string) => new AppError('oidc_state_invalid', message, 'query.state');

/** The state of the answer, when it is the one this browser was given at the start. */
function checkedState(state: string | null, browserState: string | undefined): string {
  if (!state || state !== browserState) throw stateInvalid('The answer does not belong to a login started in this browser');
  return state;
}

/** The login page, or the invitation the login was for, with the error id to show. */
function failureLanding(error: unknown, invitationToken: string | null): string {
  const id = error instanceof AppError ? error.id : 'internal_error';
  const page = invitationToken ? `/uitnodiging/${encodeURIComponent(invitationToken)}` : '/login';
  return `${page}?${OIDC_ERROR_PARAM}=${id}`;
}
