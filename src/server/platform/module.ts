import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import type { Migration } from 'kysely';
import type { Config } from '../config';
import type { AccessPolicy } from './access/access';
import type { AuditRepository } from './audit/audit.repository';
import type { AuthService } from './auth/auth.service';
import type { Db } from './db/database';
import type { MailService } from './mail/mail.service';

/** What the platform hands every module when its services are built. */
export interface PlatformContext {
  config: Config;
  /** Typed with the platform's tables; a module adds its own with `db.kysely.withTables<…>()`. */
  db: Db;
  auth: AuthService;
  mail: MailService;
  audit: AuditRepository;
  /** The access check use cases start with: `access.require(userId, capability, schoolId)`. */
  access: AccessPolicy;
}

/** What a module's routes get from the platform besides the module's own services. */
export interface RouteContext {
  auth: AuthService;
  requireAuth: preHandlerAsyncHookHandler;
  optionalAuth: preHandlerAsyncHookHandler;
  secureCookies: boolean;
  sessionIdleHours: number;
}

/**
 * The seam of a module: all the platform knows of one. The platform migrates the module's
 * tables, builds its services, and lets it register its routes; it never imports a module.
 *
 * `Needs` is what the module asks of other modules, declared by the module itself as small
 * interfaces; the app (the composition root) wires them. A module that needs nothing but the
 * platform leaves it `void`.
 */
export interface ServerModule<Services extends object = object, Needs = void> {
  /** Unique, lower case: `digisnap`, `catalogue`, `school`, … */
  readonly name: string;
  /**
   * Named `<yyyymmdd>_<nn>_<module>_<what>`; all modules' migrations run in the order of their
   * names, so a name never changes once released.
   */
  readonly migrations: Readonly<Record<string, Migration>>;
  createServices(platform: PlatformContext, needs: Needs): Services;
  register(app: FastifyInstance, services: Services, routes: RouteContext): void;
}

/** A module of any kind, as lists of modules hold them. */
// biome-ignore lint/suspicious/noExplicitAny: a list holds modules with different services and needs.
export type AnyServerModule = ServerModule<any, any>;
