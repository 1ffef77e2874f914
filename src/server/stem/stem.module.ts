import type { ServerModule } from '../platform/module';
import { stemMigrations } from './stem.migrations';
import { StemRepository } from './stem.repository';
import { stemRoutes } from './stem.routes';
import { StemService } from './stem.service';
import type { StemTables } from './stem.tables';
import { loadStemContent } from './stem-content';

export type { StemTables } from './stem.tables';

export interface StemServices {
  /** The STEM monitor: counts in, indicators, series, definitions and targets out. */
  stem: StemService;
}

/** The STEM monitor: definitions from content/stem, imported counts and their sums, indicators for everyone. */
export const stemModule: ServerModule<StemServices, void, StemTables> = {
  name: 'stem',
  migrations: stemMigrations,
  createServices({ config, db, audit, access }) {
    return { stem: new StemService(new StemRepository(db.kysely, audit), { access, content: loadStemContent(config.contentDir) }) };
  },
  register(app, services, { requireAuth }) {
    stemRoutes(app, { stem: services.stem, requireAuth });
  },
};
