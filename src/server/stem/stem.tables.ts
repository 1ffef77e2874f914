import type { PlatformTables } from '../platform/db/schema';

/** Row types of the stem module's tables. */
interface StemDimensions {
  /** `2018-2019`. */
  school_year: string;
  level: string;
  moment: string;
  programme_type: string;
  province: string;
  stem_category: string;
  /** The study domain 1–10 of a modernised programme, 0 for none. */
  domain: number;
  /** f, m or x. */
  gender: string;
}

/** A line as imported; `school_number` is '' for a line that is no school's. */
export interface StemCountsTable extends StemDimensions {
  school_number: string;
  count: number;
}

/** The sum of the lines of equal dimensions over all schools. */
export interface StemCountSumsTable extends StemDimensions {
  count: number | string;
}

export interface StemYearsTable {
  school_year: string;
  /** `csv`, `education_api` or `demo`. */
  source: string;
  rows: number;
  pupils: number | string;
  imported_at: string;
}

export interface StemDataVersionTable {
  id: number;
  version: number;
}

export type StemTables = {
  stem_counts: StemCountsTable;
  stem_count_sums: StemCountSumsTable;
  stem_years: StemYearsTable;
  stem_data_version: StemDataVersionTable;
};

export type StemDatabase = PlatformTables & StemTables;
