import type { Insertable, Kysely, Selectable } from 'kysely';
import { isUniqueViolation } from '../platform/db/unique-violation';
import type { DeviceEventsTable, InfraDatabase, LoansTable } from './infra.tables';
import type { ParkVersions } from './park-versions';

export type LoanRow = Selectable<LoansTable>;
export type LoanWithDeviceRow = LoanRow & {
  asset_tag: string;
  serial: string | null;
  device_state: string;
  manufacturer: string;
  model_name: string;
};

/** A device the loan rules are asked about, with its open loan when it has one. */
export interface DeviceForLoan {
  id: string;
  asset_tag: string;
  state: string;
  open_loan_id: string | null;
}

/** A device changed state, or another loan took it, between the check and the write: nothing was written. */
export class LoanRace extends Error {
  constructor() {
    super('A device changed meanwhile');
  }
}

/** The loans of a school's devices; their state moves are written with them, in one transaction. */
export class LoanRepository {
  constructor(
    private readonly db: Kysely<InfraDatabase>,
    /** Every write of devices, loans or pupil counts goes through it (see ParkVersions). */
    private readonly versions: Pick<ParkVersions, 'afterWrite'>,
  ) {}

  /** The school's devices with these tags, and each one's open loan. */
  async devicesByTags(schoolId: string, tags: readonly string[]): Promise<DeviceForLoan[]> {
    const found: DeviceForLoan[] = [];
    for (let i = 0; i < tags.length; i += 500) {
      const rows = await this.db
        .selectFrom('devices')
        .leftJoin('loans', (join) => join.onRef('loans.device_id', '=', 'devices.id').on('loans.returned_on', 'is', null))
        .select(['devices.id', 'devices.asset_tag', 'devices.state', 'loans.id as open_loan_id'])
        .where('devices.school_id', '=', schoolId)
        .where('devices.asset_tag', 'in', tags.slice(i, i + 500))
        .execute();
      found.push(...rows);
    }
    return found;
  }

  /**
   * Opens the loans and moves each device from the state it was checked in to on loan, with its
   * event, all in one transaction; `LoanRace` (nothing written) when a device moved or another
   * loan took it meanwhile.
   */
  async lend(loans: Insertable<LoansTable>[], fromStates: ReadonlyMap<string, string>, events: Insertable<DeviceEventsTable>[]): Promise<void> {
    const write = this.db.transaction().execute(async (trx) => {
      for (const loan of loans) {
        const moved = await trx
          .updateTable('devices')
          .set({ state: 'on_loan', updated_at: loan.created_at })
          .where('id', '=', loan.device_id)
          .where('state', '=', fromStates.get(loan.device_id)!)
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) !== 1) throw new LoanRace();
      }
      for (let i = 0; i < loans.length; i += 100) {
        await trx
          .insertInto('loans')
          .values(loans.slice(i, i + 100))
          .execute()
          .catch((error: unknown) => {
            throw isUniqueViolation(error) ? new LoanRace() : error;
          });
      }
      for (let i = 0; i < events.length; i += 200)
        await trx
          .insertInto('device_events')
          .values(events.slice(i, i + 200))
          .execute();
    });
    await this.versions.afterWrite(write);
  }

  /** Closes each open loan and moves its device from the state it was checked in, in one transaction; `LoanRace` when one changed meanwhile. */
  async close(
    returns: ReadonlyArray<{ loanId: string; deviceId: string; from: string; to: string; condition: string; note: string | null }>,
    returned: { on: string; by: string; at: string },
    events: Insertable<DeviceEventsTable>[],
  ): Promise<void> {
    const write = this.db.transaction().execute(async (trx) => {
      for (const item of returns) {
        const closed = await trx
          .updateTable('loans')
          .set({ returned_on: returned.on, return_condition: item.condition, return_note: item.note, returned_by: returned.by })
          .where('id', '=', item.loanId)
          .where('returned_on', 'is', null)
          .executeTakeFirst();
        const moved = await trx
          .updateTable('devices')
          .set({ state: item.to, updated_at: returned.at })
          .where('id', '=', item.deviceId)
          .where('state', '=', item.from)
          .executeTakeFirst();
        if (Number(closed.numUpdatedRows) !== 1 || Number(moved.numUpdatedRows) !== 1) throw new LoanRace();
      }
      for (let i = 0; i < events.length; i += 200)
        await trx
          .insertInto('device_events')
          .values(events.slice(i, i + 200))
          .execute();
    });
    await this.versions.afterWrite(write);
  }

  /** Open staff loans bound to this account, or bound to none with one of these names as borrower (compared in lower case). */
  openStaffLoansOf(userId: string, names: readonly string[]): Promise<LoanWithDeviceRow[]> {
    return this.withDevice()
      .where('loans.borrower_kind', '=', 'staff')
      .where('loans.returned_on', 'is', null)
      .where((eb) => eb.or([eb('loans.borrower_user_id', '=', userId), eb.and([eb('loans.borrower_user_id', 'is', null), eb(eb.fn('lower', ['loans.borrower']), 'in', names)])]))
      .orderBy('loans.lent_on')
      .execute();
  }

  /** Every loan bound to this account, returned or not (the person's data download). */
  loansOfAccount(userId: string): Promise<LoanWithDeviceRow[]> {
    return this.withDevice().where('loans.borrower_user_id', '=', userId).orderBy('loans.lent_on').execute();
  }

  find(loanId: string): Promise<LoanWithDeviceRow | undefined> {
    return this.withDevice().where('loans.id', '=', loanId).executeTakeFirst();
  }

  findMany(loanIds: readonly string[]): Promise<LoanWithDeviceRow[]> {
    if (loanIds.length === 0) return Promise.resolve([]);
    return this.withDevice().where('loans.id', 'in', loanIds).orderBy('loans.class_name').orderBy('devices.asset_tag').execute();
  }

  /** The school's loans, open only or all, of one class or every one, by class and asset tag. */
  list(schoolId: string, filter: { openOnly: boolean; returnedOnly: boolean; className?: string }): Promise<LoanWithDeviceRow[]> {
    return this.withDevice()
      .where('loans.school_id', '=', schoolId)
      .$if(filter.openOnly, (qb) => qb.where('loans.returned_on', 'is', null))
      .$if(filter.returnedOnly, (qb) => qb.where('loans.returned_on', 'is not', null))
      .$if(Boolean(filter.className), (qb) => qb.where('loans.class_name', '=', filter.className!))
      .orderBy('loans.class_name')
      .orderBy('devices.asset_tag')
      .orderBy('loans.lent_on')
      .execute();
  }

  /** Every class the school lent to, sorted. */
  async classes(schoolId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('loans')
      .select('class_name')
      .distinct()
      .where('school_id', '=', schoolId)
      .where('class_name', 'is not', null)
      .orderBy('class_name')
      .execute();
    return rows.map((row) => row.class_name!);
  }

  private withDevice() {
    return this.db
      .selectFrom('loans')
      .innerJoin('devices', 'devices.id', 'loans.device_id')
      .innerJoin('device_models', 'device_models.id', 'devices.model_id')
      .selectAll('loans')
      .select(['devices.asset_tag', 'devices.serial', 'devices.state as device_state', 'device_models.manufacturer', 'device_models.name as model_name']);
  }
}
