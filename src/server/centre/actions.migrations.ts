import type { Kysely, Migration } from 'kysely';

export const centreActionsMigrations: Record<string, Migration> = {
  '20270201_40_centre_actions': {
    async up(db: Kysely<any>) {
      // `version` rises with every save (optimistic concurrency); `indicators` is a JSON array of keys of indicator-keys.ts.
      await db.schema
        .createTable('centre_actions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('front', 'text', (c) => c.notNull())
        .addColumn('spearhead', 'text', (c) => c.notNull())
        .addColumn('goal', 'text', (c) => c.notNull())
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('budget_cents', 'bigint')
        .addColumn('start_date', 'text', (c) => c.notNull())
        .addColumn('end_date', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('indicators', 'text', (c) => c.notNull())
        .addColumn('programme', 'text')
        .addColumn('reach_schools', 'integer')
        .addColumn('reach_teachers', 'integer')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // Every save of an action: the history its page shows (the audit log holds the same for admins).
      await db.schema
        .createTable('centre_action_changes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('action_id', 'text', (c) => c.notNull().references('centre_actions.id').onDelete('cascade'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('changed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('changed_at', 'text', (c) => c.notNull())
        .addColumn('fields', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('centre_action_changes_action_idx').on('centre_action_changes').column('action_id').execute();
      // The IT bootcamps. A track names a catalogue training (kind bootcamp) by id only: the catalogue owns its tables.
      await db.schema
        .createTable('bootcamp_tracks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name_nl', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('description_nl', 'text', (c) => c.notNull())
        .addColumn('description_en', 'text', (c) => c.notNull())
        .addColumn('training_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('bootcamp_cohorts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('track_id', 'text', (c) => c.notNull().references('bootcamp_tracks.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('starts_on', 'text', (c) => c.notNull())
        .execute();
      // A school team as registered for the cohort: the school's id and its name at registration (the school module owns schools).
      await db.schema
        .createTable('bootcamp_teams')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('cohort_id', 'text', (c) => c.notNull().references('bootcamp_cohorts.id').onDelete('cascade'))
        .addColumn('school_id', 'text', (c) => c.notNull())
        .addColumn('school_name', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('bootcamp_teams_cohort_idx').on('bootcamp_teams').column('cohort_id').execute();
      await db.schema
        .createTable('bootcamp_participants')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('team_id', 'text', (c) => c.notNull().references('bootcamp_teams.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('bootcamp_participants_team_idx').on('bootcamp_participants').column('team_id').execute();
      await db.schema
        .createTable('bootcamp_sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('cohort_id', 'text', (c) => c.notNull().references('bootcamp_cohorts.id').onDelete('cascade'))
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('held_on', 'text', (c) => c.notNull())
        .addColumn('topic', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('bootcamp_sessions_cohort_idx').on('bootcamp_sessions').column('cohort_id').execute();
      // A row per participant present at a session; absence is no row.
      await db.schema
        .createTable('bootcamp_attendance')
        .addColumn('session_id', 'text', (c) => c.notNull().references('bootcamp_sessions.id').onDelete('cascade'))
        .addColumn('participant_id', 'text', (c) => c.notNull().references('bootcamp_participants.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('bootcamp_attendance_pk', ['session_id', 'participant_id'])
        .execute();
    },
  },
  '20270207_01_centre_bootcamp_team_once': {
    async up(db: Kysely<any>) {
      // A school registers one team per cohort: the index settles two analysts adding it at once.
      await db.schema.createIndex('bootcamp_teams_cohort_school_idx').on('bootcamp_teams').columns(['cohort_id', 'school_id']).unique().execute();
    },
  },
};
