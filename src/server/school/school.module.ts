import type { Role } from '../../shared/platform/api';
import type { SchoolMemberships } from '../platform/auth/auth.service';
import type { ServerModule } from '../platform/module';
import { cryptoUniform } from '../platform/privacy/random';
import { BoardRepository } from './board.repository';
import { BoardService } from './board.service';
import { boardOverviewRoutes } from './board-overview/board-overview.routes';
import { BoardOverviewService } from './board-overview/board-overview.service';
import { campaignMigrations } from './campaign/campaign.migrations';
import { CampaignRepository } from './campaign/campaign.repository';
import { campaignRoutes } from './campaign/campaign.routes';
import { CampaignService } from './campaign/campaign.service';
import { TeamReportActions } from './campaign/team-report.actions';
import { cyberCheckMigrations } from './cyber-check/cyber-check.migrations';
import { CyberCheckRepository } from './cyber-check/cyber-check.repository';
import { cyberCheckRoutes } from './cyber-check/cyber-check.routes';
import { CyberCheckService } from './cyber-check/cyber-check.service';
import { flandersSchoolsMigrations } from './flanders/flanders-schools.migrations';
import { FlandersSchoolsRepository } from './flanders/flanders-schools.repository';
import { FlandersSchoolsService } from './flanders/flanders-schools.service';
import { followUpMigrations } from './follow-up/follow-up.migrations';
import { followUpPersonalData } from './follow-up/follow-up.personal-data';
import { FollowUpRepository, type FollowUpTables } from './follow-up/follow-up.repository';
import { followUpRoutes } from './follow-up/follow-up.routes';
import { FollowUpService } from './follow-up/follow-up.service';
import { loadIctTeamContent } from './ict-team/ict-team.content';
import { ictTeamMigrations } from './ict-team/ict-team.migrations';
import { IctTeamRepository, type IctTeamTables } from './ict-team/ict-team.repository';
import { ictTeamRoutes } from './ict-team/ict-team.routes';
import { IctTeamService } from './ict-team/ict-team.service';
import { InstrumentRegistry } from './instrument.registry';
import { InvitationRepository } from './invitation.repository';
import { invitationRoutes } from './invitation.routes';
import { InvitationService } from './invitation.service';
import { IctParkActions } from './policy-plan/ict-park.actions';
import { policyPlanMigrations } from './policy-plan/policy-plan.migrations';
import { PolicyPlanRepository, type PolicyPlanTables } from './policy-plan/policy-plan.repository';
import { policyPlanRoutes } from './policy-plan/policy-plan.routes';
import { PolicyPlanService } from './policy-plan/policy-plan.service';
import { SchoolWrites } from './recent-reads';
import { reflectionMigrations } from './reflection/reflection.migrations';
import { ReflectionRepository, type ReflectionTables } from './reflection/reflection.repository';
import { reflectionRoutes } from './reflection/reflection.routes';
import { ReflectionService } from './reflection/reflection.service';
import { schoolMigrations } from './school.migrations';
import type { SchoolNeeds } from './school.needs';
import { schoolPersonalData } from './school.personal-data.repository';
import { SchoolRepository } from './school.repository';
import { schoolRoutes } from './school.routes';
import { SchoolService } from './school.service';
import type { SchoolTables } from './school.tables';
import { TeacherGroupsRepository } from './teacher-groups.repository';
import { TeacherGroupsService } from './teacher-groups.service';
import { trainingBudgetMigrations } from './training-budget/training-budget.migrations';
import { TrainingBudgetRepository } from './training-budget/training-budget.repository';
import { trainingBudgetRoutes } from './training-budget/training-budget.routes';
import { TrainingBudgetService } from './training-budget/training-budget.service';
import { trainingPlanMigrations } from './training-plan/training-plan.migrations';
import { TrainingPlanRepository } from './training-plan/training-plan.repository';
import { trainingPlanRoutes } from './training-plan/training-plan.routes';
import { TrainingPlanService } from './training-plan/training-plan.service';

export type { DigisnapAggregates, SchoolNeeds, StaffTrainingCosts, TrainingOffer } from './school.needs';
export type { SchoolTables } from './school.tables';

export interface SchoolServices {
  schools: SchoolService;
  /** The memberships of accounts, as the platform asks for them (current user, roles, new accounts). */
  schoolMemberships: SchoolMemberships;
  boards: BoardService;
  invitations: InvitationService;
  campaigns: CampaignService;
  trainingPlan: TrainingPlanService;
  budgets: TrainingBudgetService;
  /** The school instruments under content/instruments (reflection, cyber check, …), every version. */
  instruments: InstrumentRegistry;
  cyberChecks: CyberCheckService;
  reflections: ReflectionService;
  policyPlan: PolicyPlanService;
  /** The board's schools side by side. */
  boardOverview: BoardOverviewService;
  /** Teachers by province and education level, for the knowledge centre's counts. */
  teacherGroups: TeacherGroupsService;
  /** Who holds which ICT task at a school, and the knowledge centre's counts of teams. */
  ictTeams: IctTeamService;
  /** The schools as the knowledge centre's Flanders-wide figures group them. */
  flandersSchools: FlandersSchoolsService;
  /** The checklist after a finished round, and what the knowledge centre counts of it. */
  followUp: FollowUpService;
}

/** Schools, boards, memberships and invitations, and what a school does with its team: campaigns, reflection, plans. */
export const schoolModule: ServerModule<SchoolServices, SchoolNeeds, SchoolTables> = {
  name: 'school',
  migrations: {
    ...schoolMigrations,
    ...campaignMigrations,
    ...trainingPlanMigrations,
    ...trainingBudgetMigrations,
    ...cyberCheckMigrations,
    ...reflectionMigrations,
    ...policyPlanMigrations,
    ...ictTeamMigrations,
    ...flandersSchoolsMigrations,
    ...followUpMigrations,
  },
  createServices({ config, db, auth, mail, audit, access }, needs) {
    const kysely = db.kysely.withTables<SchoolTables>();
    // Membership and campaign writes both change what a team report read keeps (RecentReads).
    const schoolWrites = new SchoolWrites();
    const schoolRepo = new SchoolRepository(kysely, db.dialect, schoolWrites, db);
    const boardRepo = new BoardRepository(kysely);
    const schoolMemberships: SchoolMemberships = {
      schoolExists: (schoolId) => schoolRepo.exists(schoolId),
      membershipsOf: async (userId) => (await schoolRepo.membershipsOfUser(userId)).map((m) => ({ ...m, role: m.role as Role })),
      addMembership: (userId, schoolId, role, createdAt) => schoolRepo.addRole(userId, schoolId, role, createdAt),
      rolesAt: (userId, schoolId) => schools.rolesIn(userId, schoolId),
    };
    const appUrl = config.appUrl;
    const schools = new SchoolService(schoolRepo, boardRepo, { auth, audit, access, appUrl, identityProviderConfigured: config.oidc !== undefined });
    const boards = new BoardService(boardRepo, schoolRepo, audit);
    const invitations = new InvitationService(new InvitationRepository(kysely), { schools, auth, mail, audit, access, appUrl });
    const campaigns = new CampaignService(new CampaignRepository(kysely, db.dialect, schoolWrites), { schools, digisnap: needs.digisnap, mail, auth, audit, access, appUrl });
    const trainingPlan = new TrainingPlanService(new TrainingPlanRepository(kysely), { schools, campaigns, catalogue: needs.trainings, audit, access });
    const budgets = new TrainingBudgetService(new TrainingBudgetRepository(kysely), { schools, enrolments: needs.trainingCosts, trainingPlan, audit, access });
    const instruments = InstrumentRegistry.loadFromDirectory(`${config.contentDir}/instruments`);
    const cyberChecks = new CyberCheckService(new CyberCheckRepository(kysely), { schools, auth, audit, access, instruments, ictPark: needs.ictPark });
    const reflections = new ReflectionService(new ReflectionRepository(kysely, db.dialect), {
      schools,
      auth,
      audit,
      access,
      instruments,
      appUrl,
      epsilon: config.privacyEpsilon,
      uniform: config.privacyUniform ?? cryptoUniform,
    });
    // Every result that suggests actions: the team report, the cyber check, the reflection and AI readiness, the ICT park.
    const actionSources = [new TeamReportActions(campaigns), cyberChecks, ...reflections.actionSources(), new IctParkActions(needs.ictPark)];
    const policyPlan = new PolicyPlanService(new PolicyPlanRepository(kysely), {
      schools,
      auth,
      audit,
      access,
      framework: () => needs.digisnap.currentFramework(),
      sources: actionSources,
      stem: needs.stem,
    });
    const boardOverview = new BoardOverviewService({ access, audit, boards, campaigns, budgets, cyberChecks, policyPlan, boardPark: needs.boardPark });
    const flandersSchools = new FlandersSchoolsService(new FlandersSchoolsRepository(kysely));
    const teacherGroups = new TeacherGroupsService(new TeacherGroupsRepository(kysely));
    const ictTeams = new IctTeamService(new IctTeamRepository(db.kysely.withTables<SchoolTables & IctTeamTables>()), {
      schools,
      audit,
      access,
      content: loadIctTeamContent(config.contentDir),
    });
    const followUp = new FollowUpService(new FollowUpRepository(db.kysely.withTables<SchoolTables & FollowUpTables>()), { access, campaigns, steps: needs.followUpSteps, audit });
    return {
      schools,
      schoolMemberships,
      boards,
      invitations,
      campaigns,
      trainingPlan,
      budgets,
      instruments,
      cyberChecks,
      reflections,
      policyPlan,
      boardOverview,
      flandersSchools,
      teacherGroups,
      ictTeams,
      followUp,
    };
  },
  register(app, services, { requireAuth, optionalAuth, secureCookies, sessionIdleHours }) {
    schoolRoutes(app, { schools: services.schools, boards: services.boards, invitations: services.invitations, requireAuth });
    invitationRoutes(app, { invitations: services.invitations, schools: services.schools, requireAuth, optionalAuth, secureCookies, sessionIdleHours });
    campaignRoutes(app, { campaigns: services.campaigns, requireAuth });
    trainingPlanRoutes(app, { trainingPlan: services.trainingPlan, requireAuth });
    trainingBudgetRoutes(app, { budgets: services.budgets, requireAuth });
    cyberCheckRoutes(app, { cyberChecks: services.cyberChecks, requireAuth });
    reflectionRoutes(app, { reflections: services.reflections, requireAuth, optionalAuth });
    policyPlanRoutes(app, { policyPlan: services.policyPlan, requireAuth });
    boardOverviewRoutes(app, { overview: services.boardOverview, requireAuth });
    ictTeamRoutes(app, { ictTeams: services.ictTeams, requireAuth });
    followUpRoutes(app, { followUp: services.followUp, requireAuth });
  },
  personalData: ({ db }) => {
    const part = schoolPersonalData(db.kysely.withTables<SchoolTables & ReflectionTables & PolicyPlanTables>());
    return { ...part, sections: [...part.sections, followUpPersonalData(db.kysely.withTables<SchoolTables & FollowUpTables>())] };
  },
};
