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
  };
}
