import { type Kysely, Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/dialects';
import { modules } from '../app';
import { type Db, openDatabase } from '../platform/db/database';
import { migrateToLatest, migrationsOf } from '../platform/db/migrations';

const ONE_IN_PROGRESS = '20261217_01_digisnap_one_scan_in_progress';

describe(ONE_IN_PROGRESS, () => {
  // SQLite in memory, or a PostgreSQL database of its own when TEST_DATABASE_URL is set.
  let database: TestDatabase;
  let db: Db;
  let k: Kysely<any>;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = openDatabase(database.url);
    k = db.kysely as Kysely<any>;
    const all = migrationsOf(modules);
    const before = Object.fromEntries(Object.entries(all).filter(([name]) => name < ONE_IN_PROGRESS));
    const { error } = await new Migrator({ db: k, provider: { getMigrations: async () => before } }).migrateToLatest();
    if (error) throw error;
  });
  afterAll(async () => {
    await db.close();
    await database.drop();
  });

  const scan = (id: string, userId: string, status: string, updatedAt: string) => ({
    id,
    user_id: userId,
    framework_id: 'digcompedu',
    framework_version: '1',
    status,
    background: '{}',
    started_at: updatedAt,
    updated_at: updatedAt,
  });

  it('keeps the in-progress scan with the most answers per teacher (the latest on a tie), then allows only one', async () => {
    const now = '2026-12-01T00:00:00.000Z';
    await k
      .insertInto('users')
      .values(['u1', 'u2', 'u3'].map((id) => ({ id, email: `${id}@school.test`, display_name: id, locale: 'nl', created_at: now })))
      .execute();
    await k
      .insertInto('scans')
      .values([
        scan('a-answered', 'u1', 'in_progress', '2026-12-01T10:00:00.000Z'),
        scan('a-newer-empty', 'u1', 'in_progress', '2026-12-02T10:00:00.000Z'),
        scan('a-submitted', 'u1', 'submitted', '2026-11-01T10:00:00.000Z'),
        scan('b-older', 'u2', 'in_progress', '2026-12-01T10:00:00.000Z'),
        scan('b-newer', 'u2', 'in_progress', '2026-12-03T10:00:00.000Z'),
        scan('c-only', 'u3', 'in_progress', '2026-12-01T10:00:00.000Z'),
      ])
      .execute();
    await k
      .insertInto('scan_answers')
      .values([
        { scan_id: 'a-answered', competence_code: '1.1', option_index: 2, answered_at: now },
        { scan_id: 'a-newer-empty', competence_code: '1.1', option_index: 1, answered_at: now },
        { scan_id: 'a-answered', competence_code: '1.2', option_index: 3, answered_at: now },
      ])
      .execute();

    expect(await migrateToLatest(k, modules)).toContain(ONE_IN_PROGRESS);
    const left = await k.selectFrom('scans').select('id').orderBy('id').execute();
    expect(left.map((r) => r.id)).toEqual(['a-answered', 'a-submitted', 'b-newer', 'c-only']);
    const answers = await k.selectFrom('scan_answers').select('scan_id').execute();
    expect(new Set(answers.map((r) => r.scan_id))).toEqual(new Set(['a-answered']));

    await expect(
      k
        .insertInto('scans')
        .values(scan('c-second', 'u3', 'in_progress', now))
        .execute(),
    ).rejects.toThrow();
    await k
      .insertInto('scans')
      .values(scan('c-done', 'u3', 'submitted', now))
      .execute();
  });
});
