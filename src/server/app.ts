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
import { BudgetRepository } from './school/budget.repository';
import { budgetRoutes } from './school/budget.routes';
import { BudgetService } from './school/budget.service';
import { BoardService } from './school/board.service';
import { CampaignRepository } from './school/campaign.repository';
import { campaignRoutes } from './school/campaign.routes';
import { CampaignService } from './school/campaign.service';
import { InvitationRepository } from './school/invitation.repository';
import { invitationRoutes } from './school/invitation.routes';
import { InvitationService } from './school/invitation.service';
import { SchoolRepository } from './school/school.repository';
import { schoolRoutes } from './school/school.routes';
import { SchoolService } from './school/school.service';
import { TrainingPlanRepository } from './school/training-plan.repository';
import { trainingPlanRoutes } from './school/training-plan.routes';
import { TrainingPlanService } from './school/training-plan.service';

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
  budgets: BudgetService;
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
  const auth: AuthService = new AuthService(
    new AccountsRepository(db.kysely),
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
  const budgets = new BudgetService(new BudgetRepository(db.kysely), { schools, enrolments, trainingPlan, audit });
  return { auth, digisnap, schools, campaigns, boards, invitations, mail, frameworks, catalogue, enrolments, recommendations, trainingPlan, budgets };
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
  budgetRoutes(app, { budgets: services.budgets, requireAuth });
  options.extend?.(app);
  await app.ready();
  return app;
}
