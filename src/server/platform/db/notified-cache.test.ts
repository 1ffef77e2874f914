import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { ListenerEvents } from './database';
import { NotifiedCache } from './notified-cache';

/** A cache on a fake database: `events` plays the listening connection. */
function cacheOf(maxEntries = 100) {
  let events: ListenerEvents | undefined;
  const listen = (_channel: string, listener: ListenerEvents) => {
    events = listener;
    return { close: async () => {} };
  };
  const cache = new NotifiedCache<number>({} as Kysely<any>, { listen }, 'test', maxEntries);
  return { cache, events: () => events! };
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
});
