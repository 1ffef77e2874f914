import type { ServerModule } from '../platform/module';
import { centreActionsPersonalData } from './actions.personal-data';
import { CentreActionsRepository } from './actions.repository';
import { centreActionsRoutes } from './actions.routes';
import { CentreActionsService } from './actions.service';
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
  /** The register of actions and projects, and the IT bootcamps. */
  centreActions: CentreActionsService;
}

/** The knowledge centre (issue 14): Flanders-wide figures, needs against offer, actions and programmes, open data. */
export const centreModule: ServerModule<CentreServices, CentreNeeds, CentreTables> = {
  name: 'centre',
  migrations: centreMigrations,
  createServices({ access, audit, auth, db }, needs) {
    return {
      centre: new CentreService({ access, needs, fronts: readFronts(needs) }),
      centreActions: new CentreActionsService(new CentreActionsRepository(db.kysely), { access, audit, auth, trainings: needs.bootcamps }),
    };
  },
  register(app, services, { requireAuth }) {
    centreRoutes(app, { centre: services.centre, requireAuth });
    centreActionsRoutes(app, { centreActions: services.centreActions, requireAuth });
  },
  personalData: () => centreActionsPersonalData,
};
