import { type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import type { DeviceListQuery } from '../../shared/infra/api';
import { precompiled } from '../platform/db/precompiled';
import { isUniqueViolation } from '../platform/db/unique-violation';
import type { DeviceEventsTable, DeviceModelsTable, DeviceSanitisationsTable, DevicesTable, InfraDatabase } from './infra.tables';
import type { ParkVersions } from './park-versions';

export type DeviceModelRow = Selectable<DeviceModelsTable>;
export type DeviceRow = Selectable<DevicesTable>;
export type DeviceWithModelRow = DeviceRow & {
  model_manufacturer: string;
  model_name: string;
  model_type: string;
  model_expected_life_months: number;
};
export type DeviceEventRow = Selectable<DeviceEventsTable>;
export type SanitisationRow = Selectable<DeviceSanitisationsTable>;

const sortColumns = {
  assetTag: 'devices.asset_tag',
  purchaseDate: 'devices.purchase_date',
  model: 'device_models.name',
  state: 'devices.state',
  updatedAt: 'devices.updated_at',
} as const;

/** Another request took one of the asset tags between the check and the write. */
export class AssetTagTaken extends Error {
  constructor() {
    super('An asset tag was taken meanwhile');
  }
}

/** `%`, `_` and the escape itself taken literally in a LIKE pattern. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A stored opening page (`infra_device_pages`): the version and schools it was read at, and its bytes. */
export interface StoredPage {
  version: number;
  schools: string;
  body: Uint8Array;
}

/** The devices of schools, their models, their history and sanitisation records. */
export class DeviceRepository {
  /** Behind an opening of a device list not kept in memory: one indexed read, compiled once, its bytes read as bytes. */
  private readonly storedPageOf;

  constructor(
    private readonly db: Kysely<InfraDatabase>,
    /** Every write of devices goes through it (see ParkVersions). */
    private readonly versions: Pick<ParkVersions, 'afterWrite'>,
  ) {
    // The version as text: node-postgres hands each binary field over as UTF-8 text first, which an
    // integer's bytes do not survive; the page's JSON and the schools' digest do.
    this.storedPageOf = precompiled(
      db,
      (scopeId: string) =>
        db
          .selectFrom('infra_device_pages')
          .select(['schools', 'body', sql<string>`cast(version as text)`.as('version')])
          .where('scope_id', '=', scopeId),
      1,
      { binary: true },
    );
  }

  /** The stored opening page of a school's or a board's list, if any. */
  async storedPage(scopeId: string): Promise<StoredPage | undefined> {
    const [row] = await this.storedPageOf(scopeId);
    return row && { version: Number(row.version), schools: row.schools, body: row.body };
  }

  /** Stores the opening page read at this version, in place of the one before. */
  async storePage(page: { scopeId: string; version: number; schools: string; body: Uint8Array }): Promise<void> {
    await this.db
      .insertInto('infra_device_pages')
      .values({ scope_id: page.scopeId, version: page.version, schools: page.schools, body: page.body })
      .onConflict((oc) => oc.column('scope_id').doUpdateSet((eb) => ({ version: eb.ref('excluded.version'), schools: eb.ref('excluded.schools'), body: eb.ref('excluded.body') })))
      .execute();
  }

  modelsOfSchool(schoolId: string): Promise<DeviceModelRow[]> {
    return this.db.selectFrom('device_models').selectAll().where('school_id', '=', schoolId).execute();
  }

  async tagsOfSchool(schoolId: string): Promise<Set<string>> {
    const rows = await this.db.selectFrom('devices').select('asset_tag').where('school_id', '=', schoolId).execute();
    return new Set(rows.map((row) => row.asset_tag));
  }

  async tagTaken(schoolId: string, assetTag: string, exceptDeviceId: string | null): Promise<boolean> {
    const row = await this.db
      .selectFrom('devices')
      .select('id')
      .where('school_id', '=', schoolId)
      .where('asset_tag', '=', assetTag)
      .$if(exceptDeviceId !== null, (qb) => qb.where('id', '<>', exceptDeviceId!))
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * New models, devices and their first events, in one transaction: all or none. A model another
   * request added meanwhile is used instead of ours; an asset tag another request took meanwhile
   * throws `AssetTagTaken` and writes nothing.
   */
  async insertDevices(input: {
    schoolId: string;
    models: Insertable<DeviceModelsTable>[];
    devices: Insertable<DevicesTable>[];
    events: Insertable<DeviceEventsTable>[];
  }): Promise<void> {
    const write = this.db.transaction().execute(async (trx) => {
      const modelIds = new Map<string, string>();
      if (input.models.length > 0) {
        for (const chunk of chunks(input.models, 200)) {
          await trx
            .insertInto('device_models')
            .values(chunk)
            .onConflict((oc) => oc.columns(['school_id', 'manufacturer', 'name']).doNothing())
            .execute();
        }
        const stored = await trx.selectFrom('device_models').select(['id', 'manufacturer', 'name']).where('school_id', '=', input.schoolId).execute();
        const byName = new Map(stored.map((model) => [`${model.manufacturer}\u0000${model.name}`, model.id]));
        for (const model of input.models) modelIds.set(model.id, byName.get(`${model.manufacturer}\u0000${model.name}`) ?? model.id);
      }
      const devices = input.devices.map((device) => ({ ...device, model_id: modelIds.get(device.model_id) ?? device.model_id }));
      for (const chunk of chunks(devices, 100)) {
        const inserted = await trx
          .insertInto('devices')
          .values(chunk)
          .onConflict((oc) => oc.columns(['school_id', 'asset_tag']).doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? chunk.length) !== chunk.length) throw new AssetTagTaken();
      }
      for (const chunk of chunks(input.events, 200)) await trx.insertInto('device_events').values(chunk).execute();
    });
    await this.versions.afterWrite(write);
  }

  /** Replaces a device's details (not its state), adding its model first when it is new; a tag taken meanwhile throws `AssetTagTaken`. */
  async updateDevice(
    deviceId: string,
    changes: Omit<Insertable<DevicesTable>, 'id' | 'school_id' | 'state' | 'created_at'>,
    newModel: Insertable<DeviceModelsTable> | null,
  ): Promise<void> {
    const write = this.db.transaction().execute(async (trx) => {
      let modelId = changes.model_id;
      if (newModel) {
        await trx
          .insertInto('device_models')
          .values(newModel)
          .onConflict((oc) => oc.columns(['school_id', 'manufacturer', 'name']).doNothing())
          .execute();
        const stored = await trx
          .selectFrom('device_models')
          .select('id')
          .where('school_id', '=', newModel.school_id)
          .where('manufacturer', '=', newModel.manufacturer)
          .where('name', '=', newModel.name)
          .executeTakeFirstOrThrow();
        modelId = stored.id;
      }
      await trx
        .updateTable('devices')
        .set({ ...changes, model_id: modelId })
        .where('id', '=', deviceId)
        .execute()
        .catch((error: unknown) => {
          throw isUniqueViolation(error) ? new AssetTagTaken() : error;
        });
    });
    await this.versions.afterWrite(write);
  }

  /**
   * Moves a device from `from` to the event's state, with its event and sanitisation record, in
   * one transaction; false (nothing written) when the device was no longer in `from`.
   */
  async changeState(deviceId: string, from: string, event: Insertable<DeviceEventsTable>, sanitisation: Insertable<DeviceSanitisationsTable> | null): Promise<boolean> {
    const write = this.db.transaction().execute(async (trx) => {
      const moved = await trx.updateTable('devices').set({ state: event.to_state, updated_at: event.at }).where('id', '=', deviceId).where('state', '=', from).executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) return false;
      await trx.insertInto('device_events').values(event).execute();
      if (sanitisation) {
        await trx.deleteFrom('device_sanitisations').where('device_id', '=', deviceId).execute();
        await trx.insertInto('device_sanitisations').values(sanitisation).execute();
      }
      return true;
    });
    return this.versions.afterWrite(write);
  }

  async hasOpenLoan(deviceId: string): Promise<boolean> {
    const row = await this.db.selectFrom('loans').select('id').where('device_id', '=', deviceId).where('returned_on', 'is', null).executeTakeFirst();
    return row !== undefined;
  }

  find(deviceId: string): Promise<DeviceWithModelRow | undefined> {
    return this.withModel().where('devices.id', '=', deviceId).executeTakeFirst();
  }

  events(deviceId: string): Promise<DeviceEventRow[]> {
    return this.db.selectFrom('device_events').selectAll().where('device_id', '=', deviceId).orderBy('at').orderBy('id').execute();
  }

  sanitisation(deviceId: string): Promise<SanitisationRow | undefined> {
    return this.db.selectFrom('device_sanitisations').selectAll().where('device_id', '=', deviceId).executeTakeFirst();
  }

  /** Every device of a school, by asset tag: the export. */
  allOfSchool(schoolId: string): Promise<DeviceWithModelRow[]> {
    return this.withModel().where('devices.school_id', '=', schoolId).orderBy('devices.asset_tag').execute();
  }

  /** A page of the devices of these schools that match the filters, and how many match in all. */
  async search(schoolIds: readonly string[], query: DeviceListQuery): Promise<{ rows: DeviceWithModelRow[]; total: number }> {
    if (schoolIds.length === 0) return { rows: [], total: 0 };
    const words = (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
    const filtered = this.withModel()
      .where('devices.school_id', 'in', schoolIds)
      .$if(query.type !== undefined, (qb) => qb.where('device_models.type', '=', query.type!))
      .$if(query.state !== undefined, (qb) => qb.where('devices.state', '=', query.state!))
      .$if(query.fundingSource !== undefined, (qb) => qb.where('devices.funding_source', '=', query.fundingSource!))
      .$if(Boolean(query.campus), (qb) => qb.where('devices.campus', '=', query.campus!))
      .$if(Boolean(query.room), (qb) => qb.where('devices.room', '=', query.room!))
      .$if(query.purchaseYear !== undefined, (qb) =>
        qb.where('devices.purchase_date', '>=', `${query.purchaseYear}-01-01`).where('devices.purchase_date', '<=', `${query.purchaseYear}-12-31`),
      )
      .$if(words.length > 0, (qb) => qb.where((eb) => eb.and(words.map((word) => sql<boolean>`${eb.ref('devices.search_text')} like ${`%${likeLiteral(word)}%`} escape '\\'`))));
    const counted = await filtered
      .clearSelect()
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    const rows = await filtered
      .orderBy(sortColumns[query.sort], query.order)
      .orderBy('devices.asset_tag', query.order)
      .orderBy('devices.id')
      .limit(query.limit)
      .offset((query.page - 1) * query.limit)
      .execute();
    return { rows, total: Number(counted?.n ?? 0) };
  }

  private withModel() {
    return this.db
      .selectFrom('devices')
      .innerJoin('device_models', 'device_models.id', 'devices.model_id')
      .selectAll('devices')
      .select([
        'device_models.manufacturer as model_manufacturer',
        'device_models.name as model_name',
        'device_models.type as model_type',
        'device_models.expected_life_months as model_expected_life_months',
      ]);
  }
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
