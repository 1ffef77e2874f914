import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { type BuildOptions, buildApp } from '../../src/server/app';
import { type Config, configFromEnv, DEFAULT_RATE_LIMITS, type RateLimits } from '../../src/server/config';
import { createTestDatabase, type TestDatabase } from './dialects';

/**
 * A real server on a real, empty database: SQLite in memory, or, when TEST_DATABASE_URL names a
 * PostgreSQL server, a database of its own created for this suite and dropped after it.
 */
export interface TestApp {
  app: FastifyInstance;
  dialect: 'sqlite' | 'postgres';
  close(): Promise<void>;
  /** Creates an account and logs it in; returns a client that sends its cookie and CSRF token. */
  user(role?: 'teacher' | 'admin' | 'principal' | 'ict_coordinator' | 'board_admin' | 'provider' | 'centre_analyst', options?: { schoolId?: string }): Promise<TestClient>;
}

export interface TestClient {
  userId: string;
  email: string;
  password: string;
  cookie: string;
  csrfToken: string;
  /** The app the client talks to, for test setup that goes through the tables. */
  app: FastifyInstance;
  request(options: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse>;
}

export const TEST_PASSWORD = 'correct-horse-battery';

/**
 * The limits of the test server: the suites log in and look codes up hundreds of times from one
 * address, so every limit is far away unless a suite sets `rateLimits` itself (as the rate-limit
 * suite does).
 */
export const UNREACHED_RATE_LIMITS = Object.fromEntries(Object.entries(DEFAULT_RATE_LIMITS).map(([name, limit]) => [name, { ...limit, max: 1_000_000 }])) as unknown as RateLimits;

/**
 * A uniform source whose draws give no publication noise at all (every two-sided geometric draw
 * is 0): the test server's default, so suites that check a report's arithmetic see the true
 * counts. Suites about the noise pass `privacyUniform: seededUniform(seed)`.
 */
export const NO_NOISE = () => 0.999_999_9;

/** `config` overrides settings of the test server, e.g. `smtpUrl` for a suite with a mail server. */
export async function startTestApp(options: BuildOptions = {}, config: Partial<Config> = {}): Promise<TestApp> {
  return startTestAppOn(await createTestDatabase(), options, config);
}

/**
 * A test server on a database made already: a second server on the same database (a file on
 * SQLite) is another process sharing it. `close` drops the database; a second server's `app.close()` leaves it.
 */
export async function startTestAppOn(database: TestDatabase, options: BuildOptions = {}, config: Partial<Config> = {}): Promise<TestApp> {
  const app = await buildApp(
    {
      ...configFromEnv({}),
      databaseUrl: database.url,
      demo: false,
      webDir: '/nonexistent',
      logLevel: 'silent',
      rateLimits: UNREACHED_RATE_LIMITS,
      privacyUniform: NO_NOISE,
      ...config,
    },
    { logger: false, ...options },
  );
  let counter = 0;
  return {
    app,
    dialect: database.dialect,
    async close() {
      await app.close();
      await database.drop();
    },
    async user(role = 'teacher', userOptions = {}) {
      counter += 1;
      const email = `${role}${counter}-${randomBytes(3).toString('hex')}@school.test`;
      const { userId } = await app.services.auth.createAccount({ email, password: TEST_PASSWORD, role, schoolId: userOptions.schoolId });
      return login(app, email, TEST_PASSWORD, userId);
    },
  };
}

export async function login(app: FastifyInstance, email: string, password: string, userId = ''): Promise<TestClient> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'ds_session');
  const { csrfToken, user } = response.json();
  const cookieHeader = `ds_session=${cookie?.value}`;
  return {
    userId: userId || user.id,
    email,
    password,
    cookie: cookieHeader,
    csrfToken,
    app,
    request({ csrf = true, headers, ...rest }) {
      return app.inject({
        ...rest,
        headers: { cookie: cookieHeader, ...(csrf ? { 'x-csrf-token': csrfToken } : {}), ...headers },
      });
    },
  };
}

/** The error body's id and field, for compact assertions. */
export function errorOf(response: LightMyRequestResponse): { status: number; id: string; field?: string } {
  const body = response.json();
  return { status: response.statusCode, id: body.error?.id, field: body.error?.field };
}
