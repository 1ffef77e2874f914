import type { Insertable, Kysely, Selectable } from 'kysely';
import type { FundingSpendingTable, FundingTermsTable, InfraDatabase } from './infra.tables';

export type SpendingRow = Selectable<FundingSpendingTable>;
export type TermsRow = Selectable<FundingTermsTable>;

/** The device types a device-per-pupil measure buys: what counts towards the device goal. */
const PERSONAL_DEVICE_TYPES = ['laptop', 'chromebook', 'tablet'];

/** A school's funding terms, its spending lines and their evidence; the devices bought with a scheme's money. */
export class FundingRepository {
  constructor(private readonly db: Kysely<InfraDatabase>) {}

  async terms(schoolIds: readonly string[], schemeId: string): Promise<TermsRow[]> {
    if (schoolIds.length === 0) return [];
    return this.db.selectFrom('funding_terms').selectAll().where('school_id', 'in', schoolIds).where('scheme_id', '=', schemeId).execute();
  }

  async setTerms(row: Insertable<FundingTermsTable>): Promise<void> {
    await this.db
      .insertInto('funding_terms')
      .values(row)
      .onConflict((conflict) =>
        conflict
          .columns(['school_id', 'scheme_id'])
          .doUpdateSet({ rent_scheme: row.rent_scheme, deduction_bases: row.deduction_bases, updated_by: row.updated_by, updated_at: row.updated_at }),
      )
      .execute();
  }

  /** The spending lines of these schools under a scheme, by invoice date. */
  async spending(schoolIds: readonly string[], schemeId: string): Promise<SpendingRow[]> {
    if (schoolIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('funding_spending')
      .selectAll()
      .where('school_id', 'in', schoolIds)
      .where('scheme_id', '=', schemeId)
      .orderBy('invoice_date')
      .orderBy('recorded_at')
      .execute();
    return rows.map((row) => ({ ...row, amount_cents: Number(row.amount_cents), not_double_financed: Number(row.not_double_financed) }));
  }

  /** Every school that counted pupils or spent under the scheme: those Flanders' funding figure adds up. */
  async schoolsOfScheme(schemeId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('pupil_counts')
      .select('school_id')
      .union(this.db.selectFrom('funding_spending').select('school_id').where('scheme_id', '=', schemeId))
      .execute();
    return rows.map((row) => row.school_id);
  }

  async findSpending(spendingId: string): Promise<SpendingRow | undefined> {
    const row = await this.db.selectFrom('funding_spending').selectAll().where('id', '=', spendingId).executeTakeFirst();
    return row && { ...row, amount_cents: Number(row.amount_cents), not_double_financed: Number(row.not_double_financed) };
  }

  /** The file ids attached to each of these lines. */
  async evidence(spendingIds: readonly string[]): Promise<Map<string, string[]>> {
    const bySpending = new Map<string, string[]>();
    for (let i = 0; i < spendingIds.length; i += 500) {
      const rows = await this.db
        .selectFrom('funding_evidence')
        .select(['spending_id', 'file_id'])
        .where('spending_id', 'in', spendingIds.slice(i, i + 500))
        .orderBy('attached_at')
        .execute();
      for (const row of rows) bySpending.set(row.spending_id, [...(bySpending.get(row.spending_id) ?? []), row.file_id]);
    }
    return bySpending;
  }

  /** The line and its files in one transaction. */
  async recordSpending(row: Insertable<FundingSpendingTable>, fileIds: readonly string[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('funding_spending').values(row).execute();
      if (fileIds.length > 0)
        await trx
          .insertInto('funding_evidence')
          .values(fileIds.map((file_id) => ({ spending_id: row.id, file_id, attached_at: row.recorded_at })))
          .execute();
    });
  }

  /** Attaches files to a line; a file attached already stays as it was. */
  async attachEvidence(spendingId: string, fileIds: readonly string[], at: string): Promise<void> {
    await this.db
      .insertInto('funding_evidence')
      .values(fileIds.map((file_id) => ({ spending_id: spendingId, file_id, attached_at: at })))
      .onConflict((conflict) => conflict.columns(['spending_id', 'file_id']).doNothing())
      .execute();
  }

  /** Per school, the personal devices (laptops, Chromebooks, tablets) bought with this funding source, whatever their state now. */
  async devicesBought(schoolIds: readonly string[], fundingSource: string): Promise<Map<string, number>> {
    if (schoolIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('devices')
      .innerJoin('device_models', 'device_models.id', 'devices.model_id')
      .select(['devices.school_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('devices.school_id', 'in', schoolIds)
      .where('devices.funding_source', '=', fundingSource)
      .where('device_models.type', 'in', PERSONAL_DEVICE_TYPES)
      .groupBy('devices.school_id')
      .execute();
    return new Map(rows.map((row) => [row.school_id, Number(row.n)]));
  }
}
