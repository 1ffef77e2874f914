import type { ServerModule } from '../platform/module';
import { catalogueMigrations } from './catalogue.migrations';
import type { CatalogueNeeds } from './catalogue.needs';
import { cataloguePersonalData } from './catalogue.personal-data.repository';
import { CatalogueRepository } from './catalogue.repository';
import { catalogueRoutes } from './catalogue.routes';
import { CatalogueService } from './catalogue.service';
import type { CatalogueTables } from './catalogue.tables';
import { EnrolmentRepository } from './enrolment.repository';
import { enrolmentRoutes } from './enrolment.routes';
import { EnrolmentService } from './enrolment.service';
import { OfferRepository } from './offer.repository';
import { TrainingOfferService } from './offer.service';
import { RecommendationService } from './recommendation.service';
import { seatsVersionMigrations } from './seats-version.migrations';

export type { CatalogueNeeds, CompetenceProfiles, SchoolsOfUsers } from './catalogue.needs';
export type { CatalogueTables } from './catalogue.tables';

export interface CatalogueServices {
  catalogue: CatalogueService;
  enrolments: EnrolmentService;
  recommendations: RecommendationService;
  /** The offer as the knowledge centre weighs it against the needs. */
  trainingOffer: TrainingOfferService;
}

/** The training catalogue: providers, trainings, sessions, enrolments, search and recommendations. */
export const catalogueModule: ServerModule<CatalogueServices, CatalogueNeeds, CatalogueTables> = {
  name: 'catalogue',
  migrations: { ...catalogueMigrations, ...seatsVersionMigrations },
  createServices({ config, db, auth, audit, access }, needs) {
    const kysely = db.kysely.withTables<CatalogueTables>();
    const catalogueRepo = new CatalogueRepository(kysely, db.dialect);
    const enrolmentRepo = new EnrolmentRepository(kysely, db.dialect);
    const catalogue = new CatalogueService(catalogueRepo, enrolmentRepo, {
      rolesOf: (userId) => auth.rolesOf(userId),
      access,
      digisnap: needs.profiles,
      audit,
      searchCacheSeconds: config.searchCacheSeconds,
    });
    const enrolments = new EnrolmentService(enrolmentRepo, catalogue, { auth, schools: needs.schools });
    const recommendations = new RecommendationService(catalogueRepo, enrolmentRepo, catalogue, { digisnap: needs.profiles, schools: needs.schools });
    const trainingOffer = new TrainingOfferService(new OfferRepository(kysely));
    return { catalogue, enrolments, recommendations, trainingOffer };
  },
  register(app, { catalogue, enrolments, recommendations }, { requireAuth, optionalAuth }) {
    catalogueRoutes(app, { catalogue, requireAuth, optionalAuth });
    enrolmentRoutes(app, { catalogue, enrolments, recommendations, requireAuth });
  },
  personalData: ({ db }) => cataloguePersonalData(db.kysely.withTables<CatalogueTables>()),
};
