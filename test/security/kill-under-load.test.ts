import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { configFromEnv } from '../../src/server/config';
import { createTestDatabase, type TestDatabase } from '../support/dialects';
import { type HttpSession, loginOver, type ServerProcess, startServerProcess } from '../support/server-process';
import { TEST_PASSWORD } from '../support/test-app';

const CYCLES = 3;
const TEACHERS_PER_CYCLE = 8;
/** Acknowledged answers after which the server is killed, while the others are in flight. */
const KILL_AFTER_ACKS = 60;
const LIMITS = { RATE_LIMIT_LOGIN: '100000/900', RATE_LIMIT_LOGIN_PER_IP: '100000/900' };

/**
 * The real server as its own process on a file database (SQLite) or on PostgreSQL when
 * TEST_DATABASE_URL is set. Teachers answer their scans concurrently; once 60 answers are
 * acknowledged the process gets SIGKILL mid-load. After a restart every acknowledged answer
 * must be there, with the option that was acknowledged. Three cycles.
 */
describe('kill -9 under load loses no acknowledged write', { timeout: 240_000 }, () => {
  let database: TestDatabase;
  let competences: string[];
  const teachers: string[] = [];
  let server: ServerProcess | null = null;

  beforeAll(async () => {
    database = await createTestDatabase({ file: true });
    // The accounts are made before the server process starts, by the app on the same database.
    const app = await buildApp({ ...configFromEnv({}), databaseUrl: database.url, demo: false, webDir: '/nonexistent', logLevel: 'silent' }, { logger: false });
    competences = app.services.digisnap.currentFramework().areas.flatMap((area) => area.competences.map((competence) => competence.code));
    for (let i = 0; i < CYCLES * TEACHERS_PER_CYCLE; i += 1) {
      const email = `leraar${i}@kill.test`;
      await app.services.auth.createAccount({ email, password: TEST_PASSWORD, role: 'teacher' });
      teachers.push(email);
    }
    await app.close();
  }, 120_000);
  afterAll(async () => {
    await server?.kill('SIGKILL');
    await database?.drop();
  });

  it(`keeps every acknowledged scan answer over ${CYCLES} SIGKILL cycles`, async () => {
    const totals: string[] = [];
    for (let cycle = 0; cycle < CYCLES; cycle += 1) {
      server = await startServerProcess(database.url, LIMITS);
      const running = server;
      const emails = teachers.slice(cycle * TEACHERS_PER_CYCLE, (cycle + 1) * TEACHERS_PER_CYCLE);
      const sessions = await Promise.all(emails.map((email) => loginOver(running.url, email, TEST_PASSWORD)));
      const scanIds = await Promise.all(sessions.map(async (session) => ((await (await session.request('POST', '/api/scans')).json()) as { id: string }).id));

      const acknowledged = new Map<string, number>();
      let sent = 0;
      let killed: Promise<void> | null = null;
      const answerAll = async (session: HttpSession, scanId: string, teacher: number) => {
        for (const [i, competence] of competences.entries()) {
          const option = (teacher + i) % 4;
          sent += 1;
          try {
            const response = await session.request('PUT', `/api/scans/${scanId}/answers/${competence}`, { option });
            if (response.status === 200) acknowledged.set(`${scanId}|${competence}`, option);
          } catch {
            return; // the connection died with the process: not acknowledged
          }
          if (!killed && acknowledged.size >= KILL_AFTER_ACKS) killed = running.kill('SIGKILL');
        }
      };
      await Promise.all(sessions.map((session, teacher) => answerAll(session, scanIds[teacher], teacher)));
      expect(killed, 'the load ended before the kill').not.toBeNull();
      await killed;
      expect(running.child.signalCode).toBe('SIGKILL');

      server = await startServerProcess(database.url, LIMITS);
      const restarted = server;
      let found = 0;
      const missing: string[] = [];
      for (const [teacher, email] of emails.entries()) {
        const session = await loginOver(restarted.url, email, TEST_PASSWORD);
        const scan = (await (await session.request('GET', `/api/scans/${scanIds[teacher]}`)).json()) as { answers: Record<string, number> };
        for (const competence of competences) {
          const option = acknowledged.get(`${scanIds[teacher]}|${competence}`);
          if (option === undefined) continue;
          if (scan.answers[competence] === option) found += 1;
          else missing.push(`${email} ${competence}: acknowledged ${option}, stored ${scan.answers[competence]}`);
        }
      }
      totals.push(`cycle ${cycle + 1}: ${sent} answers sent, ${acknowledged.size} acknowledged, ${found} found after the restart, ${missing.length} lost`);
      expect(missing).toEqual([]);
      await restarted.kill('SIGTERM');
      server = null;
    }
    console.log(`kill -9 under load (${database.dialect}):\n  ${totals.join('\n  ')}`);
  });
});
