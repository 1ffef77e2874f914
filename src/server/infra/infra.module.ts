import type { ServerModule } from '../platform/module';
import { DecommissionRepository } from './decommission.repository';
import { decommissionRoutes } from './decommission.routes';
import { DecommissionService } from './decommission.service';
import { DeviceRepository } from './device.repository';
import { deviceRoutes } from './device.routes';
import { DeviceService } from './device.service';
import { InfraFileRepository } from './file.repository';
import { infraFileRoutes } from './file.routes';
import { InfraFileService } from './file.service';
import { FundingRepository } from './funding.repository';
import { fundingRoutes } from './funding.routes';
import { FundingService } from './funding.service';
import { FundingSchemes } from './funding-schemes';
import { IndicatorRepository } from './indicator.repository';
import { indicatorRoutes } from './indicator.routes';
import { IndicatorService, pupilCountsPerSchool } from './indicator.service';
import { loadIndicatorContent } from './indicator-content';
import { infraMigrations } from './infra.migrations';
import type { InfraNeeds } from './infra.needs';
import { infraPersonalData } from './infra.personal-data';
import type { InfraTables } from './infra.tables';
import { infraFrontsMigrations } from './infra-fronts.migrations';
import { infraLinksMigrations } from './infra-links.migrations';
import { LoanRepository } from './loan.repository';
import { loanRoutes } from './loan.routes';
import { LoanService } from './loan.service';
import { PageCopies } from './page-copies';
import { ParkVersions } from './park-versions';
import { PupilCountRepository } from './pupil-count.repository';
import { loadReusePartners } from './reuse-partners';

export type { BoardSchools, InfraNeeds } from './infra.needs';
export type { InfraTables } from './infra.tables';

export interface InfraServices {
  /** The ICT park: devices, their models and lifecycle, import and export. */
  devices: DeviceService;
  /** Loans of devices to pupils and staff, alone or a class at a time, and their returns. */
  loans: LoanService;
  /** Evidence files (wipe certificates, invoices) other records point at. */
  files: InfraFileService;
  /** Funding schemes from content/funding, pupil counts, budgets, spending with its evidence. */
  funding: FundingService;
  /** The park in figures, per school and per board, beside MICTIVO's. */
  indicators: IndicatorService;
  /** Decommission batches to reuse and recycling partners, the replacement forecast, and the park's facts for other modules. */
  decommission: DecommissionService;
}

/** The ICT park of schools and boards. The inventory, loans, funding, decommission batches and the replacement forecast, indicators. */
export const infraModule: ServerModule<InfraServices, InfraNeeds, InfraTables> = {
  name: 'infra',
  migrations: { ...infraMigrations, ...infraLinksMigrations, ...infraFrontsMigrations },
  createServices({ config, db, auth, audit, access }, needs) {
    const kysely = db.kysely.withTables<InfraTables>();
    const versions = new ParkVersions(kysely, db);
    const loanRepository = new LoanRepository(kysely, versions);
    const files = new InfraFileService(new InfraFileRepository(kysely), { access, audit, auth });
    const schemes = FundingSchemes.loadFromDirectory(`${config.contentDir}/funding`);
    const partners = loadReusePartners(config.contentDir);
    const funding = new FundingService(new FundingRepository(kysely), new PupilCountRepository(kysely, versions), { access, audit, boards: needs.boards, files, schemes });
    return {
      devices: new DeviceService(new DeviceRepository(kysely, versions), {
        access,
        audit,
        auth,
        needs,
        versions,
        // SQLite's stored pages are in a local file already: a copy measured no faster there.
        ...(db.dialect === 'postgres' ? { copies: new PageCopies() } : {}),
      }),
      loans: new LoanService(loanRepository, { access, audit, auth, teams: needs.teams }),
      files,
      decommission: new DecommissionService(new DecommissionRepository(kysely, versions), { access, audit, auth, files, loans: loanRepository, partners, funding }),
      funding,
      indicators: new IndicatorService(new IndicatorRepository(kysely), {
        access,
        needs,
        pupils: pupilCountsPerSchool(new PupilCountRepository(kysely, versions)),
        content: loadIndicatorContent(config.contentDir),
        versions,
      }),
    };
  },
  register(app, services, { requireAuth }) {
    deviceRoutes(app, { devices: services.devices, requireAuth });
    app.addHook('onClose', async () => services.devices.close());
    loanRoutes(app, { loans: services.loans, requireAuth });
    infraFileRoutes(app, { files: services.files, requireAuth });
    fundingRoutes(app, { funding: services.funding, requireAuth });
    indicatorRoutes(app, { indicators: services.indicators, requireAuth });
    decommissionRoutes(app, { decommission: services.decommission, requireAuth });
  },
  personalData: (_platform, { loans }) => infraPersonalData(loans),
};
