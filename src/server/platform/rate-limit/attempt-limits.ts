import fastifyRateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { RateLimitPolicy } from '../../../shared/platform/endpoint';
import type { RateLimits } from '../../config';
import type { PlatformTables } from '../db/schema';
import { RateLimitRepository } from './rate-limit.repository';
import { databaseRateLimitStore } from './rate-limit.store';

declare module 'fastify' {
  interface FastifyInstance {
    /** The pre-handler that counts an attempt under a rate-limit policy and refuses it (429) once a limit is spent. */
    attemptLimit(policy: RateLimitPolicy): preHandlerAsyncHookHandler;
  }
}

/** What one limit counts by: the client's IP, the address in the body from that IP, or the logged-in account. */
type CountedBy = 'ip' | 'address-and-ip' | 'account';

/** The limits of each policy, checked in order: the broad one first, so a spray over addresses stops too. */
const POLICIES: Record<RateLimitPolicy, ReadonlyArray<{ limit: keyof RateLimits; by: CountedBy }>> = {
  login: [
    { limit: 'loginPerIp', by: 'ip' },
    { limit: 'login', by: 'address-and-ip' },
  ],
  invitation: [{ limit: 'invitation', by: 'ip' }],
  joinCode: [{ limit: 'joinCode', by: 'ip' }],
  classCode: [{ limit: 'classCode', by: 'ip' }],
  passwordReset: [
    { limit: 'passwordResetPerIp', by: 'ip' },
    { limit: 'passwordReset', by: 'address-and-ip' },
  ],
  passwordChange: [
    { limit: 'passwordChangePerIp', by: 'ip' },
    { limit: 'passwordChange', by: 'account' },
  ],
  passwordResetConfirm: [{ limit: 'passwordResetConfirm', by: 'ip' }],
};

/**
 * Rate limits with @fastify/rate-limit, counted in the database (`rate_limits`), so every server
 * process on one database enforces the same limit. An endpoint names its policy in its
 * declaration (`rateLimit: 'login'`) and `route()` puts `app.attemptLimit(policy)` first among
 * its pre-handlers. Every attempt counts, a right one too: after the limit a correct password is
 * refused as well, until the window has passed.
 */
export async function registerAttemptLimits(app: FastifyInstance, db: Kysely<PlatformTables>, limits: RateLimits): Promise<void> {
  const longestWindowMs = Math.max(...Object.values(limits).map((limit) => limit.windowSeconds * 1000));
  await app.register(fastifyRateLimit, { global: false, store: databaseRateLimitStore(new RateLimitRepository(db), longestWindowMs) });

  const checksOf = (policy: RateLimitPolicy) =>
    POLICIES[policy].map(({ limit, by }) =>
      app.createRateLimit({
        max: limits[limit].max,
        timeWindow: limits[limit].windowSeconds * 1000,
        keyGenerator: (request) => keyOf(request, limit, by),
      }),
    );

  app.decorate('attemptLimit', (policy: RateLimitPolicy): preHandlerAsyncHookHandler => {
    const checks = checksOf(policy);
    return async (request, reply) => {
      for (const check of checks) {
        const result = await check(request);
        if (result.isAllowed || !result.isExceeded) continue;
        const seconds = Math.max(1, result.ttlInSeconds);
        reply.header('retry-after', String(seconds));
        throw new AppError('rate_limited', `Too many attempts; try again in ${seconds} seconds`);
      }
    };
  });
}

function keyOf(request: FastifyRequest, limit: keyof RateLimits, by: CountedBy): string {
  const ip = normalizeIP(request.ip);
  if (by === 'ip') return `${limit}|${ip}`;
  // The account is known before the body is read: authentication runs first (see route()).
  if (by === 'account') return `${limit}|${request.auth?.userId ?? ip}`;
  const address = (request.body as { email?: unknown } | null | undefined)?.email;
  return `${limit}|${ip}|${typeof address === 'string' ? address.trim().toLowerCase() : ''}`;
}
