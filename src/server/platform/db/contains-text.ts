import { type RawBuilder, sql } from 'kysely';

/**
 * Whether any of the columns holds the text, case aside: `lower(column) like '%text%'` on SQLite
 * and PostgreSQL alike, with `%`, `_` and `\` in the text taken literally.
 */
export function containsText(columns: readonly string[], text: string): RawBuilder<boolean> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`(${sql.join(
    columns.map((column) => sql`lower(${sql.ref(column)}) like ${pattern} escape '\\'`),
    sql` or `,
  )})`;
}
