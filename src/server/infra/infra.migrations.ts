import { type Kysely, type Migration, sql } from 'kysely';
import { isPostgres } from '../platform/db/dialect';
import { PARK_CHANGED_CHANNEL } from './park-versions';

export const infraMigrations: Record<string, Migration> = {
  '20261225_01_infra_devices': {
    async up(db: Kysely<any>) {
      // Models are the school's own: two schools may name the same laptop differently, and an import never changes another school's list.
      await db.schema
        .createTable('device_models')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
        .addColumn('manufacturer', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('expected_life_months', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('device_models_school_name_unique', ['school_id', 'manufacturer', 'name'])
        .execute();
      await db.schema
        .createTable('devices')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
        .addColumn('asset_tag', 'text', (c) => c.notNull())
        .addColumn('serial', 'text')
        .addColumn('model_id', 'text', (c) => c.notNull().references('device_models.id'))
        .addColumn('purchase_date', 'text')
        .addColumn('price_cents', 'integer')
        .addColumn('supplier', 'text')
        .addColumn('order_number', 'text')
        .addColumn('funding_source', 'text')
        .addColumn('acquisition', 'text', (c) => c.notNull())
        .addColumn('lease_ends_on', 'text')
        .addColumn('warranty_months', 'integer')
        .addColumn('campus', 'text')
        .addColumn('room', 'text')
        .addColumn('notes', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('search_text', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('devices_school_tag_unique', ['school_id', 'asset_tag'])
        .execute();
      await db.schema.createIndex('devices_school_state').on('devices').columns(['school_id', 'state']).execute();
      await db.schema.createIndex('devices_model').on('devices').column('model_id').execute();
      await db.schema
        .createTable('device_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id').onDelete('cascade'))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('from_state', 'text')
        .addColumn('to_state', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .execute();
      await db.schema.createIndex('device_events_device').on('device_events').columns(['device_id', 'at']).execute();
      await db.schema
        .createTable('device_sanitisations')
        .addColumn('device_id', 'text', (c) => c.primaryKey().references('devices.id').onDelete('cascade'))
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('performed_by', 'text', (c) => c.notNull())
        .addColumn('performed_on', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '20270110_01_infra_loans': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('loans')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
        .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id').onDelete('cascade'))
        .addColumn('borrower_kind', 'text', (c) => c.notNull())
        .addColumn('identified_by', 'text', (c) => c.notNull())
        .addColumn('borrower', 'text', (c) => c.notNull())
        .addColumn('class_name', 'text')
        .addColumn('lent_on', 'text', (c) => c.notNull())
        .addColumn('due_on', 'text')
        .addColumn('deposit_cents', 'integer')
        .addColumn('contribution_cents', 'integer')
        .addColumn('conditions', 'text')
        .addColumn('lent_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('returned_on', 'text')
        .addColumn('return_condition', 'text')
        .addColumn('return_note', 'text')
        .addColumn('returned_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      // The database itself keeps a device off two open loans, whatever two requests do at once.
      await db.schema.createIndex('loans_open_device').on('loans').column('device_id').unique().where(sql.ref('returned_on'), 'is', null).execute();
      await db.schema.createIndex('loans_school_class').on('loans').columns(['school_id', 'class_name']).execute();
    },
  },
  '20270115_01_infra_pupil_counts': {
    async up(db: Kysely<any>) {
      // One count per school, group and counting day: a new count of the same day replaces the old one.
      await db.schema
        .createTable('pupil_counts')
        .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
        .addColumn('pupil_group', 'text', (c) => c.notNull())
        .addColumn('counting_day', 'text', (c) => c.notNull())
        .addColumn('pupils', 'integer', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('pupil_counts_pk', ['school_id', 'pupil_group', 'counting_day'])
        .execute();
    },
  },
  '20270115_02_infra_funding': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('funding_terms')
        .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
        .addColumn('scheme_id', 'text', (c) => c.notNull())
        .addColumn('rent_scheme', 'integer', (c) => c.notNull())
        .addColumn('deduction_bases', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('funding_terms_pk', ['school_id', 'scheme_id'])
        .execute();
      await db.schema
        .createTable('funding_spending')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
        .addColumn('scheme_id', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('supplier', 'text')
        .addColumn('amount_cents', 'bigint', (c) => c.notNull())
        .addColumn('invoice_reference', 'text', (c) => c.notNull())
        .addColumn('invoice_date', 'text', (c) => c.notNull())
        .addColumn('not_double_financed', 'integer', (c) => c.notNull())
        .addColumn('procurement_procedure', 'text', (c) => c.notNull())
        .addColumn('procurement_reference', 'text')
        .addColumn('recorded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('funding_spending_school').on('funding_spending').columns(['school_id', 'scheme_id', 'invoice_date']).execute();
      // file_id names a row of infra_files, whose migration sorts after this one: 20270120_01 adds the key; the service checks the file is the school's.
      await db.schema
        .createTable('funding_evidence')
        .addColumn('spending_id', 'text', (c) => c.notNull().references('funding_spending.id').onDelete('cascade'))
        .addColumn('file_id', 'text', (c) => c.notNull())
        .addColumn('attached_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('funding_evidence_pk', ['spending_id', 'file_id'])
        .execute();
    },
  },
  '20270116_01_infra_files': {
    async up(db: Kysely<any>) {
      // The bytes live in the database with the rest of the school's records: one backup, one deletion when a school leaves.
      await db.schema
        .createTable('infra_files')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('size_bytes', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('content', isPostgres(db) ? 'bytea' : 'blob', (c) => c.notNull())
        .addColumn('uploaded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('uploaded_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('infra_files_school').on('infra_files').column('school_id').execute();
    },
  },
  '20270116_02_infra_decommission': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('decommission_batches')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
        .addColumn('partner_id', 'text', (c) => c.notNull())
        .addColumn('handed_over_on', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('certificate_file_id', 'text', (c) => c.references('infra_files.id'))
        .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('decommission_batches_school').on('decommission_batches').columns(['school_id', 'created_at']).execute();
      await db.schema
        .createTable('decommission_batch_devices')
        .addColumn('batch_id', 'text', (c) => c.notNull().references('decommission_batches.id').onDelete('cascade'))
        .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id').onDelete('cascade'))
        .addColumn('from_state', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('decommission_batch_devices_pk', ['batch_id', 'device_id'])
        .execute();
      // The wipe record gains what a certificate says: how it was verified, its reference and file, and the batch it came with.
      for (const column of ['verification', 'certificate_ref']) await db.schema.alterTable('device_sanitisations').addColumn(column, 'text').execute();
      await db.schema
        .alterTable('device_sanitisations')
        .addColumn('certificate_file_id', 'text', (c) => c.references('infra_files.id'))
        .execute();
      await db.schema
        .alterTable('device_sanitisations')
        .addColumn('batch_id', 'text', (c) => c.references('decommission_batches.id').onDelete('set null'))
        .execute();
    },
  },
  '20270117_70_infra_park_versions': {
    async up(db: Kysely<any>) {
      // Devices, loans and pupil counts change through several services (the inventory, loans, imports,
      // batches, funding) and cascades; triggers bump the school's version and its board's on every change, whoever
      // makes it, so the indicators learn with one indexed read whether to count a park anew.
      await db.schema
        .createTable('infra_park_versions')
        .addColumn('scope_id', 'text', (c) => c.primaryKey())
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
      const bump = (row: 'NEW' | 'OLD') =>
        `INSERT INTO infra_park_versions (scope_id, version) VALUES (${row}.school_id, 1) ` +
        'ON CONFLICT (scope_id) DO UPDATE SET version = infra_park_versions.version + 1; ' +
        `INSERT INTO infra_park_versions (scope_id, version) SELECT board_id, 1 FROM schools WHERE id = ${row}.school_id AND board_id IS NOT NULL ` +
        'ON CONFLICT (scope_id) DO UPDATE SET version = infra_park_versions.version + 1';
      const tables = ['devices', 'loans', 'pupil_counts'];
      if (isPostgres(db)) {
        await sql
          .raw(
            'CREATE FUNCTION bump_infra_park_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ' +
              `IF TG_OP <> 'DELETE' THEN ${bump('NEW')}; END IF; IF TG_OP <> 'INSERT' THEN ${bump('OLD')}; END IF; RETURN NULL; END $$`,
          )
          .execute(db);
        for (const table of tables) {
          await sql.raw(`CREATE TRIGGER ${table}_park_version AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION bump_infra_park_version()`).execute(db);
        }
        return;
      }
      for (const table of tables) {
        await sql.raw(`CREATE TRIGGER ${table}_park_version_insert AFTER INSERT ON ${table} BEGIN ${bump('NEW')}; END`).execute(db);
        await sql.raw(`CREATE TRIGGER ${table}_park_version_delete AFTER DELETE ON ${table} BEGIN ${bump('OLD')}; END`).execute(db);
        await sql.raw(`CREATE TRIGGER ${table}_park_version_update AFTER UPDATE ON ${table} BEGIN ${bump('NEW')}; ${bump('OLD')}; END`).execute(db);
      }
    },
  },
  '20270118_01_infra_device_pages': {
    async up(db: Kysely<any>) {
      // A kept answer, not a record: one row per school and board that opened its device list, rewritten when its park changed.
      await db.schema
        .createTable('infra_device_pages')
        .addColumn('scope_id', 'text', (c) => c.primaryKey())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('schools', 'text', (c) => c.notNull())
        .addColumn('body', isPostgres(db) ? 'bytea' : 'blob', (c) => c.notNull())
        .execute();
      // Sent as read on every opening: kept out of line but not compressed, so a read does not inflate it first.
      if (isPostgres(db)) await sql.raw('ALTER TABLE infra_device_pages ALTER COLUMN body SET STORAGE EXTERNAL').execute(db);
    },
  },
  '20270205_01_infra_park_changed_notices': {
    async up(db: Kysely<any>) {
      // PostgreSQL: every bump of a park's version is announced with its school or board, so each server keeps the
      // versions in memory between changes (ParkVersions). A transaction's repeated notices of one park arrive as one.
      if (!isPostgres(db)) return;
      await sql
        .raw(
          'CREATE FUNCTION notify_infra_park_changed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ' +
            `PERFORM pg_notify('${PARK_CHANGED_CHANNEL}', NEW.scope_id); RETURN NULL; END $$`,
        )
        .execute(db);
      await sql.raw('CREATE TRIGGER infra_park_versions_notify AFTER INSERT OR UPDATE ON infra_park_versions FOR EACH ROW EXECUTE FUNCTION notify_infra_park_changed()').execute(db);
    },
  },
  '20270209_01_infra_device_pages_of_summaries': {
    async up(db: Kysely<any>) {
      // A list's items became summaries: the pages stored with full records are read anew at their next opening.
      await db.deleteFrom('infra_device_pages').execute();
    },
  },
};
