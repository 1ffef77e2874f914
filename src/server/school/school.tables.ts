import type { PlatformTables } from '../platform/db/schema';

/** Row types of the school module's tables. Timestamps are ISO-8601 UTC text; booleans 0/1. */
export interface SchoolsTable {
  id: string;
  name: string;
  institution_number: string | null;
  education_level: string | null;
  province: string | null;
  board_id: string | null;
  /** A code of `schoolNetworks`. */
  network: string | null;
  /** The code a teacher types or follows to join the school; set on first view, rotated on demand. */
  join_code: string | null;
  /** 1: joining needs an account linked to the identity provider. */
  require_identity_provider: number;
  created_at: string;
}

export interface BoardsTable {
  id: string;
  name: string;
  /** The board's number (*bestuursnummer*), when known. */
  number: string | null;
  created_at: string;
}

export interface InvitationsTable {
  id: string;
  school_id: string;
  email: string;
  display_name: string | null;
  role: string;
  /** sha-256 of the token in the link. */
  token_hash: string;
  invited_by: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: string | null;
}

export interface MembershipsTable {
  user_id: string;
  school_id: string;
  role: string;
  created_at: string;
}

/** A school's version of its member list: bumped by triggers on every change to its memberships. */
export interface SchoolMembershipVersionsTable {
  school_id: string;
  version: number;
}

/** A school's Digisnap round: window, framework version and minimum group size. */
export interface CampaignsTable {
  id: string;
  school_id: string;
  framework_id: string;
  framework_version: string;
  /** Dates (YYYY-MM-DD) on the Brussels clock, both days included. */
  opens_on: string;
  closes_on: string;
  team_moment: string | null;
  min_group_size: number;
  education_level: string | null;
  opened_by: string | null;
  created_at: string;
  /** Set when closed before its last day; cleared when reopened. */
  closed_at: string | null;
  reminder_rounds: number;
  reminders_sent: number;
  reminded_at: string | null;
}

/** Each published state of a campaign's report (see privacy.ts, publicationDecision). */
export interface CampaignReportsTable {
  campaign_id: string;
  seq: number;
  published_at: string;
  respondents: number;
  /** JSON array of opaque respondent keys. */
  respondent_keys: string;
  /** JSON of the SchoolReport as published. */
  body: string;
  /** The team aggregate's publication this state shows; null for states stored before aggregates were. */
  publication: number | null;
}

/** A pedagogical study day a school plans with a training of the catalogue. */
export interface StudyDaysTable {
  id: string;
  school_id: string;
  /** YYYY-MM-DD, Brussels. */
  on_date: string;
  training_id: string;
  /** The title when planned, so the list reads without the catalogue. */
  training_title: string;
  session_id: string | null;
  campaign_id: string | null;
  participants: number;
  price_per_person_cents: number;
  team_price_cents: number | null;
  cost_cents: number;
  status: 'planned' | 'cancelled';
  note: string | null;
  created_by: string | null;
  created_at: string;
  cancelled_at: string | null;
  cancelled_by: string | null;
}

/** A school's own ICT training budget settings; without a row the defaults apply. */
export interface SchoolBudgetSettingsTable {
  school_id: string;
  regular_per_staff_cents: number;
  staff_count_override: number | null;
  /** Full-time posts on 1 February 2021 × 100; null while not entered. */
  envelope_posts_hundredths: number | null;
  updated_by: string | null;
  updated_at: string;
}

// A type, not an interface: Kysely's withTables wants an index signature, which only types get implicitly.
/** Versions of what the knowledge centre counts from the school module, bumped by triggers: `schools` on every change to schools, memberships or campaigns. */
export interface SchoolDataVersionsTable {
  name: string;
  version: number;
}

export type SchoolTables = {
  school_data_versions: SchoolDataVersionsTable;
  schools: SchoolsTable;
  boards: BoardsTable;
  invitations: InvitationsTable;
  memberships: MembershipsTable;
  school_membership_versions: SchoolMembershipVersionsTable;
  campaigns: CampaignsTable;
  campaign_reports: CampaignReportsTable;
  study_days: StudyDaysTable;
  school_budget_settings: SchoolBudgetSettingsTable;
};

/** What the school module's repositories see: the platform's tables and its own. */
export type SchoolDatabase = PlatformTables & SchoolTables;
