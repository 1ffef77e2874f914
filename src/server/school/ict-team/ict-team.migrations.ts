import type { Kysely, Migration } from 'kysely';

export const ictTeamMigrations: Record<string, Migration> = {
  '20270202_10_school_ict_team': {
    async up(db: Kysely<any>) {
      // A member is a name, not an account: a shared coordinator of the school group may have
      // no account at this school. Who changed the team is in the audit log.
      await db.schema
        .createTable('ict_team_members')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('job', 'text', (c) => c.notNull())
        .addColumn('hours_tenths', 'integer', (c) => c.notNull())
        .addColumn('shared_with_group', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('ict_team_members_school_idx').on('ict_team_members').column('school_id').execute();
      await db.schema
        .createTable('ict_team_tasks')
        .addColumn('member_id', 'text', (c) => c.notNull().references('ict_team_members.id').onDelete('cascade'))
        .addColumn('task_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('ict_team_tasks_pk', ['member_id', 'task_id'])
        .execute();
    },
  },
};
