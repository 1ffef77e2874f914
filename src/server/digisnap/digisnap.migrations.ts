import { type Kysely, type Migration, sql } from 'kysely';
import { flandersPictureMigrations } from './flanders-picture.migrations';

export const digisnapMigrations: Record<string, Migration> = {
  '20261129_03_digisnap_scans': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('scans')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('framework_id', 'text', (c) => c.notNull())
        .addColumn('framework_version', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('background', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('submitted_at', 'text')
        .addColumn('total', 'integer')
        .addColumn('level', 'text')
        .addColumn('band', 'text')
        .addColumn('result', 'text')
        .execute();
      await db.schema.createIndex('scans_user_idx').on('scans').columns(['user_id', 'status', 'submitted_at']).execute();
      await db.schema
        .createTable('scan_answers')
        .addColumn('scan_id', 'text', (c) => c.notNull().references('scans.id').onDelete('cascade'))
        .addColumn('competence_code', 'text', (c) => c.notNull())
        .addColumn('option_index', 'integer', (c) => c.notNull())
        .addColumn('answered_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('scan_answers_pk', ['scan_id', 'competence_code'])
        .execute();
    },
  },
  '20261129_05_digisnap_profiles': {
    async up(db: Kysely<any>) {
      // Filled at submit; a teacher whose profile is missing gets it rebuilt on first read.
      await db.schema
        .createTable('profiles')
        .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
        .addColumn('scan_id', 'text', (c) => c.notNull().references('scans.id').onDelete('cascade'))
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '20261215_01_digisnap_team_aggregates': {
    async up(db: Kysely<any>) {
      // Filled when a team (a campaign) is first read and kept up to date at every submit, so a
      // team report is a read; see team-aggregate.service.ts.
      await db.schema
        .createTable('team_aggregates')
        .addColumn('team_id', 'text', (c) => c.primaryKey())
        .addColumn('framework_id', 'text', (c) => c.notNull())
        .addColumn('framework_version', 'text', (c) => c.notNull())
        .addColumn('window_from', 'text', (c) => c.notNull())
        .addColumn('window_to', 'text', (c) => c.notNull())
        .addColumn('members_version', 'text', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('respondents', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('counts', 'text', (c) => c.notNull())
        .addColumn('changed', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('publication', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('published_respondents', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('published_counts', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // No foreign key to users or scans: a published respondent stays counted as one who went.
      await db.schema
        .createTable('team_members')
        .addColumn('team_id', 'text', (c) => c.notNull().references('team_aggregates.team_id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('is_member', 'integer', (c) => c.notNull())
        .addColumn('scan_id', 'text')
        .addColumn('submitted_at', 'text')
        .addColumn('published_scan_id', 'text')
        .addColumn('published_submitted_at', 'text')
        .addPrimaryKeyConstraint('team_members_pk', ['team_id', 'user_id'])
        .execute();
      await db.schema.createIndex('team_members_user_idx').on('team_members').column('user_id').execute();
      await db.schema
        .createTable('comparison_parts')
        .addColumn('framework_id', 'text', (c) => c.notNull())
        .addColumn('framework_version', 'text', (c) => c.notNull())
        .addColumn('member', 'text', (c) => c.notNull())
        .addColumn('team_id', 'text', (c) => c.notNull())
        .addColumn('groups', 'text', (c) => c.notNull())
        .addColumn('counts', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('comparison_parts_pk', ['framework_id', 'framework_version', 'member'])
        .execute();
      await db.schema
        .createTable('comparison_totals')
        .addColumn('framework_id', 'text', (c) => c.notNull())
        .addColumn('framework_version', 'text', (c) => c.notNull())
        .addColumn('group_key', 'text', (c) => c.notNull())
        .addColumn('members', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('counts', 'text', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('comparison_totals_pk', ['framework_id', 'framework_version', 'group_key'])
        .execute();
    },
  },
  '20261217_01_digisnap_one_scan_in_progress': {
    async up(db: Kysely<any>) {
      // Concurrent starts could leave several scans in progress for one teacher (PostgreSQL).
      // Of those, the one with the most answers is kept (the most recently touched on a tie), so
      // no teacher loses work they can see; the others, which no report counts, go.
      const surplus = sql`
        select id from (
          select scans.id, row_number() over (
            partition by scans.user_id
            order by (select count(*) from scan_answers where scan_answers.scan_id = scans.id) desc, scans.updated_at desc, scans.id desc
          ) as rank
          from scans where scans.status = 'in_progress'
        ) as ranked where ranked.rank > 1`;
      await sql`delete from scan_answers where scan_id in (${surplus})`.execute(db);
      await sql`delete from scans where id in (${surplus})`.execute(db);
      await db.schema.createIndex('scans_one_in_progress_idx').on('scans').column('user_id').unique().where(sql.ref('status'), '=', 'in_progress').execute();
    },
  },
  '20261222_01_digisnap_published_noise': {
    async up(db: Kysely<any>) {
      // A publication's noisy counts, drawn once and served on every read. States published before
      // get theirs drawn at their next read. Comparison parts and totals held raw counts: they go,
      // and fill again with noisy counts as schools publish.
      await db.schema.alterTable('team_aggregates').addColumn('published_noisy', 'text').execute();
      // Since when a member counts: only scans submitted from then on. Unknown for rows made before: the next recount sets it.
      await db.schema.alterTable('team_members').addColumn('member_since', 'text').execute();
      await db.deleteFrom('comparison_parts').execute();
      await db.deleteFrom('comparison_totals').execute();
    },
  },
  '20270112_02_digisnap_profile_rankings': {
    async up(db: Kysely<any>) {
      // Beside the profile rather than a column of it: a column after the 4 kB body is read past
      // the body's overflow pages on SQLite. Filled on first read, so existing profiles need nothing.
      await db.schema
        .createTable('profile_rankings')
        .addColumn('user_id', 'text', (c) => c.primaryKey().references('profiles.user_id').onDelete('cascade'))
        .addColumn('scan_id', 'text', (c) => c.notNull())
        .addColumn('ranking', 'text', (c) => c.notNull())
        .execute();
    },
  },
  ...flandersPictureMigrations,
};
