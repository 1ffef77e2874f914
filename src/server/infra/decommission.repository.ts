import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DecommissionBatchDevicesTable, DecommissionBatchesTable, DeviceEventsTable, DeviceSanitisationsTable, InfraDatabase } from './infra.tables';
import { LoanRace } from './loan.repository';
import type { ParkVersions } from './park-versions';

export type BatchRow = Selectable<DecommissionBatchesTable>;

/** A device of a batch with its model and wipe record. */
export interface BatchDeviceRow {
  id: string;
  asset_tag: string;
  serial: string | null;
  state: string;
  manufacturer: string;
  model_name: string;
  from_state: string;
  method: string | null;
  performed_by: string | null;
  performed_on: string | null;
  verification: string | null;
  certificate_ref: string | null;
  certificate_file_id: string | null;
}

/** A device in service with what the replacement rules read: its model's life and how often it went to repair. */
export interface ReplacementRow {
  id: string;
  asset_tag: string;
  state: string;
  model_id: string;
  manufacturer: string;
  model_name: string;
  purchase_date: string | null;
  price_cents: number | null;
  warranty_months: number | null;
  expected_life_months: number;
  repairs: number | string;
}

/** Decommission batches and the moves, wipe records and history they write, in one transaction. */
export class DecommissionRepository {
  constructor(
    private readonly db: Kysely<InfraDatabase>,
    /** Every write of devices, loans or pupil counts goes through it (see ParkVersions). */
    private readonly versions: Pick<ParkVersions, 'afterWrite'>,
  ) {}

  /**
   * Writes the batch, moves each device from the state it was checked in along its moves, keeps
   * each move in the history and each wipe record, all or nothing; `LoanRace` (nothing written)
   * when a device moved meanwhile.
   */
  async create(
    batch: Insertable<DecommissionBatchesTable>,
    devices: ReadonlyArray<Insertable<DecommissionBatchDevicesTable> & { to_state: string }>,
    events: Insertable<DeviceEventsTable>[],
    sanitisations: Insertable<DeviceSanitisationsTable>[],
  ): Promise<void> {
    const write = this.db.transaction().execute(async (trx) => {
      await trx.insertInto('decommission_batches').values(batch).execute();
      for (const device of devices) {
        const moved = await trx
          .updateTable('devices')
          .set({ state: device.to_state, updated_at: batch.created_at })
          .where('id', '=', device.device_id)
          .where('state', '=', device.from_state)
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) !== 1) throw new LoanRace();
      }
      const ids = devices.map((device) => device.device_id);
      for (let i = 0; i < devices.length; i += 200) {
        await trx
          .insertInto('decommission_batch_devices')
          .values(devices.slice(i, i + 200).map(({ to_state: _to, ...row }) => row))
          .execute();
        await trx
          .deleteFrom('device_sanitisations')
          .where('device_id', 'in', ids.slice(i, i + 200))
          .execute();
        await trx
          .insertInto('device_sanitisations')
          .values(sanitisations.slice(i, i + 200))
          .execute();
      }
      for (let i = 0; i < events.length; i += 200)
        await trx
          .insertInto('device_events')
          .values(events.slice(i, i + 200))
          .execute();
    });
    await this.versions.afterWrite(write);
  }

  /** Gives the batch its certificate when it has none; false (nothing written) when it has one. */
  async certifyBatch(batchId: string, fileId: string): Promise<boolean> {
    const set = await this.db
      .updateTable('decommission_batches')
      .set({ certificate_file_id: fileId })
      .where('id', '=', batchId)
      .where('certificate_file_id', 'is', null)
      .executeTakeFirst();
    return Number(set.numUpdatedRows) === 1;
  }

  /** Gives a device's wipe record of this batch its own certificate when it has none; false (nothing written) otherwise. */
  async certifyDevice(batchId: string, deviceId: string, fileId: string): Promise<boolean> {
    const set = await this.db
      .updateTable('device_sanitisations')
      .set({ certificate_file_id: fileId })
      .where('device_id', '=', deviceId)
      .where('batch_id', '=', batchId)
      .where('certificate_file_id', 'is', null)
      .executeTakeFirst();
    return Number(set.numUpdatedRows) === 1;
  }

  find(batchId: string): Promise<BatchRow | undefined> {
    return this.db.selectFrom('decommission_batches').selectAll().where('id', '=', batchId).executeTakeFirst();
  }

  /** The school's batches, newest first, with their device count and how many lack a certificate file. */
  list(schoolId: string) {
    return this.db
      .selectFrom('decommission_batches as b')
      .innerJoin('decommission_batch_devices as bd', 'bd.batch_id', 'b.id')
      .leftJoin('device_sanitisations as s', (join) => join.onRef('s.device_id', '=', 'bd.device_id').onRef('s.batch_id', '=', 'b.id'))
      .select((eb) => [
        'b.id',
        'b.partner_id',
        'b.handed_over_on',
        'b.created_at',
        eb.fn.countAll<number | string>().as('devices'),
        eb.fn.sum<number | string | null>(eb.case().when('s.certificate_file_id', 'is', null).then(1).else(0).end()).as('without_own_certificate'),
        'b.certificate_file_id',
      ])
      .where('b.school_id', '=', schoolId)
      .groupBy(['b.id', 'b.partner_id', 'b.handed_over_on', 'b.created_at', 'b.certificate_file_id'])
      .orderBy('b.created_at', 'desc')
      .orderBy('b.id')
      .execute();
  }

  devicesOf(batchId: string): Promise<BatchDeviceRow[]> {
    return this.db
      .selectFrom('decommission_batch_devices as bd')
      .innerJoin('devices as d', 'd.id', 'bd.device_id')
      .innerJoin('device_models as m', 'm.id', 'd.model_id')
      .leftJoin('device_sanitisations as s', 's.device_id', 'd.id')
      .select([
        'd.id',
        'd.asset_tag',
        'd.serial',
        'd.state',
        'm.manufacturer',
        'm.name as model_name',
        'bd.from_state',
        's.method',
        's.performed_by',
        's.performed_on',
        's.verification',
        's.certificate_ref',
        's.certificate_file_id',
      ])
      .where('bd.batch_id', '=', batchId)
      .orderBy('d.asset_tag')
      .execute();
  }

  /** Counts for the cyber check: devices in the school, those with serial and location, those that left, and those of them with a wipe record. */
  async cyberFacts(schoolId: string, outOfSchool: readonly string[]): Promise<{ devices: number; complete: number; leftSchool: number; sanitised: number }> {
    const row = await this.db
      .selectFrom('devices as d')
      .leftJoin('device_sanitisations as s', 's.device_id', 'd.id')
      .select((eb) => {
        const left = eb('d.state', 'in', outOfSchool);
        const count = (condition: ReturnType<typeof eb.and>) => eb.fn.sum<number | string | null>(eb.case().when(condition).then(1).else(0).end());
        return [
          count(eb.not(left)).as('devices'),
          count(eb.and([eb.not(left), eb('d.serial', 'is not', null), eb.or([eb('d.campus', 'is not', null), eb('d.room', 'is not', null)])])).as('complete'),
          count(eb.and([left])).as('left_school'),
          count(eb.and([left, eb('s.device_id', 'is not', null)])).as('sanitised'),
        ];
      })
      .where('d.school_id', '=', schoolId)
      .executeTakeFirstOrThrow();
    return { devices: Number(row.devices ?? 0), complete: Number(row.complete ?? 0), leftSchool: Number(row.left_school ?? 0), sanitised: Number(row.sanitised ?? 0) };
  }

  /** The school's devices with what the replacement rules read; the repairs are the moves into repair in each history. */
  replacementRows(schoolId: string, states: readonly string[]): Promise<ReplacementRow[]> {
    return this.db
      .selectFrom('devices as d')
      .innerJoin('device_models as m', 'm.id', 'd.model_id')
      .select((eb) => [
        'd.id',
        'd.asset_tag',
        'd.state',
        'd.model_id',
        'm.manufacturer',
        'm.name as model_name',
        'd.purchase_date',
        'd.price_cents',
        'd.warranty_months',
        'm.expected_life_months',
        eb.selectFrom('device_events as e').select(eb.fn.countAll<number | string>().as('n')).whereRef('e.device_id', '=', 'd.id').where('e.to_state', '=', 'in_repair').as('repairs'),
      ])
      .where('d.school_id', '=', schoolId)
      .where('d.state', 'in', states)
      .orderBy('d.asset_tag')
      .execute() as Promise<ReplacementRow[]>;
  }
}
