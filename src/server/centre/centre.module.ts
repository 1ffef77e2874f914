import type { ServerModule } from '../platform/module';
import { CentreActionsRepository } from './actions.repository';
import { centreActionsRoutes } from './actions.routes';
import { CentreActionsService } from './actions.service';
import { bootcampSetupRoutes } from './bootcamp-setup.routes';
import { BootcampSetupService } from './bootcamp-setup.service';
import { centreMigrations } from './centre.migrations';
import type { CentreNeeds } from './centre.needs';
import { centrePersonalData } from './centre.personal-data';
import { centreRoutes } from './centre.routes';
import { CentreService } from './centre.service';
import type { CentreTables } from './centre.tables';
import { loadFollowUpContent } from './follow-up.content';
import { FollowUpStepsRepository } from './follow-up.repository';
import { followUpStepsRoutes } from './follow-up.routes';
import { FollowUpStepsService } from './follow-up.service';
import { FrontsService } from './fronts.service';
import { centreIctTeamsRoutes } from './ict-teams.routes';
import { CentreIctTeamsService } from './ict-teams.service';
import { loadArticles } from './knowledge.content';
import { knowledgeRoutes } from './knowledge.routes';
import { KnowledgeService } from './knowledge.service';
import { NeedsOfferRepository } from './needs-offer.repository';
import { needsOfferRoutes } from './needs-offer.routes';
import { NeedsOfferService } from './needs-offer.service';
import { openDatasets } from './open-data.registry';
import { openDataRoutes } from './open-data.routes';
import { OpenDataService } from './open-data.service';

export type { CentreNeeds } from './centre.needs';
export type { CentreTables } from './centre.tables';

export interface CentreServices {
  /** The Flanders-wide overview: the Digisnap picture and the other fronts. */
  centre: CentreService;
  /** The open-data catalogue: every Flanders-wide figure the centre publishes, as CSV and JSON, without login. */
  openData: OpenDataService;
  /** Needs against the training offer: the ranked gaps, the targets, the message to providers. */
  needsOffer: NeedsOfferService;
  /** The register of actions and projects, and the IT bootcamps. */
  centreActions: CentreActionsService;
  /** Setting up the IT bootcamps: tracks, cohorts, teams and participants. */
  bootcampSetup: BootcampSetupService;
  /** The knowledge base: public articles from content/articles. */
  knowledge: KnowledgeService;
  /** The schools' ICT teams, as counts. */
  centreIctTeams: CentreIctTeamsService;
  /** The steps after a Digisnap round (editable by the centre), and how far schools get. */
  followUpSteps: FollowUpStepsService;
}

/** The knowledge centre (issue 14): Flanders-wide figures, needs against offer, actions and programmes, open data. */
export const centreModule: ServerModule<CentreServices, CentreNeeds, CentreTables> = {
  name: 'centre',
  migrations: centreMigrations,
  createServices({ access, audit, auth, mail, db, config }, needs) {
    const fronts = new FrontsService(needs.fronts);
    const centre = new CentreService({ access, needs, fronts: () => fronts.fronts() });
    const needsOffer = new NeedsOfferService(new NeedsOfferRepository(db.kysely, audit), needs.needsOffer, { access, audit, mail });
    const picture = { picture: () => centre.publishedPicture() };
    const knowledge = new KnowledgeService(loadArticles(config.contentDir));
    const followUpSteps = new FollowUpStepsService(new FollowUpStepsRepository(db.kysely), {
      access,
      auth,
      audit,
      content: loadFollowUpContent(config.contentDir),
      articleExists: (slug) => knowledge.has(slug),
      ticks: needs.followUp,
    });
    const actionsRepo = new CentreActionsRepository(db.kysely);
    const centreActions = new CentreActionsService(actionsRepo, { access, audit, auth, trainings: needs.bootcamps });
    return {
      centre,
      needsOffer,
      openData: new OpenDataService(openDatasets({ fronts, stem: needs.fronts.stem, picture, needsOffer, followUp: followUpSteps })),
      centreActions,
      bootcampSetup: new BootcampSetupService(actionsRepo, { access, audit, trainings: needs.bootcamps, schools: needs.bootcamps, cohorts: centreActions }),
      knowledge,
      centreIctTeams: new CentreIctTeamsService({ access, ictTeams: needs.ictTeams }),
      followUpSteps,
    };
  },
  register(app, services, { requireAuth }) {
    centreRoutes(app, { centre: services.centre, requireAuth });
    needsOfferRoutes(app, { needsOffer: services.needsOffer, requireAuth });
    openDataRoutes(app, { openData: services.openData });
    centreActionsRoutes(app, { centreActions: services.centreActions, requireAuth });
    bootcampSetupRoutes(app, { bootcampSetup: services.bootcampSetup, requireAuth });
    knowledgeRoutes(app, { knowledge: services.knowledge });
    centreIctTeamsRoutes(app, { ictTeams: services.centreIctTeams, requireAuth });
    followUpStepsRoutes(app, { followUp: services.followUpSteps, requireAuth });
  },
  personalData: () => centrePersonalData,
};
