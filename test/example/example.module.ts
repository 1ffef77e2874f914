import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { ServerModule } from '../../src/server/platform/module';

/**
 * The smallest module there is, registered only in a test (test/example-module.test.ts): one
 * migration, one table type, one service, one route. A new module under src/server/ has the same
 * shape, and one line in `modules` (src/server/app.ts). Its web page goes beside it.
 */
type ExampleTables = { example_notes: { id: string; text: string } };

export const exampleModule: ServerModule<{ exampleNotes: () => Promise<Array<{ id: string; text: string }>> }> = {
  name: 'example',
  migrations: {
    '20270101_01_example_notes': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('example_notes')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('text', 'text', (c) => c.notNull())
          .execute();
        await db.insertInto('example_notes').values({ id: 'n1', text: 'Hello from a module the platform never heard of' }).execute();
      },
    },
  },
  createServices: ({ db }) => {
    const kysely = db.kysely.withTables<ExampleTables>();
    return { exampleNotes: () => kysely.selectFrom('example_notes').select(['id', 'text']).orderBy('id').execute() };
  },
  register(app, { exampleNotes }, { requireAuth }) {
    const response = z.object({ notes: z.array(z.object({ id: z.string(), text: z.string() })) });
    app.get('/api/example/notes', { preHandler: requireAuth, schema: { operationId: 'listExampleNotes', tags: ['example'], response: { 200: response } } }, async () => ({
      notes: await exampleNotes(),
    }));
  },
};
