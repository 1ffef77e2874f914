import type { Kysely } from 'kysely';
import type { AuditEvent, AuditRepository } from '../platform/audit/audit.repository';
import type { PlatformTables } from '../platform/db/schema';
import type { NeedsOfferTables } from './needs-offer.tables';

/** The centre's targets: the only code that touches their table. */
export class NeedsOfferRepository {
  private readonly db;

  constructor(
    private readonly base: Kysely<PlatformTables>,
    private readonly audit: AuditRepository,
  ) {
    this.db = base.withTables<NeedsOfferTables>();
  }

  /** Every target set, by competence: a few rows. */
  async targets(): Promise<Array<{ competence: string; level: string }>> {
    return this.db.selectFrom('centre_targets').select(['competence', 'level']).orderBy('competence').execute();
  }

  /** Sets one target and audits it, in one transaction. */
  async setTarget(target: { competence: string; level: string; at: string; by: string }, audit: AuditEvent): Promise<void> {
    await this.base.transaction().execute(async (platformTrx) => {
      await platformTrx
        .withTables<NeedsOfferTables>()
        .insertInto('centre_targets')
        .values({ competence: target.competence, level: target.level, updated_at: target.at, updated_by: target.by })
        .onConflict((oc) => oc.column('competence').doUpdateSet({ level: target.level, updated_at: target.at, updated_by: target.by }))
        .execute();
      await this.audit.record(audit, platformTrx);
    });
  }
}
