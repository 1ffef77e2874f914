import type { ServerModule } from '../platform/module';
import { DeviceRepository } from './device.repository';
import { deviceRoutes } from './device.routes';
import { DeviceService } from './device.service';
import { InfraFileRepository } from './file.repository';
import { infraFileRoutes } from './file.routes';
import { InfraFileService } from './file.service';
import { infraMigrations } from './infra.migrations';
import type { InfraNeeds } from './infra.needs';
import type { InfraTables } from './infra.tables';
import { LoanRepository } from './loan.repository';
import { loanRoutes } from './loan.routes';
import { LoanService } from './loan.service';

export type { BoardSchools, InfraNeeds } from './infra.needs';
export type { InfraTables } from './infra.tables';

export interface InfraServices {
  /** The ICT park: devices, their models and lifecycle, import and export. */
  devices: DeviceService;
  /** Loans of devices to pupils and staff, alone or a class at a time, and their returns. */
  loans: LoanService;
  /** Evidence files (wipe certificates, invoices) other records point at. */
  files: InfraFileService;
}

/** The ICT park of schools and boards. The inventory and loans so far; funding, decommission batches and indicators follow. */
export const infraModule: ServerModule<InfraServices, InfraNeeds, InfraTables> = {
  name: 'infra',
  migrations: infraMigrations,
  createServices({ db, auth, audit, access }, needs) {
    const kysely = db.kysely.withTables<InfraTables>();
    return {
      devices: new DeviceService(new DeviceRepository(kysely), { access, audit, auth, needs }),
      loans: new LoanService(new LoanRepository(kysely), { access, audit }),
      files: new InfraFileService(new InfraFileRepository(kysely), { access, audit, auth }),
    };
  },
  register(app, services, { requireAuth }) {
    deviceRoutes(app, { devices: services.devices, requireAuth });
    loanRoutes(app, { loans: services.loans, requireAuth });
    infraFileRoutes(app, { files: services.files, requireAuth });
  },
};
