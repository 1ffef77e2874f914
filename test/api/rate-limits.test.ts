import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { configFromEnv, type RateLimits } from '../../src/server/config';
import { RateLimitRepository } from '../../src/server/platform/rate-limit/rate-limit.repository';
import { createTestDatabase, type TestDatabase } from '../support/dialects';
import { startTestApp, TEST_PASSWORD, type TestApp, UNREACHED_RATE_LIMITS } from '../support/test-app';

/** The test server with only these limits in reach. */
const withLimits = (limits: Partial<RateLimits>) => startTestApp({}, { rateLimits: { ...UNREACHED_RATE_LIMITS, ...limits } });
const from = (ip: string) => ({ 'x-forwarded-for': ip });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A 429 in our error format, with a Retry-After of at most `windowSeconds`. */
function expectRateLimited(response: LightMyRequestResponse, windowSeconds: number): void {
  expect(response.statusCode).toBe(429);
  expect(response.json()).toEqual({ error: { id: 'rate_limited', message: expect.stringMatching(/^Too many attempts; try again in \d+ seconds$/) } });
  const retryAfter = Number(response.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(Math.ceil(windowSeconds));
}

/** Sends `request` `times` times and returns the status codes. */
async function statuses(app: FastifyInstance, request: InjectOptions, times: number): Promise<number[]> {
  const codes: number[] = [];
  for (let i = 0; i < times; i += 1) codes.push((await app.inject(request)).statusCode);
  return codes;
}

describe('rate limits: login', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await withLimits({ login: { max: 3, windowSeconds: 2 }, loginPerIp: { max: 7, windowSeconds: 900 } });
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, ip: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers: from(ip) });

  it('refuses the attempt after the limit per address and IP, the right password too, until the window has passed', async () => {
    const email = 'guessed@school.test';
    await t.app.services.auth.createAccount({ email, password: TEST_PASSWORD, role: 'teacher' });
    for (let i = 0; i < 3; i += 1) expect((await login(email, `wrong-${i}`, '203.0.113.1')).statusCode).toBe(401);
    expectRateLimited(await login(email, TEST_PASSWORD, '203.0.113.1'), 2);
    expectRateLimited(await login(email.toUpperCase(), TEST_PASSWORD, '203.0.113.1'), 2);
    // The same address from elsewhere, and another address from here, are counted apart.
    expect((await login(email, TEST_PASSWORD, '203.0.113.2')).statusCode).toBe(200);
    expect((await login('someone-else@school.test', 'wrong', '203.0.113.1')).statusCode).toBe(401);
    await sleep(2100);
    expect((await login(email, TEST_PASSWORD, '203.0.113.1')).statusCode).toBe(200);
  });

  it('refuses an IP that tries many addresses', async () => {
    const codes = [];
    for (let i = 0; i < 8; i += 1) codes.push((await login(`spray${i}@school.test`, 'wrong', '198.51.100.7')).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 401, 401, 401, 429]);
    expect((await login('spray0@school.test', 'wrong', '198.51.100.8')).statusCode).toBe(401);
  });

  it('lists 429 among the answers of login in the OpenAPI document', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(document.paths['/api/auth/login'].post.responses)).toContain('429');
  });
});

describe('rate limits: codes and tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    const limit = { max: 3, windowSeconds: 900 };
    t = await withLimits({ invitation: limit, joinCode: limit, classCode: limit });
  });
  afterAll(() => t.close());

  it('limits invitation lookups and acceptances together, per IP', async () => {
    const ip = from('192.0.2.10');
    expect(await statuses(t.app, { method: 'GET', url: '/api/invitations/not-a-real-token-aaaaaaaaaaaa', headers: ip }, 2)).toEqual([404, 404]);
    const accept = { method: 'POST' as const, url: '/api/invitations/not-a-real-token-aaaaaaaaaaaa/accept', payload: { password: 'guess' }, headers: ip };
    expect((await t.app.inject(accept)).statusCode).not.toBe(429);
    expectRateLimited(await t.app.inject({ method: 'GET', url: '/api/invitations/not-a-real-token-aaaaaaaaaaaa', headers: ip }), 900);
    expectRateLimited(await t.app.inject(accept), 900);
    expect((await t.app.inject({ method: 'GET', url: '/api/invitations/not-a-real-token-aaaaaaaaaaaa', headers: from('192.0.2.11') })).statusCode).toBe(404);
  });

  it('limits join-code joins per IP', async () => {
    const teacher = await t.user('teacher');
    const join = (code: string) => teacher.request({ method: 'POST', url: `/api/join/${code}`, headers: from('192.0.2.20') });
    const codes = [];
    for (const code of ['AAAAAAAA', 'BBBBBBBB', 'CCCCCCCC', 'DDDDDDDD']) codes.push((await join(code)).statusCode);
    expect(codes.slice(0, 3)).not.toContain(429);
    expectRateLimited(await join('EEEEEEEE'), 900);
  });

  it('limits join-link lookups and joins with a new account together with joins, per IP', async () => {
    const ip = from('192.0.2.21');
    expect(await statuses(t.app, { method: 'GET', url: '/api/join/AAAAAAAA', headers: ip }, 2)).toEqual([404, 404]);
    const create = { method: 'POST' as const, url: '/api/join/AAAAAAAA/account', payload: { name: 'N', email: 'n@school.test', password: 'guess' }, headers: ip };
    expect((await t.app.inject(create)).statusCode).not.toBe(429);
    expectRateLimited(await t.app.inject({ method: 'GET', url: '/api/join/AAAAAAAA', headers: ip }), 900);
    expectRateLimited(await t.app.inject(create), 900);
  });

  it('limits class-code lookups and pupil starts together, per IP', async () => {
    const ip = from('192.0.2.30');
    expect(await statuses(t.app, { method: 'GET', url: '/api/reflection-codes/ABCD-EFGH', headers: ip }, 2)).toEqual([404, 404]);
    expect((await t.app.inject({ method: 'POST', url: '/api/reflection-codes/ABCD-EFGH/responses', headers: ip })).statusCode).not.toBe(429);
    expectRateLimited(await t.app.inject({ method: 'POST', url: '/api/reflection-codes/ABCD-EFGH/responses', headers: ip }), 900);
    expectRateLimited(await t.app.inject({ method: 'GET', url: '/api/reflection-codes/ABCD-EFGH', headers: ip }), 900);
  });
});

describe('rate limits: password reset requests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await withLimits({ passwordReset: { max: 2, windowSeconds: 3600 }, passwordResetPerIp: { max: 4, windowSeconds: 3600 } });
  });
  afterAll(() => t.close());

  it('limits the requests per address from one IP, and per IP', async () => {
    const request = (email: string) => t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email }, headers: from('192.0.2.60') });
    expect((await request('forgot@school.test')).statusCode).toBe(202);
    expect((await request('forgot@school.test')).statusCode).toBe(202);
    expectRateLimited(await request('forgot@school.test'), 3600);
    expect((await request('other@school.test')).statusCode).toBe(202);
    expectRateLimited(await request('third@school.test'), 3600);
  });
});

describe('rate limits: password changes and reset links', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await withLimits({
      passwordChange: { max: 3, windowSeconds: 900 },
      passwordChangePerIp: { max: 3, windowSeconds: 900 },
      passwordResetConfirm: { max: 3, windowSeconds: 900 },
    });
  });
  afterAll(() => t.close());

  const newPassword = 'Zeven-kleurige-regenboog-2026';

  it('limits password changes per account, the right current password too, and per IP', async () => {
    const [guesser, neighbour] = [await t.user(), await t.user()];
    const change = (client: typeof guesser, currentPassword: string, ip: string) =>
      client.request({ method: 'POST', url: '/api/me/password', payload: { currentPassword, newPassword }, headers: from(ip) });
    const codes = [];
    for (let i = 0; i < 3; i += 1) codes.push((await change(guesser, `wrong-${i}`, `192.0.2.${70 + i}`)).statusCode);
    expect(codes).toEqual([401, 401, 401]);
    // The account's limit holds from any address, so spreading guesses over IPs does not help.
    expectRateLimited(await change(guesser, TEST_PASSWORD, '192.0.2.80'), 900);
    // Another account behind the same IP still may, until that IP's own limit is spent.
    expect((await change(neighbour, 'wrong', '192.0.2.72')).statusCode).toBe(401);
    expect((await change(neighbour, 'wrong', '192.0.2.72')).statusCode).toBe(401);
    expectRateLimited(await change(neighbour, TEST_PASSWORD, '192.0.2.72'), 900);
  });

  it('does not count a request refused for its credentials', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/me/password', payload: { currentPassword: 'x', newPassword }, headers: from('192.0.2.90') });
    expect(response.statusCode).toBe(401);
    const client = await t.user();
    expect((await client.request({ method: 'POST', url: '/api/me/password', payload: { currentPassword: TEST_PASSWORD, newPassword }, headers: from('192.0.2.90') })).statusCode).toBe(
      204,
    );
  });

  it('limits new passwords set with a reset token per IP', async () => {
    const reset = (token: string, ip: string) => t.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, newPassword }, headers: from(ip) });
    const codes = [];
    for (let i = 0; i < 3; i += 1) codes.push((await reset(`guessed-token-${i}-${'x'.repeat(30)}`, '192.0.2.100')).statusCode);
    expect(codes.every((code) => code === 410 || code === 400)).toBe(true);
    expectRateLimited(await reset(`guessed-token-3-${'x'.repeat(30)}`, '192.0.2.100'), 900);
    expect((await reset(`guessed-token-4-${'x'.repeat(30)}`, '192.0.2.101')).statusCode).not.toBe(429);
  });

  it('lists 429 among the answers of changePassword and resetPassword in the OpenAPI document', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(document.paths['/api/me/password'].post.responses).toHaveProperty('429');
    expect(document.paths['/api/auth/password-reset/confirm'].post.responses).toHaveProperty('429');
  });
});

describe('rate limits: shared by the server processes on one database', () => {
  let database: TestDatabase;
  let apps: FastifyInstance[];
  beforeAll(async () => {
    database = await createTestDatabase({ file: true });
    const config = {
      ...configFromEnv({}),
      databaseUrl: database.url,
      demo: false,
      webDir: '/nonexistent',
      logLevel: 'silent',
      rateLimits: { ...UNREACHED_RATE_LIMITS, login: { max: 4, windowSeconds: 900 } },
    };
    apps = [await buildApp(config, { logger: false })];
    apps.push(await buildApp(config, { logger: false }));
  });
  afterAll(async () => {
    for (const app of apps ?? []) await app.close();
    await database?.drop();
  });

  it('counts the attempts on either server against one limit', async () => {
    const email = 'shared@school.test';
    await apps[0].services.auth.createAccount({ email, password: TEST_PASSWORD, role: 'teacher' });
    const login = (app: FastifyInstance, password: string) => app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers: from('203.0.113.50') });
    const codes = [];
    for (let i = 0; i < 4; i += 1) codes.push((await login(apps[i % 2], 'wrong')).statusCode);
    expect(codes).toEqual([401, 401, 401, 401]);
    expectRateLimited(await login(apps[0], TEST_PASSWORD), 900);
    expectRateLimited(await login(apps[1], TEST_PASSWORD), 900);
  });

  it('loses no count when both servers count at once', async () => {
    const repositories = apps.map((app) => new RateLimitRepository(app.db.kysely as never));
    const now = new Date();
    const counts = await Promise.all(Array.from({ length: 40 }, (_, i) => repositories[i % 2].countAttempt('race', now, 60_000)));
    expect(counts.map((count) => count.attempts).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const later = new Date(now.getTime() + 60_000);
    expect(await repositories[1].currentAttempts('race', later, 60_000)).toBeNull();
    expect((await repositories[0].countAttempt('race', later, 60_000)).attempts).toBe(1);
  });
});

describe('rate limits: configuration', () => {
  it('reads RATE_LIMIT_* as attempts/seconds and refuses a typo', () => {
    const limits = configFromEnv({ RATE_LIMIT_LOGIN: '5/60', RATE_LIMIT_CLASS_CODE: ' 20 / 30 ' }).rateLimits;
    expect(limits.login).toEqual({ max: 5, windowSeconds: 60 });
    expect(limits.classCode).toEqual({ max: 20, windowSeconds: 30 });
    expect(limits.loginPerIp).toEqual({ max: 100, windowSeconds: 900 });
    expect(() => configFromEnv({ RATE_LIMIT_LOGIN: '10 per minute' })).toThrow(/RATE_LIMIT_LOGIN must be attempts\/seconds/);
    expect(() => configFromEnv({ RATE_LIMIT_JOIN_CODE: '0/60' })).toThrow(/RATE_LIMIT_JOIN_CODE/);
  });
});

describe('rate limits: the client address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await withLimits({ classCode: { max: 2, windowSeconds: 900 } });
  });
  afterAll(() => t.close());

  it('counts by the address the one proxy in front reports, whatever the client puts before it', async () => {
    const lookup = (forwardedFor: string) => t.app.inject({ method: 'GET', url: '/api/reflection-codes/ABCD-EFGH', headers: { 'x-forwarded-for': forwardedFor } });
    expect((await lookup('10.0.0.1, 192.0.2.40')).statusCode).toBe(404);
    expect((await lookup('10.0.0.2, 192.0.2.40')).statusCode).toBe(404);
    expectRateLimited(await lookup('10.0.0.3, 192.0.2.40'), 900);
    expect((await lookup('10.0.0.3, 192.0.2.41')).statusCode).toBe(404);
  });

  it('reads TRUST_PROXY as hops or addresses', () => {
    expect(configFromEnv({}).trustProxy).toBe(1);
    expect(configFromEnv({ TRUST_PROXY: '0' }).trustProxy).toBe(0);
    expect(configFromEnv({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
  });
});
