import * as client from 'openid-client';
import { AppError } from '../../../shared/errors';
import type { OidcConfig } from '../../config';

/** What goes to the provider, and what must be kept to check its answer. */
export interface AuthorizationRequest {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The person the provider vouched for, from the checked ID token and the userinfo endpoint. */
export interface VerifiedIdentity {
  issuer: string;
  subject: string;
  email: string | undefined;
  /** Only an address the provider says it verified may find an existing account. */
  emailVerified: boolean;
  name: string | undefined;
}

const SCOPE = 'openid email profile';
const TIMEOUT_SECONDS = 10;
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The one place that speaks OpenID Connect, through openid-client: discovery, the authorization
 * code flow with PKCE, state and nonce, and the checks on the answer. Every failure of the provider
 * becomes `oidc_provider_error`.
 */
export class OidcClient {
  private configuration: Promise<client.Configuration> | undefined;

  constructor(
    private readonly settings: OidcConfig,
    /** The callback URL registered at the provider. */
    private readonly redirectUri: string,
  ) {}

  async authorizationRequest(): Promise<AuthorizationRequest> {
    const config = await this.discover();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: SCOPE,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state, nonce, codeVerifier };
  }

  /** Checks the provider's answer (state, issuer, code by PKCE, ID token and nonce) and reads who it is. */
  async verify(callbackQuery: URLSearchParams, expected: { state: string; nonce: string; codeVerifier: string }): Promise<VerifiedIdentity> {
    const config = await this.discover();
    // The URL as registered, not as this request arrived (a proxy may have changed host or scheme).
    const callbackUrl = new URL(this.redirectUri);
    callbackUrl.search = callbackQuery.toString();
    try {
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: expected.codeVerifier,
        expectedState: expected.state,
        expectedNonce: expected.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new Error('no ID token in the token response');
      const userInfo = config.serverMetadata().userinfo_endpoint ? await client.fetchUserInfo(config, tokens.access_token, idToken.sub) : {};
      const claims: Record<string, unknown> = { ...idToken, ...userInfo };
      return {
        issuer: idToken.iss,
        subject: idToken.sub,
        email: typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : undefined,
        emailVerified: claims.email_verified === true,
        name: typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : undefined,
      };
    } catch (error) {
      throw providerError(error);
    }
  }

  /** The provider's metadata, fetched once; a failed fetch is tried again on the next login. */
  private discover(): Promise<client.Configuration> {
    this.configuration ??= client
      // client_secret_basic: what a provider assumes when a client registers no method of its own.
      .discovery(new URL(this.settings.issuer), this.settings.clientId, undefined, client.ClientSecretBasic(this.settings.clientSecret), {
        timeout: TIMEOUT_SECONDS, // also for every later request to the provider
        // Plain http only to a provider on this machine (development and tests).
        execute: isLoopbackHttp(this.settings.issuer) ? [client.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw providerError(error);
      });
    return this.configuration;
  }
}

function isLoopbackHttp(issuer: string): boolean {
  const url = new URL(issuer);
  return url.protocol === 'http:' && loopbackHosts.has(url.hostname);
}

function providerError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const detail = error instanceof client.AuthorizationResponseError ? `${error.error}: ${error.error_description ?? ''}` : (error as Error)?.message;
  return new AppError('oidc_provider_error', `The identity provider's answer was refused: ${detail ?? 'unknown failure'}`);
}
