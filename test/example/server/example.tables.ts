/** Row types of the example module's tables; the module adds them with `db.kysely.withTables<ExampleTables>()`. */
export type ExampleTables = {
  example_notes: { id: string; text: string };
};
