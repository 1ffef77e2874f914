import { CamelCasePlugin, type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_DIALECT, type TestDatabase } from '../../../../test/support/dialects';
import { type Db, openDatabase } from './database';
import { precompiled } from './precompiled';

describe('precompiled', () => {
  // SQLite in memory, or a PostgreSQL database of its own when TEST_DATABASE_URL is set.
  let database: TestDatabase;
  let db: Db;
  let k: Kysely<{ t: { a: string; b: string; c: string } }>;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = openDatabase(database.url);
    k = db.kysely as unknown as typeof k;
    await k.schema.createTable('t').addColumn('a', 'text').addColumn('b', 'text').addColumn('c', 'text').execute();
    await k
      .insertInto('t')
      .values([
        { a: '1', b: 'x', c: 'k' },
        { a: '2', b: 'y', c: 'k' },
        { a: '1', b: 'y', c: 'other' },
      ])
      .execute();
  });
  afterAll(async () => {
    await db.close();
    await database.drop();
  });

  it('runs the query compiled once with each call’s values, keeping its constants', async () => {
    const find = precompiled(k, (b: string, a: string) => k.selectFrom('t').select('a').where('c', '=', 'k').where('a', '=', a).where('b', '=', b), 2);
    expect(await find('x', '1')).toEqual([{ a: '1' }]);
    expect(await find('y', '2')).toEqual([{ a: '2' }]);
    expect(await find('y', '1')).toEqual([]);
  });

  it('runs inside a transaction, seeing what the transaction wrote', async () => {
    const find = precompiled(k, (c: string) => k.selectFrom('t').select('a').where('c', '=', c), 1);
    await expect(
      k.transaction().execute(async (trx) => {
        await trx.insertInto('t').values({ a: '3', b: 'z', c: 'in-trx' }).execute();
        expect(await find.on(trx)('in-trx')).toEqual([{ a: '3' }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await find('in-trx')).toEqual([]);
  });

  it('writes inside a transaction, and the write goes when the transaction rolls back', async () => {
    const add = precompiled(k, (a: string, c: string) => k.insertInto('t').values({ a, b: 'v', c }), 2);
    const find = precompiled(k, (c: string) => k.selectFrom('t').select('a').where('c', '=', c), 1);
    await expect(
      k.transaction().execute(async (trx) => {
        expect(await add.on(trx)('5', 'written-in-trx')).toEqual([]);
        expect(await find.on(trx)('written-in-trx')).toEqual([{ a: '5' }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await find('written-in-trx')).toEqual([]);
    await k.transaction().execute(async (trx) => add.on(trx)('6', 'committed'));
    expect(await find('committed')).toEqual([{ a: '6' }]);
  });

  it.runIf(TEST_DIALECT === 'postgres')('runs inside a transaction on PostgreSQL as a named prepared statement of its connection', async () => {
    const find = precompiled(k, (c: string) => k.selectFrom('t').select('b as only_in_trx').where('c', '=', c).where('a', '=', '2'), 1);
    const named = await k.transaction().execute(async (trx) => {
      expect(await find.on(trx)('k')).toEqual([{ only_in_trx: 'y' }]);
      return sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements where name like 'precompiled_%' and statement like '%only_in_trx%'`.execute(trx);
    });
    expect(named.rows).toEqual([{ n: 1 }]);
  });

  it('never serves a read from outside a transaction what the transaction wrote and did not commit', async () => {
    const find = precompiled(k, (c: string) => k.selectFrom('t').select('a').where('c', '=', c), 1);
    let outside: Promise<Array<{ a: string }>> | undefined;
    await expect(
      k.transaction().execute(async (trx) => {
        await trx.insertInto('t').values({ a: '4', b: 'w', c: 'uncommitted' }).execute();
        outside = find('uncommitted');
        await new Promise((resolve) => setTimeout(resolve, 20));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await outside).toEqual([]);
    expect(await find('k')).toHaveLength(2);
  });

  it('binds arguments of any type and reads counts as numbers', async () => {
    const firstOf = precompiled(k, (c: string, n: number) => k.selectFrom('t').select('b').where('c', '=', c).orderBy('b').limit(n), 2);
    expect(await firstOf('k', 1)).toEqual([{ b: 'x' }]);
    expect(await firstOf('k', 5)).toEqual([{ b: 'x' }, { b: 'y' }]);
    const count = precompiled(
      k,
      (c: string) =>
        k
          .selectFrom('t')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('c', '=', c),
      1,
    );
    expect(await count('k')).toStrictEqual([{ n: 2 }]);
    expect(await count('none')).toStrictEqual([{ n: 0 }]);
  });

  it('answers many calls at once, each with its own values', async () => {
    const find = precompiled(k, (a: string, c: string) => k.selectFrom('t').select('b').where('a', '=', a).where('c', '=', c), 2);
    const calls = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? find('1', 'k') : find('2', 'k')));
    const answers = await Promise.all(calls);
    answers.forEach((rows, i) => expect(rows).toEqual(i % 2 === 0 ? [{ b: 'x' }] : [{ b: 'y' }]));
  });

  it('keeps the plugins of the Kysely instance it runs on', async () => {
    const camel = k.withPlugin(new CamelCasePlugin());
    const find = precompiled(camel, (c: string) => camel.selectFrom('t').select('a as theA').where('c', '=', c), 1);
    expect(await find('other')).toEqual([{ theA: '1' }]);
  });

  it('refuses a query that does not bind each argument exactly once', () => {
    expect(() => precompiled(k, (_a: string) => k.selectFrom('t').select('a'), 1)).toThrow(/argument 0/);
  });
});
