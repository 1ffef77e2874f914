import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import type { AppTables as Database } from '../../src/server/app';
import type { TestDialect } from './dialects';

/**
 * A Kysely of the given dialect with no database behind it: every statement a repository runs
 * is compiled as on the real database, recorded, and answered with no rows. Transactions are
 * accepted and not recorded. For the SQL snapshots, which need no live database.
 */
export function recordingDatabase(dialect: TestDialect): { kysely: Kysely<Database>; statements: CompiledQuery[] } {
  const statements: CompiledQuery[] = [];
  const connection: DatabaseConnection = {
    async executeQuery(query) {
      statements.push(query);
      return { rows: [] };
    },
    async *streamQuery() {},
  };
  const driver: Driver = {
    init: async () => {},
    acquireConnection: async () => connection,
    beginTransaction: async () => {},
    commitTransaction: async () => {},
    rollbackTransaction: async () => {},
    releaseConnection: async () => {},
    destroy: async () => {},
  };
  const kysely = new Kysely<Database>({
    dialect:
      dialect === 'sqlite'
        ? {
            createAdapter: () => new SqliteAdapter(),
            createDriver: () => driver,
            createIntrospector: (db) => new SqliteIntrospector(db),
            createQueryCompiler: () => new SqliteQueryCompiler(),
          }
        : {
            createAdapter: () => new PostgresAdapter(),
            createDriver: () => driver,
            createIntrospector: (db) => new PostgresIntrospector(db),
            createQueryCompiler: () => new PostgresQueryCompiler(),
          },
  });
  return { kysely, statements };
}

const clauses = /^(from|inner join|left join|cross join|join|where|group by|having|order by|limit|offset|union all|union|returning|set|values|on conflict)\b/;

/**
 * Kysely's one-line SQL, one clause a line, indented by parenthesis depth, so a diff of a
 * snapshot shows the clause that changed. Quoted strings and identifiers are left as they are.
 */
export function layoutSql(text: string): string {
  let out = '';
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quote) {
      out += ch;
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth += 1;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === ' ' && clauses.test(text.slice(i + 1)) && !/\b(inner|left|right|full|cross)$/.test(out)) {
      out += `\n${'  '.repeat(depth)}`;
      continue;
    }
    out += ch;
  }
  return out;
}
