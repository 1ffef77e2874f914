import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import type { Migration } from 'kysely';
import type { Config } from '../config';
import type { AccessPolicy } from './access/access';
import type { AuditRepository } from './audit/audit.repository';
import type { AuthService } from './auth/auth.service';
import type { Db } from './db/database';
import type { MailService } from './mail/mail.service';
import type { PersonalDataPart } from './personal-data/personal-data';

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
 *
 * `Tables` are the row types of the module's own tables; a module without tables leaves it out.
 * Only the type is used: the app types its database handle (`app.db`) with the tables of every
 * listed module, as it types `app.services` with their services.
 */
export interface ServerModule<Services extends object = object, Needs = void, Tables extends object = object> {
  /** Unique, lower case: `digisnap`, `catalogue`, `school`, … */
  readonly name: string;
  /**
   * Named `<yyyymmdd>_<nn>_<module>_<what>`; all modules' migrations run in the order of their
   * names, so a name never changes once released.
   */
  readonly migrations: Readonly<Record<string, Migration>>;
  createServices(platform: PlatformContext, needs: Needs): Services;
  register(app: FastifyInstance, services: Services, routes: RouteContext): void;
  /**
   * What the module keeps about a person, for "download all your data" (`exportMyData`): its
   * sections, and the columns holding a user id it leaves out, each with the reason. A test holds
   * every such column of the database to one or the other.
   */
  personalData?(platform: PlatformContext, services: Services): PersonalDataPart;
  /** Never set: it only carries the type of the module's tables to `TablesOfModules`. */
  readonly tables?: Tables;
}

/** A module of any kind, as lists of modules hold them. */
// biome-ignore lint/suspicious/noExplicitAny: a list holds modules with different services, needs and tables.
export type AnyServerModule = ServerModule<any, any, any>;

/**
 * What a list of modules adds up to: the services of every one of them at once. The list must
 * keep each module's type (`[a, b] as const`); of a plain `AnyServerModule[]` it is `any`.
 */
export type ServicesOfModules<List extends readonly AnyServerModule[]> = UnionToIntersection<ServicesOf<List[number]>>;

/** The tables of every module of a list at once. */
export type TablesOfModules<List extends readonly AnyServerModule[]> = UnionToIntersection<TablesOf<List[number]>>;

/** Of a union of modules, the union of their services (and below, of their tables). */
type ServicesOf<M extends AnyServerModule> = M extends ServerModule<infer Services, infer _Needs, infer _Tables> ? Services : never;

type TablesOf<M extends AnyServerModule> = M extends ServerModule<infer _Services, infer _Needs, infer Tables> ? Tables : never;

/** `A | B` as `A & B`: a function taking either must take both. */
type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void ? I : never;
