import type { ServerModule } from '../platform/module';
import { centreMigrations } from './centre.migrations';
import type { CentreNeeds } from './centre.needs';
import { centreRoutes } from './centre.routes';
import { CentreService } from './centre.service';
import type { CentreTables } from './centre.tables';
import { readFronts } from './fronts';
import { centreIctTeamsRoutes } from './ict-teams.routes';
import { CentreIctTeamsService } from './ict-teams.service';
import { loadArticles } from './knowledge.content';
import { knowledgeRoutes } from './knowledge.routes';
import { KnowledgeService } from './knowledge.service';

export type { CentreNeeds } from './centre.needs';
export type { CentreTables } from './centre.tables';

export interface CentreServices {
  /** The Flanders-wide overview: the Digisnap picture and the other fronts. */
  centre: CentreService;
  /** The knowledge base: public articles from content/articles. */
  knowledge: KnowledgeService;
  /** The schools' ICT teams, as counts. */
  centreIctTeams: CentreIctTeamsService;
}

/** The knowledge centre (issue 14): Flanders-wide figures, needs against offer, actions and programmes, open data. */
export const centreModule: ServerModule<CentreServices, CentreNeeds, CentreTables> = {
  name: 'centre',
  migrations: centreMigrations,
  createServices({ access, config }, needs) {
    return {
      centre: new CentreService({ access, needs, fronts: readFronts(needs) }),
      knowledge: new KnowledgeService(loadArticles(config.contentDir)),
      centreIctTeams: new CentreIctTeamsService({ access, ictTeams: needs.ictTeams }),
    };
  },
  register(app, services, { requireAuth }) {
    centreRoutes(app, { centre: services.centre, requireAuth });
    knowledgeRoutes(app, { knowledge: services.knowledge });
    centreIctTeamsRoutes(app, { ictTeams: services.centreIctTeams, requireAuth });
  },
};
