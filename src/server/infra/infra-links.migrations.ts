import { type Kysely, type Migration, sql } from 'kysely';
import { isPostgres } from '../platform/db/dialect';

/** The ICT park's later links: evidence held to its file, a staff loan to the borrower's account. */
export const infraLinksMigrations: Record<string, Migration> = {
  '20270120_01_infra_evidence_file_key': {
    async up(db: Kysely<any>) {
      // An auditor reads a spending line with its invoices: a file named as evidence cannot be removed while the
      // line names it (no action, checked at the end of the statement, so removing a school takes both together).
      if (isPostgres(db)) {
        await sql`ALTER TABLE funding_evidence ADD CONSTRAINT funding_evidence_file_fk FOREIGN KEY (file_id) REFERENCES infra_files (id)`.execute(db);
      } else {
        // SQLite adds a foreign key only by building the table anew.
        await db.schema
          .createTable('funding_evidence_keyed')
          .addColumn('spending_id', 'text', (c) => c.notNull().references('funding_spending.id').onDelete('cascade'))
          .addColumn('file_id', 'text', (c) => c.notNull().references('infra_files.id'))
          .addColumn('attached_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('funding_evidence_pk', ['spending_id', 'file_id'])
          .execute();
        await sql`INSERT INTO funding_evidence_keyed (spending_id, file_id, attached_at) SELECT spending_id, file_id, attached_at FROM funding_evidence`.execute(db);
        await db.schema.dropTable('funding_evidence').execute();
        await db.schema.alterTable('funding_evidence_keyed').renameTo('funding_evidence').execute();
      }
      // Removing a file looks for lines that name it.
      await db.schema.createIndex('funding_evidence_file').on('funding_evidence').column('file_id').execute();
    },
  },
  '20270120_02_infra_loan_borrower_account': {
    async up(db: Kysely<any>) {
      // A staff loan may name the team member's account: their start page finds it by id, whatever name
      // or address they use later, and after they leave the school. An account removed leaves the name.
      await db.schema
        .alterTable('loans')
        .addColumn('borrower_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
        .execute();
      await db.schema.createIndex('loans_borrower_user').on('loans').column('borrower_user_id').execute();
    },
  },
};
