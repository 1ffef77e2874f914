import type { Kysely } from 'kysely';
import type { PlatformTables as Database } from '../db/schema';
import type { AccountsRepository, NewUser } from './accounts.repository';

/** The tables of identity-provider login (see oidc.migrations.ts); only this repository reads them, and the data download a person's links. */
// A type, not an interface: Kysely's withTables wants an index signature, which only types get implicitly.
export type OidcTables = {
  oidc_logins: {
    id: string;
    nonce: string;
    code_verifier: string;
    invitation_token: string | null;
    next_path: string | null;
    locale: string | null;
    created_at: string;
    expires_at: string;
  };
  oidc_identities: {
    issuer: string;
    subject: string;
    user_id: string;
    created_at: string;
  };
};

/** A login under way, kept between the redirect to the provider and its answer. */
export interface PendingLogin {
  /** sha-256 of the `state` sent to the provider: the state itself is never stored. */
  id: string;
  nonce: string;
  codeVerifier: string;
  invitationToken: string | null;
  nextPath: string | null;
  locale: string | null;
  createdAt: string;
  expiresAt: string;
}

export interface ProviderIdentity {
  issuer: string;
  subject: string;
}

export class OidcRepository {
  private readonly db: Kysely<Database & OidcTables>;

  constructor(
    private readonly base: Kysely<Database>,
    private readonly accounts: AccountsRepository,
  ) {
    this.db = base.withTables<OidcTables>();
  }

  /** Stores a new pending login and drops the ones nobody came back for. */
  async insertLogin(login: PendingLogin): Promise<void> {
    await this.db.deleteFrom('oidc_logins').where('expires_at', '<=', login.createdAt).execute();
    await this.db
      .insertInto('oidc_logins')
      .values({
        id: login.id,
        nonce: login.nonce,
        code_verifier: login.codeVerifier,
        invitation_token: login.invitationToken,
        next_path: login.nextPath,
        locale: login.locale,
        created_at: login.createdAt,
        expires_at: login.expiresAt,
      })
      .execute();
  }

  /** Removes and returns a pending login: each can be answered once, by one request only. */
  async takeLogin(id: string): Promise<PendingLogin | undefined> {
    const row = await this.db.deleteFrom('oidc_logins').where('id', '=', id).returningAll().executeTakeFirst();
    return (
      row && {
        id: row.id,
        nonce: row.nonce,
        codeVerifier: row.code_verifier,
        invitationToken: row.invitation_token,
        nextPath: row.next_path,
        locale: row.locale,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
      }
    );
  }

  async userOfIdentity(identity: ProviderIdentity): Promise<string | undefined> {
    const row = await this.db.selectFrom('oidc_identities').select('user_id').where('issuer', '=', identity.issuer).where('subject', '=', identity.subject).executeTakeFirst();
    return row?.user_id;
  }

  async linkIdentity(identity: ProviderIdentity, userId: string, now: string): Promise<void> {
    await this.db
      .insertInto('oidc_identities')
      .values({ issuer: identity.issuer, subject: identity.subject, user_id: userId, created_at: now })
      .onConflict((oc) => oc.columns(['issuer', 'subject']).doNothing())
      .execute();
  }

  /** A new account (without a password) and its link to the provider, together or not at all. */
  async insertUserWithIdentity(user: NewUser, identity: ProviderIdentity): Promise<void> {
    await this.base.transaction().execute(async (trx) => {
      await this.accounts.insertUser(user, trx);
      await trx
        .withTables<OidcTables>()
        .insertInto('oidc_identities')
        .values({ issuer: identity.issuer, subject: identity.subject, user_id: user.id, created_at: user.createdAt })
        .execute();
    });
  }
}
