import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFresh, SessionCache, sessionStep } from './session-cache';
import type { SessionRow } from './sessions.repository';

const HOUR = 3600_000;
const IDLE = 336 * HOUR;
const row = (id: string, userId = 'u1', expiresAt = '2030-01-01T00:00:00.000Z'): SessionRow => ({ id, userId, csrfToken: `csrf-${id}`, expiresAt });

describe('sessionStep: what a request does with a session row', () => {
  it('expires at the very millisecond of its expiry, slides once less than the idle time minus an hour is left', () => {
    const now = 1_000_000_000_000;
    expect(sessionStep(now, now, IDLE)).toBe('expired');
    expect(sessionStep(now - 1, now, IDLE)).toBe('expired');
    expect(sessionStep(now + 1, now, IDLE)).toBe('extend');
    expect(sessionStep(now + IDLE - HOUR - 1, now, IDLE)).toBe('extend');
    expect(sessionStep(now + IDLE - HOUR, now, IDLE)).toBe('serve');
    expect(sessionStep(now + IDLE, now, IDLE)).toBe('serve');
    expect(sessionStep(Number.NaN, now, IDLE)).toBe('serve');
  });

  it('decides as authenticate always did: delete when expired, else extend when due', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 42 }), fc.integer({ min: -2 * IDLE, max: 2 * IDLE }), fc.integer({ min: 2, max: 10_000 }), (now, offset, idleHours) => {
        const idleMs = idleHours * HOUR;
        const expiresAt = now + offset;
        const before = expiresAt <= now ? 'expired' : expiresAt - now < idleMs - 3600_000 ? 'extend' : 'serve';
        expect(sessionStep(expiresAt, now, idleMs)).toBe(before);
      }),
    );
  });
});

describe('isFresh', () => {
  it('holds from the read for less than the time to live, never for a read in the future', () => {
    expect(isFresh(1000, 1000, 5000)).toBe(true);
    expect(isFresh(1000, 5999, 5000)).toBe(true);
    expect(isFresh(1000, 6000, 5000)).toBe(false);
    expect(isFresh(1000, 999, 5000)).toBe(false);
    expect(isFresh(1000, 1000, 0)).toBe(false);
  });
});

describe('SessionCache', () => {
  it('serves a kept row until its time to live has passed', () => {
    const cache = new SessionCache(5000, 10);
    cache.keep(row('a'), 1000, cache.generation);
    expect(cache.get('a', 1000)).toEqual(row('a'));
    expect(cache.get('a', 5999)).toEqual(row('a'));
    expect(cache.get('a', 6000)).toBeUndefined();
    expect(cache.get('a', 1000)).toBeUndefined();
  });

  it('forgets one session, every session of an account, or all but the one kept', () => {
    const cache = new SessionCache(5000, 10);
    for (const session of [row('a'), row('b'), row('c'), row('d', 'u2')]) cache.keep(session, 0, cache.generation);
    cache.forget('a');
    expect(cache.get('a', 1)).toBeUndefined();
    cache.forgetUser('u1', 'b');
    expect(cache.get('b', 1)).toEqual(row('b'));
    expect(cache.get('c', 1)).toBeUndefined();
    expect(cache.get('d', 1)).toEqual(row('d', 'u2'));
    cache.forgetUser('u2');
    expect(cache.get('d', 1)).toBeUndefined();
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it('does not keep a read that began before a write forgot something', () => {
    const cache = new SessionCache(5000, 10);
    const before = cache.generation;
    cache.forget('a');
    cache.keep(row('a'), 0, before);
    expect(cache.get('a', 1)).toBeUndefined();
    cache.keep(row('a'), 0, cache.generation);
    expect(cache.get('a', 1)).toEqual(row('a'));
  });

  it('holds at most its bound, the oldest read first out; a time to live of 0 keeps nothing', () => {
    const cache = new SessionCache(5000, 2);
    cache.keep(row('a'), 0, cache.generation);
    cache.keep(row('b'), 1, cache.generation);
    cache.keep(row('c'), 2, cache.generation);
    expect(cache.size).toBe(2);
    expect(cache.get('a', 3)).toBeUndefined();
    expect(cache.get('c', 3)).toEqual(row('c'));
    const off = new SessionCache(0, 10);
    off.keep(row('a'), 0, off.generation);
    expect(off.get('a', 0)).toBeUndefined();
  });

  it('for any sequence of reads and writes: never over its bound, never serves a forgotten or stale row', () => {
    const id = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    const user = fc.constantFrom('u1', 'u2');
    const op = fc.oneof(
      fc.record({ kind: fc.constant('keep' as const), id, user, stale: fc.boolean() }),
      fc.record({ kind: fc.constant('forget' as const), id }),
      fc.record({ kind: fc.constant('forgetUser' as const), user, keep: fc.option(id, { nil: undefined }) }),
      fc.record({ kind: fc.constant('clear' as const) }),
      fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 3000 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), fc.integer({ min: 1, max: 4 }), (ops, max) => {
        const ttl = 5000;
        const cache = new SessionCache(ttl, max);
        // The model: what may be served, and when it was read.
        const model = new Map<string, { userId: string; readAt: number }>();
        let now = 0;
        for (const step of ops) {
          if (step.kind === 'keep') {
            const generation = cache.generation;
            if (step.stale) cache.forget('zz');
            cache.keep(row(step.id, step.user), now, generation);
            if (!step.stale) model.set(step.id, { userId: step.user, readAt: now });
          } else if (step.kind === 'forget') {
            cache.forget(step.id);
            model.delete(step.id);
          } else if (step.kind === 'forgetUser') {
            cache.forgetUser(step.user, step.keep);
            for (const [key, value] of model) if (value.userId === step.user && key !== step.keep) model.delete(key);
          } else if (step.kind === 'clear') {
            cache.clear();
            model.clear();
          } else now += step.ms;
          expect(cache.size).toBeLessThanOrEqual(max);
          for (const key of ['a', 'b', 'c', 'd', 'e']) {
            const served = cache.get(key, now);
            const allowed = model.get(key);
            if (served) {
              expect(allowed).toBeDefined();
              expect(served.userId).toBe(allowed!.userId);
              expect(now - allowed!.readAt).toBeLessThan(ttl);
            }
          }
        }
      }),
    );
  });
});
