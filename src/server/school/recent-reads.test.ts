import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecentReads, SchoolWrites } from './recent-reads';

const setup = (ttlMs = 1000, maxEntries = 3) => {
  let now = 1_000_000;
  const writes = new SchoolWrites();
  const reads = new RecentReads<string>(writes, ttlMs, maxEntries, () => now);
  let loads = 0;
  const read = (key: string, missing = false) =>
    reads.read(key, async () => {
      loads += 1;
      return missing ? undefined : `${key}@${loads - 1}`;
    });
  return { writes, reads, read, loads: () => loads, tick: (ms: number) => (now += ms) };
};

describe('RecentReads: a read kept for a moment, dropped by any write in this process', () => {
  it('serves a read for less than ttlMs after it began, and reads again at ttlMs', async () => {
    const { read, loads, tick } = setup();
    expect(await read('a')).toBe('a@0');
    tick(999);
    expect(await read('a')).toBe('a@0');
    tick(1);
    expect(await read('a')).toBe('a@1');
    expect(loads()).toBe(2);
  });

  it('reads again after a write, and never keeps a read a write overtook', async () => {
    const { writes, reads, read, loads } = setup();
    await read('a');
    writes.record();
    expect(await read('a')).toBe('a@1');
    const overtaken = await reads.read('b', async () => {
      writes.record();
      return 'b-before-the-write';
    });
    expect(overtaken).toBe('b-before-the-write');
    expect(await read('b')).toBe('b@2');
    expect(loads()).toBe(3);
  });

  it('records a write that fails too', async () => {
    const writes = new SchoolWrites();
    await expect(writes.around(Promise.reject(new Error('conflict')))).rejects.toThrow('conflict');
    expect(writes.generation).toBe(1);
  });

  it('keeps nothing read as undefined, nothing with a ttl or bound of 0, and at most maxEntries', async () => {
    const { reads, read, loads } = setup();
    await read('missing', true);
    await read('missing', true);
    expect(loads()).toBe(2);
    for (const key of ['a', 'b', 'c', 'd']) await read(key);
    expect(reads.size).toBe(3);
    await read('a');
    expect(loads()).toBe(7);
    const off = setup(0, 3);
    await off.read('a');
    await off.read('a');
    expect(off.loads()).toBe(2);
    const none = setup(1000, 0);
    await none.read('a');
    expect(none.reads.size).toBe(0);
  });

  it('answers every read as a fresh read would, whatever writes and time do in between', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(fc.record({ read: fc.constantFrom('a', 'b', 'c') }), fc.record({ write: fc.constantFrom('a', 'b', 'c') }), fc.record({ wait: fc.integer({ min: 0, max: 1500 }) })),
          {
            maxLength: 40,
          },
        ),
        async (steps) => {
          let now = 0;
          const writes = new SchoolWrites();
          const reads = new RecentReads<number>(writes, 1000, 2, () => now);
          // The "database": a version per key, changed only by writes of this process.
          const stored = new Map<string, number>();
          for (const step of steps) {
            if ('wait' in step) now += step.wait;
            else if ('write' in step) await writes.around(Promise.resolve(stored.set(step.write, (stored.get(step.write) ?? 0) + 1)));
            else expect(await reads.read(step.read, async () => stored.get(step.read) ?? 0)).toBe(stored.get(step.read) ?? 0);
          }
        },
      ),
    );
  });
});
