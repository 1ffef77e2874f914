import { writeFileSync } from 'node:fs';
import { Presets, SingleBar } from 'cli-progress';
import type { createServices } from '../src/server/app';
import { readStemCounts } from '../src/server/stem/stem-counts-csv';
import type { Random } from './fixtures';
import { STEM_YEARS, type StemCountRow, stemCountGenerator, stemSchoolsFor } from './stem-counts';

/**
 * The STEM monitor's data at Flanders' scale (issue 13 §6): the counts of stem-counts.ts imported
 * year by year through the stem module's own import (its lines, sums and data version written as an
 * import writes them), the last year as the knowledge centre uploads it: a CSV read and checked
 * line by line, then written, timed. The CSV stays beside the database, so the run uploads it
 * once more through the API as the run's knowledge centre analyst (centre-analyst.ts). Also what the scenario and
 * its contract check need to know.
 */

export interface StemManifest {
  rows: number;
  schools: number;
  years: string[];
  /** The year-3 inflow counts of one province in one year before the reform, per category, as the rows add up: the contract check recomputes a figure from them. */
  check: { year: string; province: string; counts: Record<string, number> };
  seconds: number;
  /** The last school year imported as a CSV, through the whole import: its rows and how long reading, checking and writing it took. */
  csvImport: { year: string; rows: number; readSeconds: number; writeSeconds: number; file: string };
}

const CHECK_YEAR = '2018-2019';
const CHECK_PROVINCE = 'limburg';

/** The import's columns, in its order. */
const COLUMNS = ['school_year', 'level', 'moment', 'programme_type', 'province', 'stem_category', 'gender', 'count', 'domain', 'school_number'] as const;

/** A school year's rows as the counts CSV the knowledge centre imports. */
export function stemCsv(rows: readonly StemCountRow[]): string {
  return `${COLUMNS.join(',')}\n${rows.map((row) => COLUMNS.map((column) => row[column] ?? '').join(',')).join('\n')}\n`;
}

type StemService = ReturnType<typeof createServices>['stem'];

/** The counts, year by year; the last year's CSV is written to `csvFile`, which the run uploads again. */
export async function addStemData(stem: StemService, random: Random, rows: number, csvFile: string): Promise<StemManifest> {
  const started = Date.now();
  const schools = stemSchoolsFor(rows);
  const generator = stemCountGenerator(schools, random);
  const check: StemManifest['check'] = { year: CHECK_YEAR, province: CHECK_PROVINCE, counts: {} };
  let written = 0;
  let csvImport: StemManifest['csvImport'] | undefined;
  const bar = new SingleBar({ format: 'generating {bar} {value}/{total} STEM counts | {eta}s left', etaBuffer: 1_000_000 }, Presets.shades_classic);
  bar.start(rows, 0);
  for (const schoolYear of STEM_YEARS) {
    const year: StemCountRow[] = [];
    generator(schoolYear, (row) => {
      year.push(row);
      if (row.school_year === check.year && row.province === check.province && row.level === 'secondary' && row.moment === 'year3_inflow') {
        check.counts[row.stem_category] = (check.counts[row.stem_category] ?? 0) + row.count;
      }
    });
    if (schoolYear === STEM_YEARS.at(-1)) csvImport = await importCsv(stem, schoolYear, year, csvFile);
    else await stem.importLines(year.map(toLine), 'csv', { dryRun: false, actorId: null });
    written += year.length;
    bar.update(written);
  }
  bar.setTotal(written);
  bar.stop();
  return { rows: written, schools, years: [...STEM_YEARS], check, seconds: (Date.now() - started) / 1000, csvImport: csvImport! };
}

/** How long the last year's CSV import took, for the generator's log. */
export const stemImportLine = ({ csvImport: { year, rows, readSeconds, writeSeconds } }: StemManifest) =>
  `${year} imported as a CSV of ${rows} lines: read and checked in ${readSeconds.toFixed(1)} s, written in ${writeSeconds.toFixed(1)} s`;

/** The import's line of a generated row. */
const toLine = (row: StemCountRow) => ({
  year: row.school_year,
  level: row.level,
  moment: row.moment,
  programmeType: row.programme_type,
  province: row.province,
  category: row.stem_category,
  domain: row.domain,
  gender: row.gender,
  count: row.count,
  schoolNumber: row.school_number,
});

/** A year as the upload brings it: the CSV read and checked as importCounts does, then written; each step timed. */
async function importCsv(stem: StemService, schoolYear: string, rows: readonly StemCountRow[], file: string): Promise<StemManifest['csvImport']> {
  const csv = stemCsv(rows);
  writeFileSync(file, csv);
  const readStarted = Date.now();
  const read = await readStemCounts(csv);
  if (read.problems.count > 0) throw new Error(`the generated CSV of ${schoolYear} has ${read.problems.count} bad lines, first ${JSON.stringify(read.problems.byLine()[0])}`);
  const writeStarted = Date.now();
  await stem.importLines(read.lines, 'csv', { dryRun: false, actorId: null });
  return { year: schoolYear, rows: read.lines.length, readSeconds: (writeStarted - readStarted) / 1000, writeSeconds: (Date.now() - writeStarted) / 1000, file };
}
