import type { Kysely } from 'kysely';
import { route } from '../../../src/server/platform/http/route';
import type { ServerModule } from '../../../src/server/platform/module';
import type { ExampleNote } from '../shared/api';
import { exampleEndpoints } from '../shared/endpoints';
import type { ExampleTables } from './example.tables';

/** The smallest module there is: one migration, one service, one route registered from its declaration. */
export const exampleModule: ServerModule<{ exampleNotes: () => Promise<ExampleNote[]> }, void, ExampleTables> = {
  name: 'example',
  migrations: {
    // `<yyyymmdd>_<nn>_<module>_<what>`: all modules' migrations run in name order, and a released name never changes.
    '20270101_01_example_notes': {
      up: (db: Kysely<any>) =>
        db.schema
          .createTable('example_notes')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('text', 'text', (c) => c.notNull())
          .execute(),
    },
  },
  createServices({ db }) {
    const kysely = db.kysely.withTables<ExampleTables>();
    return { exampleNotes: () => kysely.selectFrom('example_notes').select(['id', 'text']).orderBy('id').execute() };
  },
  register(app, { exampleNotes }, { requireAuth }) {
    route(app, exampleEndpoints.listExampleNotes, { preHandler: requireAuth, handler: async () => ({ notes: await exampleNotes() }) });
  },
};
