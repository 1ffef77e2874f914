import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import { catalogueMigrations } from '../../catalogue/catalogue.migrations';
import { digisnapMigrations } from '../../digisnap/digisnap.migrations';
import { trainingBudgetMigrations } from '../../school/training-budget/training-budget.migrations';
import { campaignMigrations } from '../../school/campaign/campaign.migrations';
import { cyberCheckMigrations } from '../../school/cyber-check/cyber-check.migrations';
import { policyPlanMigrations } from '../../school/policy-plan/policy-plan.migrations';
import { reflectionMigrations } from '../../school/reflection/reflection.migrations';
import { schoolMigrations } from '../../school/school.migrations';
import { trainingPlanMigrations } from '../../school/training-plan/training-plan.migrations';
import { oidcMigrations } from '../auth/oidc.migrations';
import { mailMigrations } from '../mail/mail.migrations';
import { platformMigrations } from '../platform.migrations';

/**
 * Every module contributes its migrations under names that sort in the order they must run
 * (`<yyyymmdd>_<nn>_<module>_<what>`). Names never change once released.
 */
const allMigrations: Record<string, Migration> = {
  ...platformMigrations,
  ...schoolMigrations,
  ...mailMigrations,
  ...digisnapMigrations,
  ...catalogueMigrations,
  ...campaignMigrations,
  ...trainingPlanMigrations,
  ...trainingBudgetMigrations,
  ...oidcMigrations,
  ...cyberCheckMigrations,
  ...reflectionMigrations,
  ...policyPlanMigrations,
};

const provider: MigrationProvider = { getMigrations: async () => allMigrations };

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
