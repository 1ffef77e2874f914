import type { ServerModule } from '../platform/module';
import { digisnapMigrations } from './digisnap.migrations';
import { DigisnapRepository } from './digisnap.repository';
import { digisnapRoutes } from './digisnap.routes';
import { DigisnapService } from './digisnap.service';
import type { DigisnapTables } from './digisnap.tables';
import { FrameworkRegistry } from './framework.registry';

export type { DigisnapTables } from './digisnap.tables';

export interface DigisnapServices {
  digisnap: DigisnapService;
  /** The competence frameworks under content/frameworks, every version. */
  frameworks: FrameworkRegistry;
}

/** Digisnap: competence frameworks, scans, personal profiles and the team aggregates of scans. */
export const digisnapModule: ServerModule<DigisnapServices> = {
  name: 'digisnap',
  migrations: digisnapMigrations,
  createServices({ config, db, audit }) {
    const frameworks = FrameworkRegistry.loadFromDirectory(`${config.contentDir}/frameworks`);
    const digisnap = new DigisnapService(new DigisnapRepository(db.kysely.withTables<DigisnapTables>()), frameworks, audit);
    return { digisnap, frameworks };
  },
  register(app, { digisnap }, { auth, requireAuth }) {
    digisnapRoutes(app, { digisnap, auth, requireAuth });
  },
};
