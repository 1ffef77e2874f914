import { type Kysely, sql } from 'kysely';
import type { StemCount } from '../../shared/stem/indicators';
import type { StemCountSource } from '../../shared/stem/vocabulary';
import type { AuditEvent, AuditRepository } from '../platform/audit/audit.repository';
import { precompiled } from '../platform/db/precompiled';
import type { PlatformTables } from '../platform/db/schema';
import { nowIso } from '../platform/ids';
import type { StemDatabase, StemTables } from './stem.tables';
import type { StemCountLine } from './stem-counts-csv';

/** Lines per insert statement: 10 values each keeps every statement under SQLite's and PostgreSQL's parameter limits. */
const INSERT_CHUNK = 2_000;

const DIMENSIONS = ['school_year', 'level', 'moment', 'programme_type', 'province', 'stem_category', 'domain', 'gender'] as const;

export interface StemYear {
  year: string;
  source: StemCountSource;
}

/** The stem module's tables: the imported lines, their sums per year, the years and the data version. */
export class StemRepository {
  private readonly versionRow;
  private readonly db: Kysely<StemDatabase>;

  constructor(
    private readonly base: Kysely<PlatformTables>,
    private readonly audit: AuditRepository,
  ) {
    const db = base.withTables<StemTables>();
    this.db = db;
    this.versionRow = precompiled(db, () => db.selectFrom('stem_data_version').select('version').where('id', '=', 1), 0);
  }

  /** The data version: one indexed read, bumped by every import. */
  async version(): Promise<number> {
    const [row] = await this.versionRow();
    return Number(row?.version ?? 0);
  }

  /** The years with counts, oldest first, and every sum: a few thousand rows a year, whatever the schools. */
  async sums(): Promise<{ version: number; years: StemYear[]; counts: StemCount[] }> {
    return this.db.transaction().execute(async (trx) => {
      const [version] = await trx.selectFrom('stem_data_version').select('version').where('id', '=', 1).execute();
      const years = await trx.selectFrom('stem_years').select(['school_year', 'source']).orderBy('school_year').execute();
      const rows = await trx.selectFrom('stem_count_sums').selectAll().execute();
      return {
        version: Number(version?.version ?? 0),
        years: years.map((row) => ({ year: row.school_year, source: row.source as StemCountSource })),
        counts: rows.map((row) => ({
          year: row.school_year,
          level: row.level as StemCount['level'],
          moment: row.moment as StemCount['moment'],
          programmeType: row.programme_type,
          province: row.province,
          category: row.stem_category as StemCount['category'],
          domain: row.domain === 0 ? null : Number(row.domain),
          gender: row.gender as StemCount['gender'],
          count: Number(row.count),
        })),
      };
    });
  }

  /**
   * Replaces every school year of the lines, in one transaction: the years' old lines, sums and
   * source go, the new lines and their sums come, the version is bumped and the import audited.
   */
  async replaceYears(lines: readonly Omit<StemCountLine, 'line'>[], source: StemCountSource, audit: AuditEvent): Promise<void> {
    const years = [...tallyYears(lines).keys()];
    const at = nowIso();
    await this.base.transaction().execute(async (platformTrx) => {
      const trx = platformTrx.withTables<StemTables>();
      for (const table of ['stem_counts', 'stem_count_sums', 'stem_years'] as const) await trx.deleteFrom(table).where('school_year', 'in', years).execute();
      for (let start = 0; start < lines.length; start += INSERT_CHUNK) {
        await trx
          .insertInto('stem_counts')
          .values(
            lines.slice(start, start + INSERT_CHUNK).map((line) => ({
              school_year: line.year,
              level: line.level,
              moment: line.moment,
              programme_type: line.programmeType,
              province: line.province,
              stem_category: line.category,
              domain: line.domain ?? 0,
              gender: line.gender,
              school_number: line.schoolNumber,
              count: line.count,
            })),
          )
          .execute();
      }
      await trx
        .insertInto('stem_count_sums')
        .columns([...DIMENSIONS, 'count'])
        .expression((eb) =>
          eb
            .selectFrom('stem_counts')
            .select([...DIMENSIONS, sql<number>`sum(count)`.as('count')])
            .where('school_year', 'in', years)
            .groupBy([...DIMENSIONS]),
        )
        .execute();
      for (const [year, tally] of tallyYears(lines)) {
        await trx.insertInto('stem_years').values({ school_year: year, source, rows: tally.rows, pupils: tally.pupils, imported_at: at }).execute();
      }
      await trx
        .updateTable('stem_data_version')
        .set((eb) => ({ version: eb('version', '+', 1) }))
        .where('id', '=', 1)
        .execute();
      await this.audit.record(audit, platformTrx);
    });
  }
}

/** Lines and pupils per school year, in the order the years first appear. */
export function tallyYears(lines: readonly Pick<StemCount, 'year' | 'count'>[]): Map<string, { rows: number; pupils: number }> {
  const years = new Map<string, { rows: number; pupils: number }>();
  for (const line of lines) {
    const tally = years.get(line.year) ?? { rows: 0, pupils: 0 };
    tally.rows += 1;
    tally.pupils += line.count;
    years.set(line.year, tally);
  }
  return years;
}
