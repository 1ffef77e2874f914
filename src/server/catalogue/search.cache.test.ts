import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SearchCache } from './search.cache';

const sized = (maxBytes: number, ttlMs = 1000, clock: () => number = () => 0) => new SearchCache<string>(maxBytes, ttlMs, (value) => value.length, clock);

describe('SearchCache', () => {
  it('counts a key as two bytes a character and the value as sizeOf says', () => {
    const cache = sized(100);
    cache.set('ab', 'xyz');
    expect(cache.bytes).toBe(7);
    expect(cache.get('ab')).toBe('xyz');
  });

  it('keeps an entry of exactly the bound, and not one byte more', () => {
    const cache = sized(10);
    cache.set('a', '12345678');
    expect(cache.get('a')).toBe('12345678');
    cache.set('b', '123456789');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('12345678');
    expect(cache.bytes).toBe(10);
  });

  it('lets the oldest entries go first to make room', () => {
    const cache = sized(12);
    cache.set('a', '1111');
    cache.set('b', '2222');
    cache.set('c', '3333');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBe('2222');
    expect(cache.get('c')).toBe('3333');
  });

  it('replaces a key without counting it twice', () => {
    const cache = sized(100);
    cache.set('a', '1111');
    cache.set('a', '22');
    expect(cache.bytes).toBe(4);
    expect(cache.get('a')).toBe('22');
  });

  it('forgets an entry older than the ttl, and keeps nothing with a ttl of 0', () => {
    let now = 0;
    const cache = sized(100, 1000, () => now);
    cache.set('a', 'x');
    now = 1000;
    expect(cache.get('a')).toBe('x');
    now = 1001;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.bytes).toBe(0);
    const off = sized(100, 0);
    off.set('a', 'x');
    expect(off.get('a')).toBeUndefined();
  });

  it('is empty after clear', () => {
    const cache = sized(100);
    cache.set('a', 'x');
    cache.clear();
    expect(cache.get('a')).toBeUndefined();
    expect(cache.bytes).toBe(0);
  });

  it('never holds more than its bound, and always answers the last value set for a key it kept (property)', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), key: fc.constantFrom('a', 'b', 'c', 'dd', 'eee'), value: fc.string({ maxLength: 30 }) }),
      fc.record({ kind: fc.constant('clear' as const) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.array(op, { maxLength: 40 }), (maxBytes, ops) => {
        const cache = sized(maxBytes);
        const last = new Map<string, string>();
        for (const o of ops) {
          if (o.kind === 'clear') {
            cache.clear();
            last.clear();
          } else {
            cache.set(o.key, o.value);
            last.set(o.key, o.value);
          }
          expect(cache.bytes).toBeLessThanOrEqual(maxBytes);
        }
        let held = 0;
        for (const [key, value] of last) {
          const got = cache.get(key);
          if (got !== undefined) {
            expect(got).toBe(value);
            held += key.length * 2 + value.length;
          }
        }
        expect(held).toBe(cache.bytes);
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});
