import { type Kysely, type Migration, sql } from 'kysely';
import { isPostgres } from '../platform/db/dialect';

export const catalogueMigrations: Record<string, Migration> = {
  '20261129_04_catalogue_trainings': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('providers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('contact_email', 'text', (c) => c.notNull())
        .addColumn('website', 'text')
        .addColumn('verified', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('verified_at', 'text')
        .addColumn('verified_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('provider_members')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('provider_id', 'text', (c) => c.notNull().references('providers.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('provider_members_pk', ['user_id', 'provider_id'])
        .execute();
      await db.schema.createIndex('provider_members_provider_idx').on('provider_members').column('provider_id').execute();

      await db.schema
        .createTable('trainings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('provider_id', 'text', (c) => c.notNull().references('providers.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('education_levels', 'text', (c) => c.notNull())
        .addColumn('audiences', 'text', (c) => c.notNull())
        .addColumn('duration_hours', 'double precision', (c) => c.notNull())
        .addColumn('price_cents', 'integer', (c) => c.notNull())
        .addColumn('payable_from_ict_budget', 'integer', (c) => c.notNull())
        .addColumn('address', 'text')
        .addColumn('postal_code', 'text')
        .addColumn('city', 'text')
        .addColumn('province', 'text')
        .addColumn('accreditation', 'text')
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('search_text', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('trainings_provider_idx').on('trainings').columns(['provider_id', 'updated_at']).execute();
      // Search reads only these columns of the (wide) training rows; two covering indexes let it
      // skip the rows: one to browse published trainings, one to look up the ids a word matched.
      const searchColumns = ['kind', 'province', 'language', 'price_cents', 'education_levels', 'audiences', 'title'];
      await db.schema
        .createIndex('trainings_browse_idx')
        .on('trainings')
        .columns(['status', ...searchColumns, 'id'])
        .execute();
      await db.schema
        .createIndex('trainings_lookup_idx')
        .on('trainings')
        .columns(['id', 'status', ...searchColumns])
        .execute();

      await db.schema
        .createTable('training_level_steps')
        .addColumn('training_id', 'text', (c) => c.notNull().references('trainings.id').onDelete('cascade'))
        .addColumn('competence', 'text', (c) => c.notNull())
        .addColumn('from_level', 'text', (c) => c.notNull())
        .addColumn('to_level', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('training_level_steps_pk', ['training_id', 'competence'])
        .execute();
      await db.schema.createIndex('training_level_steps_competence_idx').on('training_level_steps').columns(['competence', 'from_level', 'training_id']).execute();

      await db.schema
        .createTable('training_sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('training_id', 'text', (c) => c.notNull().references('trainings.id').onDelete('cascade'))
        .addColumn('starts_at', 'text', (c) => c.notNull())
        .addColumn('ends_at', 'text', (c) => c.notNull())
        .addColumn('place', 'text')
        .addColumn('online', 'integer', (c) => c.notNull())
        .addColumn('capacity', 'integer', (c) => c.notNull())
        .addColumn('enrolled_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('waitlist_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('enrolment_deadline', 'text', (c) => c.notNull())
        .addColumn('cancellation_deadline', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('training_sessions_training_idx').on('training_sessions').columns(['training_id', 'starts_at']).execute();
      await db.schema.createIndex('training_sessions_starts_idx').on('training_sessions').columns(['starts_at', 'training_id']).execute();

      await db.schema
        .createTable('enrolments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('session_id', 'text', (c) => c.notNull().references('training_sessions.id').onDelete('cascade'))
        .addColumn('training_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('position', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // One live enrolment per person and session; cancelled ones stay as history.
      await db.schema.createIndex('enrolments_live_uq').on('enrolments').columns(['session_id', 'user_id']).unique().where(sql.ref('status'), '<>', 'cancelled').execute();
      await db.schema.createIndex('enrolments_user_idx').on('enrolments').columns(['user_id', 'status', 'training_id']).execute();
      await db.schema.createIndex('enrolments_session_idx').on('enrolments').columns(['session_id', 'status', 'position']).execute();

      await db.schema
        .createTable('bookmarks')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('training_id', 'text', (c) => c.notNull().references('trainings.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('bookmarks_pk', ['user_id', 'training_id'])
        .execute();
      await db.schema
        .createTable('training_completions')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('training_id', 'text', (c) => c.notNull().references('trainings.id').onDelete('cascade'))
        .addColumn('completed_on', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('training_completions_pk', ['user_id', 'training_id'])
        .execute();

      if (isPostgres(db)) {
        // The tsvector of the app-normalised text, stored: an expression index alone would make
        // PostgreSQL recompute it for every match (prefix matches are rechecked) and for ts_rank.
        await sql`alter table trainings add column search_vector tsvector generated always as (to_tsvector('simple', search_text)) stored`.execute(db);
        await sql`create index trainings_search_gin on trainings using gin (search_vector)`.execute(db);
      } else {
        await db.schema
          .createTable('trainings_fts_keys')
          .addColumn('id', 'integer', (c) => c.primaryKey())
          .addColumn('training_id', 'text', (c) => c.notNull().unique().references('trainings.id').onDelete('cascade'))
          .execute();
        await sql`create virtual table trainings_fts using fts5(
          title, summary, description,
          content = '', contentless_delete = 1,
          tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
        )`.execute(db);
      }
    },
  },
  '20261228_01_catalogue_search_rows': {
    async up(db: Kysely<any>) {
      if (isPostgres(db)) return;
      // SQLite: what search filters, counts and sorts on, in narrow rows keyed by the FTS5 rowid,
      // so a word's matches reach their filter columns by one integer seek each instead of a
      // seek in trainings_fts_keys and another in the wide trainings rows by text id.
      await db.schema
        .createTable('trainings_search')
        .addColumn('key', 'integer', (c) => c.primaryKey())
        .addColumn('id', 'text', (c) => c.notNull().unique().references('trainings.id').onDelete('cascade'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('province', 'text')
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('price_cents', 'integer', (c) => c.notNull())
        .addColumn('education_levels', 'text', (c) => c.notNull())
        .addColumn('audiences', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        // Its level steps as a JSON object {competence: from level}, for the competence facet.
        .addColumn('steps', 'text', (c) => c.notNull())
        .execute();
      await sql`insert into trainings_search (key, id, status, kind, province, language, price_cents, education_levels, audiences, title, steps)
        select k.id, t.id, t.status, t.kind, t.province, t.language, t.price_cents, t.education_levels, t.audiences, t.title,
          (select json_group_object(s.competence, s.from_level) from training_level_steps s where s.training_id = t.id)
        from trainings t join trainings_fts_keys k on k.training_id = t.id`.execute(db);
    },
  },
  '20270105_01_catalogue_version': {
    async up(db: Kysely<any>) {
      // One row, bumped in the transaction of every write of what a search or recommendation
      // shows (trainings, their steps and sessions, providers' verification): a process keeping
      // the catalogue in memory reads it to learn that another process wrote.
      await db.schema
        .createTable('catalogue_version')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
      await db.insertInto('catalogue_version').values({ id: 1, version: 0 }).execute();
    },
  },
  '20270105_02_catalogue_search_sql_dropped': {
    async up(db: Kysely<any>) {
      // Search runs on the index kept in memory (SearchIndex): the database's full-text search,
      // and what every training write spent keeping it, go.
      if (isPostgres(db)) {
        await sql`alter table trainings drop column search_vector`.execute(db);
      } else {
        await db.schema.dropTable('trainings_search').execute();
        await db.schema.dropTable('trainings_fts').execute();
        await db.schema.dropTable('trainings_fts_keys').execute();
      }
      await db.schema.alterTable('trainings').dropColumn('search_text').execute();
    },
  },
};
