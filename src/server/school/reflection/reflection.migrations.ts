import { type CreateTableBuilder, type Kysely, type Migration, sql } from 'kysely';
import { isPostgres } from '../../platform/db/dialect';

/**
 * Responses and participations must not pair up by the order they were written in. In SQLite a
 * table without rowid is stored in primary-key order, and both keys are random (a UUID; a user
 * id), so the file keeps no order of arrival. PostgreSQL keeps rows in a heap whose physical
 * order only someone with raw access to the database files or system columns can read.
 */
const inKeyOrder = (db: Kysely<any>) => (table: CreateTableBuilder<any, any>) => (isPostgres(db) ? table : table.modifyEnd(sql`without rowid`));

export const reflectionMigrations: Record<string, Migration> = {
  '20261216_04_school_reflections': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('reflection_rounds')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
        .addColumn('instrument_id', 'text', (c) => c.notNull())
        .addColumn('instrument_version', 'text', (c) => c.notNull())
        // The groups taking part, comma-separated, in report order.
        .addColumn('groups', 'text', (c) => c.notNull())
        .addColumn('opens_on', 'text', (c) => c.notNull())
        .addColumn('closes_on', 'text', (c) => c.notNull())
        .addColumn('closed_at', 'text')
        .addColumn('min_group_size', 'integer', (c) => c.notNull())
        .addColumn('max_responses_per_code', 'integer', (c) => c.notNull())
        .addColumn('opened_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('reflection_rounds_school_idx').on('reflection_rounds').columns(['school_id', 'opens_on']).execute();

      // Pupils answer through a class code; `used` counts the responses it started, bounded by max_responses.
      await db.schema
        .createTable('reflection_class_codes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('round_id', 'text', (c) => c.notNull().references('reflection_rounds.id').onDelete('cascade'))
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('max_responses', 'integer', (c) => c.notNull())
        .addColumn('used', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('reflection_class_codes_round_idx').on('reflection_class_codes').column('round_id').execute();

      // A response knows its round and group, never its respondent: no user, no class code, no time.
      // Only the sha-256 of the respondent's token is kept. in_report: part of what the report shows.
      await db.schema
        .createTable('reflection_responses')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('round_id', 'text', (c) => c.notNull().references('reflection_rounds.id').onDelete('cascade'))
        .addColumn('respondent_group', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('submitted', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('in_report', 'integer', (c) => c.notNull().defaultTo(0))
        .$call(inKeyOrder(db))
        .execute();
      await db.schema.createIndex('reflection_responses_round_idx').on('reflection_responses').columns(['round_id', 'respondent_group', 'submitted']).execute();

      await db.schema
        .createTable('reflection_answers')
        .addColumn('response_id', 'text', (c) => c.notNull().references('reflection_responses.id').onDelete('cascade'))
        .addColumn('item_id', 'text', (c) => c.notNull())
        .addColumn('option_index', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('reflection_answers_pk', ['response_id', 'item_id'])
        .execute();

      // Who of the school's accounts started or finished, for the counts and against answering twice.
      // It holds no link to the response.
      await db.schema
        .createTable('reflection_participations')
        .addColumn('round_id', 'text', (c) => c.notNull().references('reflection_rounds.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('respondent_group', 'text', (c) => c.notNull())
        .addColumn('completed', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('reflection_participations_pk', ['round_id', 'user_id'])
        .$call(inKeyOrder(db))
        .execute();
    },
  },
  '20261223_01_reflection_publications': {
    async up(db: Kysely<any>) {
      // What a round's report shows, as drawn once: the noisy counts of one publication (JSON),
      // served on every read until enough new answers make the next one. No answer, no respondent.
      await db.schema
        .createTable('reflection_publications')
        .addColumn('round_id', 'text', (c) => c.notNull().references('reflection_rounds.id').onDelete('cascade'))
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('published_at', 'text', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('reflection_publications_pk', ['round_id', 'number'])
        .execute();
    },
  },
};
