import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { healthResponseSchema } from '../shared/platform/api';
import { JSON_BODY_LIMIT } from '../shared/platform/endpoint';
import { type CatalogueNeeds, catalogueModule } from './catalogue/catalogue.module';
import { type CentreNeeds, centreModule } from './centre/centre.module';
import type { Config } from './config';
import { digisnapModule } from './digisnap/digisnap.module';
import { type InfraNeeds, infraModule } from './infra/infra.module';
import { AccessPolicy } from './platform/access/access';
import { AdminRepository } from './platform/admin/admin.repository';
import { adminRoutes } from './platform/admin/admin.routes';
import { AdminService } from './platform/admin/admin.service';
import { AuditRepository } from './platform/audit/audit.repository';
import { AccountsRepository } from './platform/auth/accounts.repository';
import { authRoutes } from './platform/auth/auth.routes';
import { AuthService } from './platform/auth/auth.service';
import { OidcClient } from './platform/auth/oidc.client';
import { OidcRepository, type OidcTables } from './platform/auth/oidc.repository';
import { OIDC_CALLBACK_PATH, oidcRoutes } from './platform/auth/oidc.routes';
import { OidcService } from './platform/auth/oidc.service';
import { PasswordService } from './platform/auth/password.service';
import { PasswordResetsRepository } from './platform/auth/password-resets.repository';
import { SessionCache } from './platform/auth/session-cache';
import { SESSION_CACHE_ENTRIES, SESSION_CACHE_MS, SessionsRepository } from './platform/auth/sessions.repository';
import { type Db, newReadTurn, openDatabase } from './platform/db/database';
import { migrateToLatest } from './platform/db/migrations';
import type { PlatformTables } from './platform/db/schema';
import { makeOptionalAuth, makeRequireAuth, registerAuthDecorator } from './platform/http/auth-hooks';
import { registerCompression } from './platform/http/compression';
import { answerClientError, answerFrameworkError, registerErrorHandling } from './platform/http/error-handler';
import { refuseControlCharacters } from './platform/http/input-text';
import { registerOpenApi } from './platform/http/openapi';
import { registerSecurityHeaders } from './platform/http/security-headers';
import { registerWebApp } from './platform/http/web-app';
import { mailRoutes } from './platform/mail/mail.routes';
import { MailService, smtpTransport } from './platform/mail/mail.service';
import { OutboxRepository } from './platform/mail/outbox.repository';
import type { AnyServerModule, PlatformContext, RouteContext, ServicesOfModules, TablesOfModules } from './platform/module';
import { PersonalDataExport, type PersonalDataPart } from './platform/personal-data/personal-data';
import { personalDataRoutes } from './platform/personal-data/personal-data.routes';
import { platformPersonalData } from './platform/personal-data/platform-personal-data.repository';
import { registerAttemptLimits } from './platform/rate-limit/attempt-limits';
import { type SchoolNeeds, schoolModule } from './school/school.module';
import { stemModule } from './stem/stem.module';

export const APP_VERSION = '0.1.0';

/**
 * The modules of the app, each a folder under `server/` with its `<module>.module.ts`. Adding a
 * module is one line here (and its needs in `wireNeeds` when it asks other modules for anything):
 * `Services` and `AppTables` follow from this list. The order does not matter: migrations run in
 * the order of their names, and modules reach each other only through the needs wired below,
 * which are called after all are built.
 */
export const modules = [digisnapModule, catalogueModule, schoolModule, infraModule, stemModule, centreModule] as const satisfies readonly AnyServerModule[];

/** Every table of the platform and the listed modules: what the app's own database handle (`app.db`) is typed with. */
export type AppTables = PlatformTables & TablesOfModules<typeof modules>;

/** The platform's own services. */
export interface PlatformServices {
  auth: AuthService;
  /** The access check use cases start with (school and platform-wide capabilities). */
  access: AccessPolicy;
  mail: MailService;
  /** Changing a password, resetting a forgotten one by mail, an administrator's reset. */
  passwords: PasswordService;
  /** Logging in with the identity provider; null when none is configured. */
  oidc: OidcService | null;
  /** The administrator's accounts and audit log. */
  admin: AdminService;
  /** "Download all your data": the platform's part and every module's. */
  personalData: PersonalDataExport;
}

/** The services of the platform and of every listed module, by name; a module added in a test adds its own. */
export type Services = PlatformServices & ServicesOfModules<typeof modules>;

export interface BuildOptions {
  /** Extra routes, e.g. the benchmark's constant ceiling route. */
  extend?: (app: FastifyInstance) => void;
  logger?: boolean;
  /** The modules to run; default `modules`. A test may pass more, e.g. `[...modules, exampleModule]`. */
  modules?: readonly AnyServerModule[];
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
    db: Db<AppTables>;
  }
}

/**
 * What each module asks of the others, by module name: small interfaces the asking module
 * declares, met here by the services of the modules that have the answers. Each need calls
 * through `services` when used, never while the modules are being built, so no module waits
 * for another and cycles (catalogue ↔ school) cannot form at build time.
 */
function wireNeeds(services: Services): Record<string, unknown> {
  return {
    catalogue: {
      profiles: {
        currentFramework: () => services.digisnap.currentFramework(),
        frameworkLookup: () => services.digisnap.frameworkLookup(),
        profileRanking: (userId) => services.digisnap.profileRanking(userId),
      },
      schools: {
        provincesOfUser: (userId) => services.schools.provincesOfUser(userId),
        schoolNamesOfUsers: (userIds) => services.schools.schoolNamesOfUsers(userIds),
      },
    } satisfies CatalogueNeeds,
    school: {
      digisnap: {
        currentFramework: () => services.digisnap.currentFramework(),
        frameworkLookup: () => services.digisnap.frameworkLookup(),
        hasFramework: (frameworkId, version) => services.digisnap.hasFramework(frameworkId, version),
        teamState: (source) => services.digisnap.teamState(source),
        publishTeamIfDue: (source, threshold, part) => services.digisnap.publishTeamIfDue(source, threshold, part),
        publishedTeam: (source, threshold) => services.digisnap.publishedTeam(source, threshold),
        liveRespondentKeys: (source) => services.digisnap.liveRespondentKeys(source),
        teamComparisons: (request) => services.digisnap.teamComparisons(request),
        teamParticipation: (team, window) => services.digisnap.teamParticipation(team, window),
      },
      trainings: {
        publicTraining: (trainingId) => services.catalogue.getTraining(null, trainingId),
        search: (query) => services.catalogue.search(query),
      },
      trainingCosts: {
        priceSumsOfUsers: (userIds, from, to) => services.enrolments.priceSumsOfUsers(userIds, from, to),
      },
      ictPark: {
        cyberFacts: (schoolId) => services.decommission.cyberFacts(schoolId),
        policyFacts: (userId, schoolId) => services.decommission.policyFacts(userId, schoolId),
      },
      boardPark: {
        indicators: async (userId, boardId) => JSON.parse((await services.indicators.boardIndicatorsJson(userId, boardId)).toString('utf8')),
        funding: (userId, boardId) => services.funding.boardSummary(userId, boardId, 'digisprong'),
        indicatorsOf: async (boardId, schools) => JSON.parse((await services.indicators.boardIndicatorsJsonOf(boardId, schools)).toString('utf8')),
        fundingOf: (schools) => services.funding.boardSummaryOf(schools, 'digisprong'),
      },
      stem: {
        indicators: () => services.stem.indicatorNames(),
        latestFor: (indicator, province) => services.stem.latestFor(indicator, province),
      },
      followUpSteps: { current: () => services.followUpSteps.current() },
    } satisfies SchoolNeeds,
    infra: {
      boards: {
        schoolsOfBoard: (userId, boardId) => services.boards.schoolsOf(userId, boardId),
      },
      schools: {
        schoolExists: (schoolId) => services.schoolMemberships.schoolExists(schoolId),
      },
      teams: {
        isTeamMember: async (userId, schoolId) => (await services.schools.ownRoles(userId, schoolId)).length > 0,
      },
    } satisfies InfraNeeds,
    centre: {
      digisnap: {
        scansVersion: () => services.flandersPicture.scansVersion(),
        flandersPicture: (schools, teachers, from) => services.flandersPicture.release(schools, teachers, from),
      },
      schools: {
        version: () => services.flandersSchools.version(),
        schools: (window) => services.flandersSchools.schools(window),
        teachers: () => services.flandersSchools.teacherPages(),
      },
      fronts: {
        infra: {
          version: () => services.indicators.frontsVersion(),
          summary: () => services.indicators.flandersFront(),
          funding: () => services.funding.flandersFront(),
        },
        schools: {
          version: () => services.flandersSchools.frontsVersion(),
          policyPlans: () => services.policyPlan.flandersFront(),
          cyberCheck: () => services.cyberChecks.flandersFront(),
          reflection: () => services.reflections.flandersFront(),
        },
        stem: { version: () => services.stem.dataVersion(), headline: () => services.stem.headline() },
      },
      needsOffer: {
        stepNeeds: {
          currentFramework: () => services.digisnap.currentFramework(),
          scanVersion: () => services.stepNeeds.scanVersion(),
          release: (request, threshold) => services.stepNeeds.release(request, threshold),
        },
        teacherGroups: {
          version: () => services.teacherGroups.version(),
          pages: () => services.teacherGroups.pages(),
        },
        offer: {
          version: () => services.trainingOffer.version(),
          placesOffered: (window) => services.trainingOffer.placesOffered(window),
          providersNear: (competences, province) => services.trainingOffer.providersNear(competences, province),
          verifiedProviders: (ids) => services.trainingOffer.verifiedProviders(ids),
        },
      },
      bootcamps: {
        bootcampTraining: async (trainingId) => {
          const training = await services.catalogue.getTraining(null, trainingId).catch(() => null);
          return training?.kind === 'bootcamp' ? { id: training.id, title: training.title } : null;
        },
        school: async (idOrNumber) => {
          const byId = await services.schools.schoolOf(idOrNumber);
          if (byId) return { id: byId.id, name: byId.name };
          const { items } = await services.schools.directoryAsOperator({ q: idOrNumber, limit: 20, offset: 0 });
          const byNumber = items.find((entry) => entry.institutionNumber === idOrNumber);
          return byNumber ? { id: byNumber.id, name: byNumber.name } : null;
        },
        searchSchools: async (q, limit) =>
          (await services.schools.directoryAsOperator({ q, limit, offset: 0 })).items.map(({ id, name, institutionNumber, province }) => ({ id, name, institutionNumber, province })),
      },
      ictTeams: { picture: () => services.ictTeams.picture() },
      followUp: { schoolsWithFinishedRound: () => services.followUp.schoolsWithFinishedRound() },
    } satisfies CentreNeeds,
  };
}

/**
 * Builds the platform's services and those of every module, wired: what the API, the CLI and
 * the benchmark run on. The database must be migrated (see `migrateToLatest`).
 */
export function createServices(config: Config, db: Db<AppTables>, moduleList: readonly AnyServerModule[] = modules): Services {
  const services = {} as Services;
  const platformDb = db as unknown as Db;
  const audit = new AuditRepository(platformDb.kysely);
  const accounts = new AccountsRepository(platformDb.kysely);
  const sessions = new SessionsRepository(platformDb.kysely, { cache: new SessionCache(SESSION_CACHE_MS, SESSION_CACHE_ENTRIES), database: platformDb });
  const auth = new AuthService(
    accounts,
    sessions,
    audit,
    {
      schoolExists: (schoolId) => services.schoolMemberships.schoolExists(schoolId),
      membershipsOf: (userId) => services.schoolMemberships.membershipsOf(userId),
      addMembership: (userId, schoolId, role, createdAt) => services.schoolMemberships.addMembership(userId, schoolId, role, createdAt),
      rolesAt: (userId, schoolId) => services.schoolMemberships.rolesAt(userId, schoolId),
    },
    config.sessionIdleHours,
    (userId) => services.catalogue.providersOfUser(userId),
  );
  const access = new AccessPolicy({
    rolesAt: (userId, schoolId) => services.schoolMemberships.rolesAt(userId, schoolId),
    rolesOf: (userId) => auth.rolesOf(userId),
    platformRolesOf: (userId) => auth.platformRolesOf(userId),
  });
  const mail = new MailService(new OutboxRepository(platformDb.kysely), config.smtpUrl ? smtpTransport(config.smtpUrl) : null, config.mailFrom, access);
  const passwords = new PasswordService({ accounts, sessions, resets: new PasswordResetsRepository(platformDb.kysely), audit, mail, appUrl: config.appUrl });
  const oidc = config.oidc
    ? new OidcService(new OidcRepository(platformDb.kysely, accounts), new OidcClient(config.oidc, `${config.appUrl}${OIDC_CALLBACK_PATH}`), {
        auth,
        invitations: {
          getInvitation: (token) => services.invitations.getInvitation(token),
          acceptForAccount: (token, identity, account) => services.invitations.acceptForAccount(token, identity, account),
        },
        audit,
        label: config.oidc.name,
      })
    : null;
  const personalDataParts: PersonalDataPart[] = [platformPersonalData(platformDb.kysely.withTables<OidcTables>(), config.sessionIdleHours)];
  const admin = new AdminService(new AdminRepository(platformDb.kysely), { access, auth, sessions, passwords, audit });
  Object.assign(services, { auth, access, mail, passwords, oidc, admin } satisfies Omit<PlatformServices, 'personalData'>);
  const platform: PlatformContext = { config, db: platformDb, auth, mail, audit, access };
  const needs = wireNeeds(services);
  const built = new Set<string>();
  for (const module of moduleList) {
    if (built.has(module.name)) throw new Error(`Module ${module.name} is listed twice`);
    built.add(module.name);
    const own: object = module.createServices(platform, needs[module.name]);
    const taken = Object.keys(own).filter((name) => name in services);
    if (taken.length > 0) throw new Error(`Module ${module.name} names services another already has: ${taken.join(', ')}`);
    Object.assign(services, own);
    if (module.personalData) personalDataParts.push(module.personalData(platform, own));
  }
  // Last, as the modules' parts are made of the services just built.
  services.personalData = new PersonalDataExport(personalDataParts);
  return services;
}

function trustHops(hops: number) {
  return (_address: string, hop: number) => hop < hops;
}

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const moduleList = options.modules ?? modules;
  const db = openDatabase<AppTables>(config.databaseUrl);
  await migrateToLatest(db.kysely, moduleList);
  const services = createServices(config, db, moduleList);

  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    bodyLimit: JSON_BODY_LIMIT,
    // A number of hops as Fastify takes it at run time (its types want a function for that).
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    // Errors Fastify and Node answer themselves answer in our format too (see error-handler.ts).
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });
  app.decorate('services', services);
  app.decorate('db', db);
  services.mail.useLog(app.log);
  // Deliveries under way finish (and are marked sent or failed) before the database closes.
  app.addHook('onClose', async () => {
    await services.mail.close();
    await db.close();
  });
  // A request reads the database's state anew: SQLite's caches check it once per request (sqliteOtherWrites).
  app.addHook('onRequest', (_request, _reply, done) => {
    newReadTurn();
    done();
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerAuthDecorator(app);
  await registerSecurityHeaders(app, { secure: config.secureCookies });
  await registerCompression(app);
  await app.register(cookie);
  await registerAttemptLimits(app, (db as unknown as Db).kysely, config.rateLimits);
  await registerOpenApi(app, APP_VERSION);
  const serveAppShell = await registerWebApp(app, config.webDir);
  registerErrorHandling(app, { serveAppShell });
  refuseControlCharacters(app);

  const requireAuth = makeRequireAuth(services.auth);
  app.withTypeProvider<ZodTypeProvider>().get('/api/health', {
    schema: { operationId: 'getHealth', tags: ['platform'], summary: 'Is the server up and its database reachable', response: { 200: healthResponseSchema } },
    handler: async () => {
      await db.kysely
        .selectFrom('users')
        .select((eb) => eb.lit(1).as('one'))
        .limit(1)
        .execute();
      return { status: 'ok' as const, database: db.dialect, version: APP_VERSION };
    },
  });
  authRoutes(app, { auth: services.auth, passwords: services.passwords, requireAuth, secureCookies: config.secureCookies, sessionIdleHours: config.sessionIdleHours });
  oidcRoutes(app, { oidc: services.oidc, secureCookies: config.secureCookies, sessionIdleHours: config.sessionIdleHours });
  mailRoutes(app, { mail: services.mail, requireAuth });
  personalDataRoutes(app, { personalData: services.personalData, requireAuth });
  adminRoutes(app, { admin: services.admin, requireAuth });
  const routes: RouteContext = {
    auth: services.auth,
    requireAuth,
    optionalAuth: makeOptionalAuth(services.auth),
    secureCookies: config.secureCookies,
    sessionIdleHours: config.sessionIdleHours,
  };
  for (const module of moduleList) module.register(app, services, routes);
  options.extend?.(app);
  await app.ready();
  return app;
}
