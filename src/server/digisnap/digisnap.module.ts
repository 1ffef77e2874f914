import { AuditRepository } from '../platform/audit/audit.repository';
import type { Db } from '../platform/db/database';
import { nowIso } from '../platform/ids';
import type { ServerModule } from '../platform/module';
import { cryptoUniform } from '../platform/privacy/random';
import { digisnapMigrations } from './digisnap.migrations';
import { digisnapPersonalData } from './digisnap.personal-data';
import { DigisnapRepository } from './digisnap.repository';
import { digisnapRoutes } from './digisnap.routes';
import { DigisnapService } from './digisnap.service';
import type { DigisnapTables } from './digisnap.tables';
import { FlandersPictureRepository } from './flanders-picture.repository';
import { FlandersPictureService } from './flanders-picture.service';
import { FrameworkRegistry } from './framework.registry';
import { LatestScansRepository } from './latest-scans.repository';
import { stepNeedMigrations } from './step-need.migrations';
import { StepNeedRepository } from './step-need.repository';
import { StepNeedService } from './step-need.service';

export type { DigisnapTables } from './digisnap.tables';

export interface DigisnapServices {
  digisnap: DigisnapService;
  /** The competence frameworks under content/frameworks, every version. */
  frameworks: FrameworkRegistry;
  /** The knowledge centre's Flanders-wide picture, released through its privacy gate. */
  flandersPicture: FlandersPictureService;
  /** The knowledge centre's step needs, released through the privacy gate. */
  stepNeeds: StepNeedService;
}

/** Digisnap: competence frameworks, scans, personal profiles and the team aggregates of scans. */
export const digisnapModule: ServerModule<DigisnapServices, void, DigisnapTables> = {
  name: 'digisnap',
  migrations: { ...digisnapMigrations, ...stepNeedMigrations },
  createServices({ config, db, audit }) {
    const frameworks = FrameworkRegistry.loadFromDirectory(`${config.contentDir}/frameworks`);
    const noise = { epsilon: config.privacyEpsilon, uniform: config.privacyUniform ?? cryptoUniform };
    const kysely = db.kysely.withTables<DigisnapTables>();
    const digisnap = new DigisnapService(new DigisnapRepository(kysely), frameworks, audit, nowIso, noise);
    const latestScans = new LatestScansRepository(kysely);
    const flandersPicture = new FlandersPictureService(new FlandersPictureRepository(kysely), latestScans, () => frameworks.current(), nowIso, noise);
    const stepNeeds = new StepNeedService(new StepNeedRepository(kysely), latestScans, () => frameworks.current(), noise, nowIso);
    return { digisnap, frameworks, flandersPicture, stepNeeds };
  },
  register(app, { digisnap }, { requireAuth }) {
    digisnapRoutes(app, { digisnap, requireAuth });
  },
  personalData: (_platform, { digisnap }) => digisnapPersonalData(digisnap),
};

/**
 * A Digisnap service whose writes carry the given clock, on the app's database and frameworks:
 * for demo data and tests that place scans in the past.
 */
export function digisnapServiceWithClock(db: Db, frameworks: FrameworkRegistry, now: () => string): DigisnapService {
  return new DigisnapService(new DigisnapRepository(db.kysely.withTables<DigisnapTables>()), frameworks, new AuditRepository(db.kysely), now);
}
