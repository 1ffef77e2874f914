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
}

const truthy = (value: string | undefined, fallback: boolean) =>
  value === undefined || value === '' ? fallback : !['0', 'false', 'no', 'off'].includes(value.toLowerCase());

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
  };
}
