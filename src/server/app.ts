import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { type ZodTypeProvider, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { healthResponseSchema } from '../shared/platform/api';
import { CatalogueRepository } from './catalogue/catalogue.repository';
import { catalogueRoutes } from './catalogue/catalogue.routes';
import { CatalogueService } from './catalogue/catalogue.service';
import { EnrolmentRepository } from './catalogue/enrolment.repository';
import { enrolmentRoutes } from './catalogue/enrolment.routes';
import { EnrolmentService } from './catalogue/enrolment.service';
import { RecommendationService } from './catalogue/recommendation.service';
import { SearchRepository } from './catalogue/search.repository';
import type { Config } from './config';
import { DigisnapRepository } from './digisnap/digisnap.repository';
import { digisnapRoutes } from './digisnap/digisnap.routes';
import { DigisnapService } from './digisnap/digisnap.service';
import { FrameworkRegistry } from './digisnap/framework.registry';
import { AuditRepository } from './platform/audit/audit.repository';
import { AccountsRepository } from './platform/auth/accounts.repository';
import { authRoutes } from './platform/auth/auth.routes';
import { AuthService } from './platform/auth/auth.service';
import { OidcClient } from './platform/auth/oidc.client';
import { OidcRepository } from './platform/auth/oidc.repository';
import { OIDC_CALLBACK_PATH, oidcRoutes } from './platform/auth/oidc.routes';
import { OidcService } from './platform/auth/oidc.service';
import { SessionsRepository } from './platform/auth/sessions.repository';
import { type Db, openDatabase } from './platform/db/database';
import { migrateToLatest } from './platform/db/migrations';
import { makeOptionalAuth, makeRequireAuth, registerAuthDecorator } from './platform/http/auth-hooks';
import { registerErrorHandling } from './platform/http/error-handler';
import { registerOpenApi } from './platform/http/openapi';
import { registerWebApp } from './platform/http/web-app';
import { MailService, smtpTransport } from './platform/mail/mail.service';
import { mailRoutes } from './platform/mail/mail.routes';
import { OutboxRepository } from './platform/mail/outbox.repository';
import { BoardRepository } from './school/board.repository';
import { TrainingBudgetRepository } from './school/training-budget/training-budget.repository';
import { trainingBudgetRoutes } from './school/training-budget/training-budget.routes';
import { TrainingBudgetService } from './school/training-budget/training-budget.service';
import { BoardService } from './school/board.service';
import { CampaignRepository } from './school/campaign/campaign.repository';
import { campaignRoutes } from './school/campaign/campaign.routes';
import { CampaignService } from './school/campaign/campaign.service';
import { CyberCheckRepository } from './school/cyber-check/cyber-check.repository';
import { cyberCheckRoutes } from './school/cyber-check/cyber-check.routes';
import { CyberCheckService } from './school/cyber-check/cyber-check.service';
import { InstrumentRegistry } from './school/instrument.registry';
import { InvitationRepository } from './school/invitation.repository';
import { invitationRoutes } from './school/invitation.routes';
import { InvitationService } from './school/invitation.service';
import { PolicyPlanRepository } from './school/policy-plan/policy-plan.repository';
import { policyPlanRoutes } from './school/policy-plan/policy-plan.routes';
import { PolicyPlanService } from './school/policy-plan/policy-plan.service';
import { ReflectionRepository } from './school/reflection/reflection.repository';
import { reflectionRoutes } from './school/reflection/reflection.routes';
import { ReflectionService } from './school/reflection/reflection.service';
import { SchoolRepository } from './school/school.repository';
import { schoolRoutes } from './school/school.routes';
import { SchoolService } from './school/school.service';
import { TeamReportActions } from './school/campaign/team-report.actions';
import { TrainingPlanRepository } from './school/training-plan/training-plan.repository';
import { trainingPlanRoutes } from './school/training-plan/training-plan.routes';
import { TrainingPlanService } from './school/training-plan/training-plan.service';

export const APP_VERSION = '0.1.0';

export interface Services {
  auth: AuthService;
  digisnap: DigisnapService;
  schools: SchoolService;
  campaigns: CampaignService;
  boards: BoardService;
  invitations: InvitationService;
  mail: MailService;
  frameworks: FrameworkRegistry;
  catalogue: CatalogueService;
  enrolments: EnrolmentService;
  recommendations: RecommendationService;
  trainingPlan: TrainingPlanService;
  budgets: TrainingBudgetService;
  /** The school instruments under content/instruments (reflection, cyber check, …), every version. */
  instruments: InstrumentRegistry;
  cyberChecks: CyberCheckService;
  reflections: ReflectionService;
  policyPlan: PolicyPlanService;
  /** Logging in with the identity provider; null when none is configured. */
  oidc: OidcService | null;
}

export interface BuildOptions {
  /** Extra routes, e.g. the benchmark's constant ceiling route. */
  extend?: (app: FastifyInstance) => void;
  logger?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
    db: Db;
  }
}

/** Wires the whole platform: frameworks, database (migrated), services, routes, docs and the web app. */
export function createServices(config: Config, db: Db, frameworks: FrameworkRegistry): Services {
  const audit = new AuditRepository(db.kysely);
  const schoolRepo = new SchoolRepository(db.kysely);
  const boardRepo = new BoardRepository(db.kysely);
  const catalogueRepo = new CatalogueRepository(db.kysely, db.dialect);
  const enrolmentRepo = new EnrolmentRepository(db.kysely, db.dialect);
  const accounts = new AccountsRepository(db.kysely);
  const auth: AuthService = new AuthService(
    accounts,
    new SessionsRepository(db.kysely),
    audit,
    (id) => schools.exists(id),
    config.sessionIdleHours,
    (userId) => catalogue.providersOfUser(userId),
  );
  const mail = new MailService(new OutboxRepository(db.kysely), config.smtpUrl ? smtpTransport(config.smtpUrl) : null, config.mailFrom, (userId) =>
    auth.rolesOf(userId),
  );
  const schools = new SchoolService(schoolRepo, boardRepo, { auth, audit, appUrl: config.appUrl });
  const boards = new BoardService(boardRepo, schoolRepo, audit);
  const invitations = new InvitationService(new InvitationRepository(db.kysely), { schools, auth, mail, audit, appUrl: config.appUrl });
  const digisnap = new DigisnapService(new DigisnapRepository(db.kysely), frameworks, audit);
  const campaigns = new CampaignService(new CampaignRepository(db.kysely, db.dialect), { schools, digisnap, mail, auth, audit, appUrl: config.appUrl });
  const catalogue: CatalogueService = new CatalogueService(catalogueRepo, new SearchRepository(db.kysely, db.dialect), enrolmentRepo, {
    rolesOf: (userId) => auth.rolesOf(userId),
    digisnap,
    audit,
    searchCacheSeconds: config.searchCacheSeconds,
  });
  const enrolments = new EnrolmentService(enrolmentRepo, catalogue, { auth, schools });
  const recommendations = new RecommendationService(catalogueRepo, enrolmentRepo, catalogue, { digisnap, schools });
  const trainingPlan = new TrainingPlanService(new TrainingPlanRepository(db.kysely), { schools, campaigns, catalogue, audit });
  const budgets = new TrainingBudgetService(new TrainingBudgetRepository(db.kysely), { schools, enrolments, trainingPlan, audit });
  const instruments = InstrumentRegistry.loadFromDirectory(`${config.contentDir}/instruments`);
  const cyberChecks = new CyberCheckService(new CyberCheckRepository(db.kysely), { schools, auth, audit, instruments });
  const reflections = new ReflectionService(new ReflectionRepository(db.kysely, db.dialect), { schools, auth, audit, instruments, appUrl: config.appUrl });
  // Every result that suggests actions: the team report, the cyber check, the reflection and AI readiness.
  const actionSources = [new TeamReportActions(campaigns), cyberChecks, ...reflections.actionSources()];
  const policyPlan = new PolicyPlanService(new PolicyPlanRepository(db.kysely), { schools, auth, audit, framework: () => digisnap.currentFramework(), sources: actionSources });
  const oidc = config.oidc
    ? new OidcService(new OidcRepository(db.kysely, accounts), new OidcClient(config.oidc, `${config.appUrl}${OIDC_CALLBACK_PATH}`), {
        auth,
        invitations,
        audit,
        label: config.oidc.name,
      })
    : null;
  return { auth, digisnap, schools, campaigns, boards, invitations, mail, frameworks, catalogue, enrolments, recommendations, trainingPlan, budgets, oidc, instruments, cyberChecks, reflections, policyPlan };
}

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const frameworks = FrameworkRegistry.loadFromDirectory(`${config.contentDir}/frameworks`);
  const db = openDatabase(config.databaseUrl);
  await migrateToLatest(db.kysely);
  const services = createServices(config, db, frameworks);

  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    bodyLimit: 1024 * 1024,
    trustProxy: true,
  });
  app.decorate('services', services);
  app.decorate('db', db);
  services.mail.useLog(app.log);
  // Deliveries under way finish (and are marked sent or failed) before the database closes.
  app.addHook('onClose', async () => {
    await services.mail.close();
    await db.close();
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerAuthDecorator(app);
  await app.register(cookie);
  await registerOpenApi(app, APP_VERSION);
  const serveAppShell = await registerWebApp(app, config.webDir);
  registerErrorHandling(app, { serveAppShell });

  const requireAuth = makeRequireAuth(services.auth);
  app.withTypeProvider<ZodTypeProvider>().get('/api/health', {
    schema: { operationId: 'getHealth', tags: ['platform'], summary: 'Is the server up and its database reachable', response: { 200: healthResponseSchema } },
    handler: async () => {
      await db.kysely.selectFrom('users').select((eb) => eb.lit(1).as('one')).limit(1).execute();
      return { status: 'ok' as const, database: db.dialect, version: APP_VERSION };
    },
  });
  authRoutes(app, { auth: services.auth, requireAuth, secureCookies: config.secureCookies, sessionIdleHours: config.sessionIdleHours });
  oidcRoutes(app, { oidc: services.oidc, secureCookies: config.secureCookies, sessionIdleHours: config.sessionIdleHours });
  digisnapRoutes(app, { digisnap: services.digisnap, auth: services.auth, requireAuth });
  const optionalAuth = makeOptionalAuth(services.auth);
  catalogueRoutes(app, { catalogue: services.catalogue, requireAuth, optionalAuth });
  enrolmentRoutes(app, { catalogue: services.catalogue, enrolments: services.enrolments, recommendations: services.recommendations, requireAuth });
  schoolRoutes(app, { schools: services.schools, boards: services.boards, invitations: services.invitations, requireAuth });
  invitationRoutes(app, {
    invitations: services.invitations,
    requireAuth,
    optionalAuth,
    secureCookies: config.secureCookies,
    sessionIdleHours: config.sessionIdleHours,
  });
  mailRoutes(app, { mail: services.mail, requireAuth });
  campaignRoutes(app, { campaigns: services.campaigns, requireAuth });
  trainingPlanRoutes(app, { trainingPlan: services.trainingPlan, requireAuth });
  trainingBudgetRoutes(app, { budgets: services.budgets, requireAuth });
  cyberCheckRoutes(app, { cyberChecks: services.cyberChecks, requireAuth });
  reflectionRoutes(app, { reflections: services.reflections, requireAuth, optionalAuth });
  policyPlanRoutes(app, { policyPlan: services.policyPlan, requireAuth });
  options.extend?.(app);
  await app.ready();
  return app;
}
