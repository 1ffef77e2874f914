import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modules } from '../src/server/app';
import { ownMigrations } from '../src/server/platform/db/migrations';
import { exampleModule } from './example/example.module';
import { startTestApp, type TestApp } from './support/test-app';

/** A module is a folder and one line in the module list: here one the platform has never heard of, added by a test. */
describe('a module registered only in a test', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ modules: [...modules, exampleModule] });
  });
  afterAll(() => t.close());

  it('is migrated beside the real modules, and its route reads its table', async () => {
    const migrated = await t.app.db.kysely.withTables<{ kysely_migration: { name: string } }>().selectFrom('kysely_migration').select('name').execute();
    expect(migrated.map((m) => m.name)).toEqual(expect.arrayContaining(['20261129_01_platform_accounts', '20261129_04_catalogue_trainings', '20270101_01_example_notes']));
    const teacher = await t.user('teacher');
    const res = await teacher.request({ method: 'GET', url: '/api/example/notes' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ notes: [{ id: 'n1', text: 'Hello from a module the platform never heard of' }] });
  });

  it('gets the platform’s access check and error handling, and its operation in the API document', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/example/notes' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.id).toBe('unauthenticated');
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(doc.paths['/api/example/notes'].get.operationId).toBe('listExampleNotes');
  });

  it('leaves the real modules as they were', async () => {
    const teacher = await t.user('teacher');
    expect((await teacher.request({ method: 'GET', url: '/api/me/scans' })).statusCode).toBe(200);
    expect((await teacher.request({ method: 'GET', url: '/api/trainings' })).statusCode).toBe(200);
  });

  it('is unknown to the platform: not in its migrations, its module list or its code', () => {
    expect(Object.keys(ownMigrations).some((name) => name.includes('example'))).toBe(false);
    expect(modules.map((m) => m.name)).not.toContain('example');
    const platformDir = join(import.meta.dirname, '../src/server/platform');
    const platformFiles = readdirSync(platformDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    for (const file of platformFiles) expect(readFileSync(join(platformDir, file), 'utf8')).not.toMatch(/example_notes|exampleModule/);
  });
});
