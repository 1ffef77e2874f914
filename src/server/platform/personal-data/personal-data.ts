import { strToU8, zipSync } from 'fflate';
import { toCsv } from '../../../shared/csv';

/** A value of the data download: nested values (a stored profile, an audit event's details) stay nested in the JSON, and are JSON text in a CSV cell. */
export type PersonalDataValue = string | number | boolean | null | { readonly [key: string]: unknown } | readonly unknown[];
export type PersonalDataRow = Readonly<Record<string, PersonalDataValue>>;

/**
 * One kind of thing the platform keeps about a person, as its module hands it to "download all
 * your data": a JSON key and a CSV file of the ZIP. Modules contribute sections through their
 * seam (`ServerModule.personalData`), so the download grows with the modules and no one
 * function reads every table.
 */
export interface PersonalDataSection {
  /** The JSON key and the CSV file's name (`enrolments` → `enrolments.csv`): lower case, words joined by `_`. */
  readonly name: string;
  /** The CSV's columns, in order; every row has these keys. */
  readonly columns: readonly string[];
  /** One record (the account) instead of a list: a JSON object rather than an array. */
  readonly single?: true;
  /**
   * The columns holding a user id (`table.column`) whose rows this section gives the person: the
   * coverage test holds every such column of the database to a section or an exclusion.
   */
  readonly covers: readonly string[];
  read(userId: string): Promise<readonly PersonalDataRow[]>;
}

/** A column holding a user id that the download leaves out on purpose, and why. */
export interface PersonalDataExclusion {
  /** `table.column` */
  readonly column: string;
  readonly reason: string;
}

/** What one module (or the platform itself) adds to the data download. */
export interface PersonalDataPart {
  readonly sections: readonly PersonalDataSection[];
  readonly excluded: readonly PersonalDataExclusion[];
}

/** The data download: every module's sections, read for one person and written as JSON or a ZIP of CSVs. */
export class PersonalDataExport {
  readonly sections: readonly PersonalDataSection[];
  readonly excluded: readonly PersonalDataExclusion[];

  constructor(parts: readonly PersonalDataPart[]) {
    this.sections = parts.flatMap((part) => part.sections);
    this.excluded = parts.flatMap((part) => part.excluded);
    const names = this.sections.map((section) => section.name);
    const twice = names.filter((name, i) => names.indexOf(name) !== i);
    if (twice.length > 0) throw new Error(`Personal data sections named twice: ${twice.join(', ')}`);
  }

  /** Each section's rows for this person, in the order of the sections. */
  async read(userId: string): Promise<Array<{ section: PersonalDataSection; rows: readonly PersonalDataRow[] }>> {
    const read = [];
    // One after another: SQLite serves the process through one connection anyway.
    for (const section of this.sections) read.push({ section, rows: await section.read(userId) });
    return read;
  }

  async json(userId: string, exportedAt: string): Promise<string> {
    const document: Record<string, unknown> = { exportedAt };
    for (const { section, rows } of await this.read(userId)) document[section.name] = section.single ? (rows[0] ?? null) : rows;
    return JSON.stringify(document, null, 2);
  }

  /** A ZIP with one CSV per section (semicolons, BOM, as every download of the platform). */
  async zip(userId: string): Promise<Uint8Array> {
    const files: Record<string, Uint8Array> = {};
    for (const { section, rows } of await this.read(userId)) {
      files[`${section.name}.csv`] = strToU8(
        toCsv(
          section.columns,
          rows.map((row) => section.columns.map((column) => csvValue(row[column]))),
        ),
      );
    }
    return zipSync(files);
  }
}

function csvValue(value: PersonalDataValue | undefined): string | number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return JSON.stringify(value);
}

/**
 * Columns that say which account did something in a school's or the platform's shared work
 * (opened a round, recorded a device, verified a provider): left out of the download, as the
 * record belongs to the school, and the person's own actions are in its `activity` section
 * (the audit log) already.
 */
export function authorColumns(...columns: string[]): PersonalDataExclusion[] {
  return columns.map((column) => ({ column, reason: "who did this in the school's or the platform's shared work: their record; the person's own actions are in `activity`" }));
}
