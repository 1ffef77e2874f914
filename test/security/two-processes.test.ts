import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { configFromEnv } from '../../src/server/config';
import { sessionInput, trainingInput } from '../api/catalogue-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/dialects';
import { loginOver, type ServerProcess, sessionOf, startServerProcess } from '../support/server-process';
import { TEST_PASSWORD } from '../support/test-app';

const SEATS = 3;
const RACERS = 16;
const LOGIN_LIMIT = 4;
const ENV = { RATE_LIMIT_LOGIN: `${LOGIN_LIMIT}/900`, RATE_LIMIT_LOGIN_PER_IP: '100000/900' };

/**
 * Two server processes on one PostgreSQL, as behind a load balancer: they race for the last
 * seats of a session without over-booking, honour each other's sessions and share the rate
 * limits. SQLite is one process's embedded file, so this runs only in the PostgreSQL pass.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)('two server processes on one PostgreSQL (runs only with TEST_DATABASE_URL)', { timeout: 180_000 }, () => {
  let database: TestDatabase;
  let servers: ServerProcess[] = [];
  let providerEmail: string;
  const teachers: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const app = await buildApp({ ...configFromEnv({}), databaseUrl: database.url, demo: false, webDir: '/nonexistent', logLevel: 'silent' }, { logger: false });
    const provider = await app.services.catalogue.addProvider({ name: 'Opleider Twee Processen', contactEmail: 'info@twee.test', website: null });
    providerEmail = 'opleidingen@twee.test';
    const { userId } = await app.services.auth.createAccount({ email: providerEmail, password: TEST_PASSWORD, role: 'provider' });
    await app.services.catalogue.addProviderMember(userId, provider.id);
    for (let i = 0; i < RACERS; i += 1) {
      teachers.push(`racer${i}@twee.test`);
      await app.services.auth.createAccount({ email: teachers[i], password: TEST_PASSWORD, role: 'teacher' });
    }
    await app.close();
    servers = await Promise.all([startServerProcess(database.url, ENV), startServerProcess(database.url, ENV)]);
  }, 150_000);
  afterAll(async () => {
    for (const server of servers) await server.kill('SIGTERM');
    await database?.drop();
  });

  it(`books at most ${SEATS} of ${RACERS} teachers racing for ${SEATS} seats over both processes`, async () => {
    const provider = await loginOver(servers[0].url, providerEmail, TEST_PASSWORD);
    const training = (await (await provider.request('POST', '/api/trainings', trainingInput())).json()) as { id: string };
    const session = (await (await provider.request('POST', `/api/trainings/${training.id}/sessions`, sessionInput(20, { capacity: SEATS }))).json()) as { id: string };
    const racers = await Promise.all(teachers.map((email, i) => loginOver(servers[i % 2].url, email, TEST_PASSWORD)));
    const answers = await Promise.all(
      racers.map(async (racer) => {
        const response = await racer.request('POST', `/api/sessions/${session.id}/enrolments`);
        return { status: response.status, body: (await response.json()) as { status?: string } };
      }),
    );
    const enrolled = answers.filter((answer) => answer.status === 201 && answer.body.status === 'enrolled').length;
    const waitlisted = answers.filter((answer) => answer.status === 201 && answer.body.status === 'waitlisted').length;
    const list = (await (await provider.request('GET', `/api/sessions/${session.id}/enrolments`)).json()) as { items: Array<{ status: string }> };
    const stored = list.items.filter((item) => item.status === 'enrolled').length;
    console.log(
      `two processes: ${RACERS} racers for ${SEATS} seats: ${enrolled} enrolled, ${waitlisted} waitlisted, ${stored} enrolled in the list, ${Math.max(0, stored - SEATS)} over-bookings`,
    );
    expect(answers.every((answer) => answer.status < 500)).toBe(true);
    expect(enrolled).toBe(SEATS);
    expect(stored).toBe(SEATS);
  });

  it('honours a session made by one process on the other, and its logout on both', async () => {
    const onA = await loginOver(servers[0].url, teachers[0], TEST_PASSWORD);
    const onB = sessionOf(servers[1].url, onA.cookie, onA.csrfToken);
    expect((await onB.request('GET', '/api/auth/me')).status).toBe(200);
    expect((await onB.request('PATCH', '/api/me', { displayName: 'Lien Verbeke' })).status).toBe(200);
    expect(((await (await onA.request('GET', '/api/auth/me')).json()) as { user: { displayName: string } }).user.displayName).toBe('Lien Verbeke');
    expect((await onB.request('POST', '/api/auth/logout')).status).toBe(204);
    expect((await onA.request('GET', '/api/auth/me')).status).toBe(401);
  });

  it(`shares the login limit: failed logins spread over both processes meet 429 at the same count as on one`, async () => {
    const attempt = (server: ServerProcess, email: string, ip: string) =>
      fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
        body: JSON.stringify({ email, password: 'wrong-password' }),
      }).then((response) => response.status);
    const onOne: number[] = [];
    const spread: number[] = [];
    for (let i = 0; i <= LOGIN_LIMIT; i += 1) onOne.push(await attempt(servers[0], teachers[1], '198.51.100.21'));
    for (let i = 0; i <= LOGIN_LIMIT; i += 1) spread.push(await attempt(servers[i % 2], teachers[2], '198.51.100.22'));
    console.log(`two processes: login answers on one process ${onOne.join(',')}; spread over both ${spread.join(',')}`);
    expect(onOne).toEqual([...Array(LOGIN_LIMIT).fill(401), 429]);
    expect(spread).toEqual(onOne);
    expect(await attempt(servers[1], teachers[1], '198.51.100.21')).toBe(429);
  });
});
