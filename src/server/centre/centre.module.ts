import type { ServerModule } from '../platform/module';
import { centreMigrations } from './centre.migrations';
import type { CentreNeeds } from './centre.needs';
import { centreRoutes } from './centre.routes';
import { CentreService } from './centre.service';
import type { CentreTables } from './centre.tables';
import { readFronts } from './fronts';

export type { CentreNeeds } from './centre.needs';
export type { CentreTables } from './centre.tables';

export interface CentreServices {
  /** The Flanders-wide overview: the Digisnap picture and the other fronts. */
  centre: CentreService;
}

/** The knowledge centre (issue 14): Flanders-wide figures, needs against offer, actions and programmes, open data. */
export const centreModule: ServerModule<CentreServices, CentreNeeds, CentreTables> = {
  name: 'centre',
  migrations: centreMigrations,
  createServices({ access }, needs) {
    return { centre: new CentreService({ access, needs, fronts: readFronts(needs) }) };
  },
  register(app, services, { requireAuth }) {
    centreRoutes(app, { centre: services.centre, requireAuth });
  },
};
