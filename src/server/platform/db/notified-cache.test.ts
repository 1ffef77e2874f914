import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type ListenerEvents, openDatabase } from './database';
import { NotifiedCache } from './notified-cache';

/**
 * A cache on a fake database: `events` plays the listening connection, and each `pg_notify` the
 * cache sends is recorded in `sent` (and echoed back at once when `echo` is on).
 */
function cacheOf(maxEntries = 100) {
  let events: ListenerEvents | undefined;
  const sent: string[] = [];
  const state = { echo: true };
  const listen = (_channel: string, listener: ListenerEvents) => {
    events = listener;
    return { close: async () => {} };
  };
  const db = new Kysely<any>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (kysely) => new PostgresIntrospector(kysely),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    log: (event) => {
      const payload = String(event.query.parameters[1]);
      sent.push(payload);
      if (state.echo) events?.message(payload);
    },
  });
  const cache = new NotifiedCache<number>(db, { listen }, 'test', maxEntries);
  return { cache, events: () => events!, sent, state };
}

describe('NotifiedCache', () => {
  it('keeps a read only while listening, and drops what a notice names: a key, a group or everything', async () => {
    const { cache, events } = cacheOf();
    let value = 1;
    const read = (key: string) => cache.read(key, async () => value);
    expect(await read('a')).toBe(1);
    value = 2;
    expect(await read('a')).toBe(2); // not listening yet: nothing kept
    events().listening(true);
    await read('a');
    await read('u1\u0000s1');
    await read('u1\u0000s2');
    await read('u10\u0000s1');
    value = 3;
    expect(await read('a')).toBe(2);
    events().message('a');
    expect(await read('a')).toBe(3);
    events().message('u1');
    expect(cache.size).toBe(2); // 'a' and u10's: a group is its key and a NUL
    events().message('');
    expect(cache.size).toBe(0);
    await read('a');
    events().listening(false);
    expect(cache.size).toBe(0);
    expect(await read('a')).toBe(3);
    expect(cache.size).toBe(0);
  });

  it('does not keep a read that a notice overtook, and holds at most maxEntries', async () => {
    const { cache, events } = cacheOf(2);
    events().listening(true);
    let release!: (value: number) => void;
    const pending = cache.read('a', () => new Promise((resolve) => (release = resolve)));
    events().message('b');
    release(1);
    expect(await pending).toBe(1);
    expect(cache.size).toBe(0);
    for (const key of ['a', 'b', 'c']) await cache.read(key, async () => 1);
    expect(cache.size).toBe(2);
  });

  it('never answers an older value than the source holds once each change was announced', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.record({ read: fc.constantFrom('a', 'b', 'c') }), fc.record({ change: fc.constantFrom('a', 'b', 'c') }), fc.constant({ drop: true as const })), {
          maxLength: 40,
        }),
        async (steps) => {
          const { cache, events } = cacheOf(2);
          events().listening(true);
          const source = new Map<string, number>();
          for (const step of steps) {
            if ('read' in step) expect(await cache.read(step.read, async () => source.get(step.read) ?? 0)).toBe(source.get(step.read) ?? 0);
            else if ('change' in step) {
              source.set(step.change, (source.get(step.change) ?? 0) + 1);
              events().message(step.change);
            } else {
              events().listening(false);
              events().listening(true);
            }
          }
        },
      ),
    );
  });

  it('makes a write wait for a listener that is still connecting, then for its echo', async () => {
    const { cache, events, sent, state } = cacheOf();
    let answered = false;
    const write = cache.afterWrite(Promise.resolve('written')).then((value) => {
      answered = true;
      return value;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    expect(sent).toEqual([]);
    state.echo = false;
    events().listening(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sent).toHaveLength(1); // the echo went out once the listener took effect
    expect(answered).toBe(false); // and the write waits to hear it
    events().message(sent[0]!);
    expect(await write).toBe('written');
  });

  it('answers a write without waiting on a database that cannot listen', async () => {
    const database = openDatabase('sqlite::memory:');
    const cache = new NotifiedCache<number>(database.kysely, database, 'test', 10);
    expect(await cache.afterWrite(Promise.resolve(1))).toBe(1);
    await database.close();
  });
});

describe('NotifiedCache on SQLite', () => {
  const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

  it('keeps reads while nothing is written, and drops them on a write by this connection or, from the next turn, by another', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'notified-cache-'));
    const here = openDatabase(`sqlite:${join(dir, 'test.db')}`);
    const other = openDatabase(`sqlite:${join(dir, 'test.db')}`);
    try {
      await sql`CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL)`.execute(here.kysely);
      await sql`INSERT INTO t VALUES ('a', 1), ('b', 10)`.execute(here.kysely);
      const cache = new NotifiedCache<number>(here.kysely, here, 'test', 10);
      let loads = 0;
      const read = (key: string) =>
        cache.read(key, async () => {
          loads += 1;
          const { rows } = await sql<{ v: number }>`SELECT v FROM t WHERE k = ${key}`.execute(here.kysely);
          return rows[0]!.v;
        });

      expect([await read('a'), await read('b'), await read('a')]).toEqual([1, 10, 1]);
      expect(loads).toBe(2);

      // a write on this connection that bypasses afterWrite (a cascade, another module) is seen at once
      await sql`UPDATE t SET v = 2 WHERE k = 'a'`.execute(here.kysely);
      expect(await read('a')).toBe(2);
      expect(await read('b')).toBe(10);
      expect(loads).toBe(4);

      // another process's commit is seen from the next turn of the event loop on
      await nextTurn();
      await sql`UPDATE t SET v = 11 WHERE k = 'b'`.execute(other.kysely);
      await nextTurn();
      expect([await read('b'), await read('a')]).toEqual([11, 2]);

      // a write that changes no row changes nothing kept
      const before = loads;
      await sql`UPDATE t SET v = 0 WHERE k = 'none'`.execute(here.kysely);
      expect([await read('a'), await read('b')]).toEqual([2, 11]);
      expect(loads).toBe(before);
    } finally {
      await here.close();
      await other.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does not keep a value read while a write of this connection came in between', async () => {
    const database = openDatabase('sqlite::memory:');
    try {
      await sql`CREATE TABLE t (v INTEGER NOT NULL)`.execute(database.kysely);
      await sql`INSERT INTO t VALUES (1)`.execute(database.kysely);
      const cache = new NotifiedCache<number>(database.kysely, database, 'test', 10);
      const current = async () => (await sql<{ v: number }>`SELECT v FROM t`.execute(database.kysely)).rows[0]!.v;
      // the first read is overtaken by a write once it has read its value
      const first = await cache.read('k', async () => {
        const value = await current();
        await sql`UPDATE t SET v = 2`.execute(database.kysely);
        return value;
      });
      expect(first).toBe(1);
      expect(cache.size).toBe(0);
      expect(await cache.read('k', current)).toBe(2);
      expect(cache.size).toBe(1);
    } finally {
      await database.close();
    }
  });
});
