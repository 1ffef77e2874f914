import { DEFAULT_EPSILON, type Uniform } from '../shared/platform/differential-privacy';
export interface Config {
  /** `sqlite:./data/digisprong.db`, `sqlite::memory:` or `postgres://…` */
  databaseUrl: string;
  port: number;
  host: string;
  /** Seed demo data into an empty database on start. */
  demo: boolean;
  /** Set the Secure flag on cookies (behind https). */
  secureCookies: boolean;
  /** Directory of competence frameworks and other content. */
  contentDir: string;
  /** Directory of the built web app; served when it exists. */
  webDir: string;
  logLevel: string;
  /** Sessions expire after this many hours without use. */
  sessionIdleHours: number;
  /** Seconds a catalogue search result may be served from memory; 0 turns the cache off. */
  searchCacheSeconds: number;
  /** `smtp://user:pass@host:587` or `smtps://…:465`; unset keeps every mail in the outbox table (and the log). */
  smtpUrl: string | undefined;
  /** The sender of every mail. */
  mailFrom: string;
  /** Where users reach the web app, for links in mails (no trailing slash). */
  appUrl: string;
  /** Logging in with an OpenID Connect identity provider; unset means password login only. */
  oidc: OidcConfig | undefined;
  /** How many guesses (passwords, codes, tokens) are answered per window; see `RATE_LIMIT_*`. */
  rateLimits: RateLimits;
  /**
   * Which proxies in front may name the client (`X-Forwarded-For`, `-Proto`): a number of hops, or
   * their addresses. The rate limits count by the client's address, so trusting more than the
   * proxies really there lets a guesser pick a new address each try.
   */
  trustProxy: number | string[];
  /**
   * The differential-privacy budget ε of one published histogram (team reports, reflection
   * reports): smaller protects more and shows more noise. See shared/platform/differential-privacy.ts.
   */
  privacyEpsilon: number;
  /** The uniform source publication noise is drawn from; unset: the operating system's CSPRNG. Tests pass a seeded one. */
  privacyUniform?: Uniform;
}

/** At most `max` attempts per `windowSeconds`, counted per key. */
export interface RateLimit {
  max: number;
  windowSeconds: number;
}

/** The limits the rate-limit policies of endpoints draw on (an endpoint's `rateLimit` in its declaration). */
export interface RateLimits {
  /** Logins per address from one IP. */
  login: RateLimit;
  /** Logins from one IP, whatever the address. */
  loginPerIp: RateLimit;
  /** Invitation lookups and acceptances from one IP. */
  invitation: RateLimit;
  /** Join-code joins from one IP. */
  joinCode: RateLimit;
  /** Class-code lookups and pupil starts from one IP (a classroom shares one). */
  classCode: RateLimit;
  /** Password-reset requests per address from one IP. */
  passwordReset: RateLimit;
  /** Password-reset requests from one IP, whatever the address. */
  passwordResetPerIp: RateLimit;
}

/** The limits unless `RATE_LIMIT_*` say otherwise: a person never meets them, a guesser soon does. */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  login: { max: 10, windowSeconds: 15 * 60 },
  loginPerIp: { max: 100, windowSeconds: 15 * 60 },
  invitation: { max: 100, windowSeconds: 15 * 60 },
  joinCode: { max: 100, windowSeconds: 15 * 60 },
  classCode: { max: 300, windowSeconds: 15 * 60 },
  passwordReset: { max: 5, windowSeconds: 60 * 60 },
  passwordResetPerIp: { max: 50, windowSeconds: 60 * 60 },
};

/** The environment variable of each limit: `RATE_LIMIT_LOGIN_PER_IP=100/900` (attempts / seconds). */
export const RATE_LIMIT_VARIABLES: Record<keyof RateLimits, string> = {
  login: 'RATE_LIMIT_LOGIN',
  loginPerIp: 'RATE_LIMIT_LOGIN_PER_IP',
  invitation: 'RATE_LIMIT_INVITATION',
  joinCode: 'RATE_LIMIT_JOIN_CODE',
  classCode: 'RATE_LIMIT_CLASS_CODE',
  passwordReset: 'RATE_LIMIT_PASSWORD_RESET',
  passwordResetPerIp: 'RATE_LIMIT_PASSWORD_RESET_PER_IP',
};

/** `max/seconds`, e.g. `10/900`; a typo stops the start rather than leave a door open. */
function rateLimit(value: string | undefined, fallback: RateLimit, name: string): RateLimit {
  if (value === undefined || value.trim() === '') return fallback;
  const match = /^\s*(\d+)\s*\/\s*(\d+(?:\.\d+)?)\s*$/.exec(value);
  if (!match || Number(match[1]) < 1 || Number(match[2]) <= 0) throw new Error(`${name} must be attempts/seconds, e.g. 10/900 (got "${value}")`);
  return { max: Number(match[1]), windowSeconds: Number(match[2]) };
}

function rateLimitsFromEnv(env: NodeJS.ProcessEnv): RateLimits {
  const limits = { ...DEFAULT_RATE_LIMITS };
  for (const [key, variable] of Object.entries(RATE_LIMIT_VARIABLES) as Array<[keyof RateLimits, string]>) limits[key] = rateLimit(env[variable], DEFAULT_RATE_LIMITS[key], variable);
  return limits;
}

export interface OidcConfig {
  /** The provider's issuer identifier; its discovery document lives under it. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The provider's name on the login button, e.g. `Smartschool`; unset shows a generic label. */
  name: string | undefined;
}

const truthy = (value: string | undefined, fallback: boolean) => (value === undefined || value === '' ? fallback : !['0', 'false', 'no', 'off'].includes(value.toLowerCase()));

/** A number of seconds, 0 or more; a typo must not silently make a cache keep its entries forever. */
function seconds(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value.trim() === '') return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`${name} must be a number of seconds, 0 or more (got "${value}")`);
  return parsed;
}

/** A privacy budget between 0.05 and 10; outside it the noise is useless or the protection gone, so the start stops. */
function epsilon(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_EPSILON;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0.05 || parsed > 10) throw new Error(`PRIVACY_EPSILON must be a number from 0.05 to 10 (got "${value}")`);
  return parsed;
}

/**
 * The identity provider, when configured. Half a configuration stops the start: a login button
 * that can only fail is worse than none.
 */
function oidcFromEnv(env: NodeJS.ProcessEnv): OidcConfig | undefined {
  const issuer = env.OIDC_ISSUER?.trim();
  const clientId = env.OIDC_CLIENT_ID?.trim();
  const clientSecret = env.OIDC_CLIENT_SECRET;
  if (!issuer && !clientId && !clientSecret) return undefined;
  if (!issuer || !clientId || !clientSecret) throw new Error('OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together: set all three, or none');
  if (!URL.canParse(issuer)) throw new Error(`OIDC_ISSUER must be a URL (got "${issuer}")`);
  return { issuer, clientId, clientSecret, name: env.OIDC_NAME?.trim() || undefined };
}

/** `TRUST_PROXY`: hops (`0`: none, the socket's peer is the client) or addresses and CIDR ranges, comma-separated. */
function trustProxy(value: string | undefined): number | string[] {
  if (value === undefined || value.trim() === '') return 1;
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL || 'sqlite:./data/digisprong.db',
    port: Number(env.PORT || 8080),
    host: env.HOST || '0.0.0.0',
    demo: truthy(env.DEMO, true),
    secureCookies: truthy(env.SECURE_COOKIES, false),
    contentDir: env.CONTENT_DIR || new URL('../../content', import.meta.url).pathname,
    webDir: env.WEB_DIR || new URL('../../dist/web', import.meta.url).pathname,
    logLevel: env.LOG_LEVEL || 'info',
    sessionIdleHours: Number(env.SESSION_IDLE_HOURS || 24 * 14),
    searchCacheSeconds: seconds(env.SEARCH_CACHE_SECONDS, 30, 'SEARCH_CACHE_SECONDS'),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'Digisprong <no-reply@digisprong.local>',
    appUrl: (env.APP_URL || `http://localhost:${env.PORT || 8080}`).replace(/\/+$/, ''),
    oidc: oidcFromEnv(env),
    rateLimits: rateLimitsFromEnv(env),
    trustProxy: trustProxy(env.TRUST_PROXY),
    privacyEpsilon: epsilon(env.PRIVACY_EPSILON),
  };
}
