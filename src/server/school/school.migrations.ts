import { type Kysely, type Migration, sql } from 'kysely';
import { isPostgres } from '../platform/db/dialect';
import { ROLES_CHANGED_CHANNEL } from './school.repository';

export const schoolMigrations: Record<string, Migration> = {
  '20261129_02_school_schools': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('schools')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('institution_number', 'text', (c) => c.unique())
        .addColumn('education_level', 'text')
        .addColumn('province', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('memberships')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('memberships_pk', ['user_id', 'school_id', 'role'])
        .execute();
      await db.schema.createIndex('memberships_school_idx').on('memberships').column('school_id').execute();
    },
  },
  '20261206_01_school_boards_invitations': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('boards')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('number', 'text', (c) => c.unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      // SQLite adds no UNIQUE column to an existing table: the join code gets a unique index instead.
      await db.schema
        .alterTable('schools')
        .addColumn('board_id', 'text', (c) => c.references('boards.id').onDelete('set null'))
        .execute();
      await db.schema.alterTable('schools').addColumn('network', 'text').execute();
      await db.schema.alterTable('schools').addColumn('join_code', 'text').execute();
      await db.schema.createIndex('schools_join_code_idx').on('schools').column('join_code').unique().execute();
      await db.schema.createIndex('schools_board_idx').on('schools').column('board_id').execute();
      await db.schema
        .createTable('invitations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text')
        .addColumn('role', 'text', (c) => c.notNull())
        // sha-256 of the link's token, like sessions: the table holds no live links.
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('invited_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('accepted_at', 'text')
        .addColumn('accepted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .execute();
      await db.schema.createIndex('invitations_school_email_idx').on('invitations').columns(['school_id', 'email']).execute();
    },
  },
  '20261219_01_school_require_identity_provider': {
    async up(db: Kysely<any>) {
      // 1: only accounts linked to the identity provider may join the school (invitation or join code).
      await db.schema
        .alterTable('schools')
        .addColumn('require_identity_provider', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  },
  '20270205_02_school_roles_changed_notices': {
    async up(db: Kysely<any>) {
      // PostgreSQL: every change of memberships is announced with its account, and a school added, removed or moved to
      // another board with an empty notice (board admins' roles follow the board), so each server keeps the roles it
      // read in memory between changes, whoever makes them (another server, the command line, an account's deletion).
      if (!isPostgres(db)) return;
      await sql
        .raw(
          'CREATE FUNCTION notify_school_roles_changed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ' +
            `IF TG_TABLE_NAME = 'memberships' THEN PERFORM pg_notify('${ROLES_CHANGED_CHANNEL}', CASE WHEN TG_OP = 'DELETE' THEN OLD.user_id ELSE NEW.user_id END); ` +
            `IF TG_OP = 'UPDATE' THEN PERFORM pg_notify('${ROLES_CHANGED_CHANNEL}', OLD.user_id); END IF; ` +
            `ELSE PERFORM pg_notify('${ROLES_CHANGED_CHANNEL}', ''); END IF; RETURN NULL; END $$`,
        )
        .execute(db);
      await sql.raw('CREATE TRIGGER memberships_roles_notify AFTER INSERT OR UPDATE OR DELETE ON memberships FOR EACH ROW EXECUTE FUNCTION notify_school_roles_changed()').execute(db);
      await sql
        .raw('CREATE TRIGGER schools_roles_notify AFTER INSERT OR DELETE OR UPDATE OF board_id ON schools FOR EACH ROW EXECUTE FUNCTION notify_school_roles_changed()')
        .execute(db);
    },
  },
};
