import { createHash } from 'node:crypto';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { RateLimitRepository } from './rate-limit.repository';

type Callback = Parameters<FastifyRateLimitStore['incr']>[1];

/** Forget counters now and then (one count in this many), once their window is long over. */
const SWEEP_EVERY = 500;

/**
 * A store for @fastify/rate-limit on the app's own database, so several server processes on one
 * PostgreSQL share their counts (the plugin's own store lives in one process's memory). SQLite
 * uses it too, so a limit behaves the same on both. Keys are hashed: the table holds no
 * addresses or IPs. `longestWindowMs` bounds how long a counter can matter.
 */
export function databaseRateLimitStore(repository: RateLimitRepository, longestWindowMs: number, clock: () => Date = () => new Date()): FastifyRateLimitStoreCtor {
  let counted = 0;
  const sweep = (now: Date) => {
    counted += 1;
    if (counted % SWEEP_EVERY !== 0) return;
    repository.removeStartedBefore(new Date(now.getTime() - longestWindowMs).toISOString()).catch(() => {});
  };

  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    incr(key: string, callback: Callback, timeWindow: number): void {
      const now = clock();
      repository.countAttempt(hashed(key), now, timeWindow).then(
        ({ attempts, windowStart }) => {
          sweep(now);
          callback(null, { current: attempts, ttl: Math.max(0, Date.parse(windowStart) + timeWindow - now.getTime()) });
        },
        (error: Error) => callback(error),
      );
    }

    /** The plugin's non-counting peek (`{ increment: false }`). */
    read(key: string, callback: Callback, timeWindow: number): void {
      const now = clock();
      repository.currentAttempts(hashed(key), now, timeWindow).then(
        (row) => callback(null, row ? { current: row.attempts, ttl: Math.max(0, Date.parse(row.windowStart) + timeWindow - now.getTime()) } : { current: 0, ttl: 0 }),
        (error: Error) => callback(error),
      );
    }

    child(): FastifyRateLimitStore {
      return this;
    }
  }
  return DatabaseRateLimitStore;
}

function hashed(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}
