import type { Kysely, Selectable } from 'kysely';
import type { SchoolDatabase as Database, SchoolBudgetSettingsTable } from '../school.tables';

export type BudgetSettingsRow = Selectable<SchoolBudgetSettingsTable>;

/** Each school's own budget settings. */
export class TrainingBudgetRepository {
  constructor(private readonly db: Kysely<Database>) {}

  settingsOf(schoolId: string): Promise<BudgetSettingsRow | undefined> {
    return this.db.selectFrom('school_budget_settings').selectAll().where('school_id', '=', schoolId).executeTakeFirst();
  }

  async saveSettings(row: BudgetSettingsRow): Promise<void> {
    const { school_id: _schoolId, ...values } = row;
    await this.db
      .insertInto('school_budget_settings')
      .values(row)
      .onConflict((oc) => oc.column('school_id').doUpdateSet(values))
      .execute();
  }
}
