import type { Kysely } from 'kysely';
import type { DeviceFacts } from '../../shared/infra/indicators';
import { precompiled } from '../platform/db/precompiled';
import type { InfraDatabase } from './infra.tables';

/** What the indicators read of a park when it changed: its devices and pupil loans (its version: ParkVersions). */
export class IndicatorRepository {
  private readonly frontsVersionRow;

  constructor(private readonly db: Kysely<InfraDatabase>) {
    this.frontsVersionRow = precompiled(db, () => db.selectFrom('infra_data_versions').select('version').where('name', '=', 'fronts'), 0);
  }

  /** Bumped by triggers on every change to any park or funding ledger (infra-fronts.migrations.ts): one indexed read. */
  async frontsVersion(): Promise<number> {
    const [row] = await this.frontsVersionRow();
    return Number(row?.version ?? 0);
  }

  /** The schools with at least one device: the parks Flanders' figure adds up. */
  async schoolsWithDevices(): Promise<string[]> {
    const rows = await this.db.selectFrom('devices').select('school_id').distinct().execute();
    return rows.map((row) => row.school_id);
  }

  /** Every device of the school with what the indicators read of it, and the open loans to its pupils. */
  async park(schoolId: string): Promise<{ devices: DeviceFacts[]; pupilLoans: number }> {
    const [devices, loans] = await Promise.all([
      this.db
        .selectFrom('devices')
        .innerJoin('device_models', 'device_models.id', 'devices.model_id')
        .select(['device_models.type', 'devices.state', 'devices.purchase_date', 'devices.price_cents'])
        .where('devices.school_id', '=', schoolId)
        .execute(),
      this.db
        .selectFrom('loans')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('school_id', '=', schoolId)
        .where('returned_on', 'is', null)
        .where('borrower_kind', '=', 'pupil')
        .executeTakeFirst(),
    ]);
    return {
      devices: devices.map((row) => ({
        type: row.type as DeviceFacts['type'],
        state: row.state as DeviceFacts['state'],
        purchaseDate: row.purchase_date,
        priceCents: row.price_cents === null ? null : Number(row.price_cents),
      })),
      pupilLoans: Number(loans?.n ?? 0),
    };
  }
}
