import { type Kysely, type Migration, PostgresAdapter, sql } from 'kysely';

export const campaignMigrations: Record<string, Migration> = {
  '20261206_10_school_campaigns': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('campaigns')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
        .addColumn('framework_id', 'text', (c) => c.notNull())
        .addColumn('framework_version', 'text', (c) => c.notNull())
        .addColumn('opens_on', 'text', (c) => c.notNull())
        .addColumn('closes_on', 'text', (c) => c.notNull())
        .addColumn('team_moment', 'text')
        .addColumn('min_group_size', 'integer', (c) => c.notNull())
        // The school's education level when the campaign opened: what the comparison groups by.
        .addColumn('education_level', 'text')
        .addColumn('opened_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('closed_at', 'text')
        .addColumn('reminder_rounds', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('reminders_sent', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('reminded_at', 'text')
        .execute();
      await db.schema.createIndex('campaigns_school_idx').on('campaigns').columns(['school_id', 'opens_on']).execute();
      await db.schema.createIndex('campaigns_framework_idx').on('campaigns').columns(['framework_id', 'framework_version']).execute();
      // Every state of a report that was ever shown, in order: a later one only when the group changed enough.
      await db.schema
        .createTable('campaign_reports')
        .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('published_at', 'text', (c) => c.notNull())
        .addColumn('respondents', 'integer', (c) => c.notNull())
        // Opaque keys (a hash of campaign and user), to count how many came or went; never shown.
        .addColumn('respondent_keys', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('campaign_reports_pk', ['campaign_id', 'seq'])
        .execute();
    },
  },
  '20261215_02_school_report_publications': {
    async up(db: Kysely<any>) {
      // The publication of the digisnap team aggregate a stored state shows; null for states stored before.
      await db.schema.alterTable('campaign_reports').addColumn('publication', 'integer').execute();
      // A school's member list changes through several modules (accounts, invitations, join codes,
      // the team page) and cascades; triggers bump this version on every change, whoever makes it,
      // so a team report learns with one indexed read whether its team must be counted anew.
      await db.schema
        .createTable('school_membership_versions')
        .addColumn('school_id', 'text', (c) => c.primaryKey())
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
      const bump = (row: 'NEW' | 'OLD') =>
        `INSERT INTO school_membership_versions (school_id, version) VALUES (${row}.school_id, 1) ` +
        'ON CONFLICT (school_id) DO UPDATE SET version = school_membership_versions.version + 1';
      if (db.getExecutor().adapter instanceof PostgresAdapter) {
        await sql
          .raw(
            'CREATE FUNCTION bump_school_membership_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ' +
              `IF TG_OP <> 'DELETE' THEN ${bump('NEW')}; END IF; IF TG_OP <> 'INSERT' THEN ${bump('OLD')}; END IF; RETURN NULL; END $$`,
          )
          .execute(db);
        await sql.raw('CREATE TRIGGER memberships_version AFTER INSERT OR UPDATE OR DELETE ON memberships FOR EACH ROW EXECUTE FUNCTION bump_school_membership_version()').execute(db);
        return;
      }
      await sql.raw(`CREATE TRIGGER memberships_version_insert AFTER INSERT ON memberships BEGIN ${bump('NEW')}; END`).execute(db);
      await sql.raw(`CREATE TRIGGER memberships_version_delete AFTER DELETE ON memberships BEGIN ${bump('OLD')}; END`).execute(db);
      await sql.raw(`CREATE TRIGGER memberships_version_update AFTER UPDATE ON memberships BEGIN ${bump('NEW')}; ${bump('OLD')}; END`).execute(db);
    },
  },
  '20261222_02_school_reports_without_means': {
    async up(db: Kysely<any>) {
      // Stored report states went out as stored bytes, means and suppressed cells included. They go:
      // the next read rebuilds each from its team aggregate's published state, with noise drawn once
      // then and no means (a team the digisnap module never published is decided anew).
      await db.deleteFrom('campaign_reports').execute();
    },
  },
  '20261226_01_school_reports_with_aims': {
    async up(db: Kysely<any>) {
      // Stored report states carry the norms as met / not met against constants. The report now
      // reads the aims from the framework file and says how far the team is from each; the next
      // read rebuilds each state from its team aggregate's published state and stored noise, so the
      // numbers stay what they were and only the aims change shape.
      await db.deleteFrom('campaign_reports').execute();
    },
  },
};
