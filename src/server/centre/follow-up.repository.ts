import type { Kysely } from 'kysely';
import type { FollowUpStep } from '../../shared/centre/follow-up-steps';
import type { CentreDatabase } from './centre.tables';

export interface SavedFollowUpSteps {
  version: number;
  steps: FollowUpStep[];
  savedAt: string;
}

/** The only code that touches centre_follow_up_steps. */
export class FollowUpStepsRepository {
  constructor(private readonly db: Kysely<CentreDatabase>) {}

  async latest(): Promise<SavedFollowUpSteps | null> {
    const row = await this.db.selectFrom('centre_follow_up_steps').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
    return row ? { version: Number(row.version), steps: JSON.parse(row.steps) as FollowUpStep[], savedAt: row.saved_at } : null;
  }

  /** Adds version `version`; false when another save took that version first. */
  async insert(version: number, steps: readonly FollowUpStep[], savedBy: string, savedAt: string): Promise<boolean> {
    const result = await this.db
      .insertInto('centre_follow_up_steps')
      .values({ version, steps: JSON.stringify(steps), saved_by: savedBy, saved_at: savedAt })
      .onConflict((oc) => oc.column('version').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }
}
