import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Dialect } from './database';
import { forUpdate, lockRow } from './row-lock';

interface Tables {
  schools: { id: string; name: string };
}

/** A database that runs nothing and records the SQL it was given. */
function recording(dialect: Dialect) {
  const statements: string[] = [];
  const postgres = dialect === 'postgres';
  const db = new Kysely<Tables>({
    dialect: {
      createAdapter: () => (postgres ? new PostgresAdapter() : new SqliteAdapter()),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => (postgres ? new PostgresIntrospector(k) : new SqliteIntrospector(k)),
      createQueryCompiler: () => (postgres ? new PostgresQueryCompiler() : new SqliteQueryCompiler()),
    },
    log: (event) => {
      statements.push(event.query.sql);
    },
  });
  return { db, statements };
}

describe('row locks', () => {
  it('adds FOR UPDATE on PostgreSQL only', () => {
    const query = (dialect: Dialect) => recording(dialect).db.selectFrom('schools').selectAll().where('id', '=', 's1').$call(forUpdate(dialect)).compile().sql;
    expect(query('postgres')).toBe('select * from "schools" where "id" = $1 for update');
    expect(query('sqlite')).toBe('select * from "schools" where "id" = ?');
  });

  it('lockRow selects the row by id inside the transaction, locking it on PostgreSQL', async () => {
    for (const [dialect, sql] of [
      ['postgres', 'select "id" from "schools" where "id" = $1 for update'],
      ['sqlite', 'select "id" from "schools" where "id" = ?'],
    ] as const) {
      const { db, statements } = recording(dialect);
      await db.transaction().execute((trx) => lockRow(trx, dialect, 'schools', 's1'));
      expect(statements).toEqual([sql]);
    }
  });
});
