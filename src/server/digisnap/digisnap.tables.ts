import type { PlatformTables } from '../platform/db/schema';

/** Row types of the digisnap module's tables. Timestamps are ISO-8601 UTC text; booleans 0/1. */
export interface ScansTable {
  id: string;
  user_id: string;
  framework_id: string;
  framework_version: string;
  status: 'in_progress' | 'submitted';
  /** JSON of the optional background answers. */
  background: string;
  started_at: string;
  updated_at: string;
  submitted_at: string | null;
  total: number | null;
  level: string | null;
  band: string | null;
  /** JSON of the ScanResult, written once at submit. */
  result: string | null;
}

export interface ScanAnswersTable {
  scan_id: string;
  competence_code: string;
  option_index: number;
  answered_at: string;
}

/** Each teacher's profile, as the JSON getMyProfile sends; rewritten at every submit. */
export interface ProfilesTable {
  user_id: string;
  scan_id: string;
  body: string;
  updated_at: string;
}

/**
 * What recommendations read of a stored profile (profileRankingText, a few hundred bytes),
 * written on first read after the profile's latest scan changed: `scan_id` says which.
 */
export interface ProfileRankingsTable {
  user_id: string;
  scan_id: string;
  ranking: string;
}

/**
 * A team's Digisnap aggregate (digisnap module), kept up to date at every submit: the raw counts
 * of each member's latest scan in the window, live and as last published. Never leaves the module raw.
 */
export interface TeamAggregatesTable {
  /** The caller's id for the team, e.g. the campaign's. */
  team_id: string;
  framework_id: string;
  framework_version: string;
  window_from: string;
  window_to: string;
  /** The caller's version of the member list these rows were made for. */
  members_version: string;
  /** Bumped by every write: what a write takes first, as its lock. */
  revision: number;
  respondents: number;
  /** JSON of the raw TeamCounts. */
  counts: string;
  /** New respondents since the published state: members counted now whom the published round does not hold. */
  changed: number;
  /** How many states were published; 0 before the first. */
  publication: number;
  published_respondents: number;
  /** The published state's noisy counts (ε and counts), drawn once at publication and served on every read. */
  published_noisy: string | null;
  published_counts: string | null;
  updated_at: string;
}

/** Per team and teacher: the scan that counts now and the one in the published state. */
export interface TeamMembersTable {
  team_id: string;
  user_id: string;
  /** 0 for a former member kept only because the published state counts them. */
  is_member: number;
  scan_id: string | null;
  submitted_at: string | null;
  published_scan_id: string | null;
  published_submitted_at: string | null;
  /** Since when the teacher is a member (ISO-8601 UTC): only scans submitted from then on count. */
  member_since: string | null;
}

/** The published state a member (a school) adds to comparison groups, per framework version. */
export interface ComparisonPartsTable {
  framework_id: string;
  framework_version: string;
  member: string;
  team_id: string;
  /** JSON array of the group keys it is part of. */
  groups: string;
  counts: string;
}

/** The sum of the parts of a comparison group (e.g. all of Flanders, or one education level). */
export interface ComparisonTotalsTable {
  framework_id: string;
  framework_version: string;
  group_key: string;
  members: number;
  counts: string;
  revision: number;
}

/** Versions of what the Flanders picture is counted from, bumped by triggers: `scans` on every change to a submitted scan. */
export interface DigisnapDataVersionsTable {
  name: string;
  version: number;
}

/** One release of the Flanders picture: the noisy counts of every breakdown, drawn once for its data. */
export interface FlandersPictureReleasesTable {
  /** A hash of the raw counts and window: the same data finds the same release. Never shown. */
  data_hash: string;
  id: string;
  released_at: string;
  window_from: string;
  framework_id: string;
  framework_version: string;
  /** ε of each histogram. */
  epsilon: number;
  /** JSON of the noisy PictureCounts. */
  noisy: string;
}

// A type, not an interface: Kysely's withTables wants an index signature, which only types get implicitly.
export type DigisnapTables = {
  scans: ScansTable;
  scan_answers: ScanAnswersTable;
  profiles: ProfilesTable;
  profile_rankings: ProfileRankingsTable;
  team_aggregates: TeamAggregatesTable;
  team_members: TeamMembersTable;
  comparison_parts: ComparisonPartsTable;
  comparison_totals: ComparisonTotalsTable;
  digisnap_data_versions: DigisnapDataVersionsTable;
  flanders_picture_releases: FlandersPictureReleasesTable;
};

/** What the digisnap module's repositories see: the platform's tables and its own. */
export type DigisnapDatabase = PlatformTables & DigisnapTables;
