import type { Generated } from 'kysely';

/** Row types of every table, as Kysely sees them. Timestamps are ISO-8601 UTC text; booleans 0/1. */
export interface UsersTable {
  id: string;
  email: string;
  password_hash: string | null;
  display_name: string;
  locale: string;
  created_at: string;
}

export interface UserRolesTable {
  user_id: string;
  role: string;
}

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

export interface OutboxTable {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  status: 'queued' | 'sent' | 'failed';
  error: string | null;
  created_at: string;
  sent_at: string | null;
  /** 1 when the recipient must stay hidden from everyone (a reminder tells who has not finished). */
  confidential: number;
}

export interface MembershipsTable {
  user_id: string;
  school_id: string;
  role: string;
  created_at: string;
}

export interface SessionsTable {
  /** sha-256 of the cookie token: a stolen database does not hold live tokens. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  subject: string | null;
  details: string | null;
}

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

export interface ProvidersTable {
  id: string;
  name: string;
  contact_email: string;
  website: string | null;
  verified: number;
  verified_at: string | null;
  verified_by: string | null;
  created_at: string;
}

export interface ProviderMembersTable {
  user_id: string;
  provider_id: string;
  created_at: string;
}

export interface TrainingsTable {
  id: string;
  provider_id: string;
  title: string;
  summary: string;
  description: string;
  kind: string;
  language: string;
  /** Codes between commas, with a comma at each end (`,primary,secondary,`), so `like '%,primary,%'` filters. */
  education_levels: string;
  audiences: string;
  duration_hours: number;
  price_cents: number;
  payable_from_ict_budget: number;
  address: string | null;
  postal_code: string | null;
  city: string | null;
  province: string | null;
  accreditation: string | null;
  url: string;
  status: string;
  /**
   * Title, summary and description normalised by the app (NFD, no marks, lower case). On
   * PostgreSQL a generated column `search_vector` (to_tsvector('simple', search_text), GIN-indexed)
   * is stored from it; the search repository names that column in raw SQL only.
   */
  search_text: string;
  created_at: string;
  updated_at: string;
}

export interface TrainingLevelStepsTable {
  training_id: string;
  competence: string;
  from_level: string;
  to_level: string;
}

export interface TrainingSessionsTable {
  id: string;
  training_id: string;
  starts_at: string;
  ends_at: string;
  place: string | null;
  online: number;
  capacity: number;
  /** Kept by the enrolment transaction, which holds the session row. */
  enrolled_count: number;
  waitlist_count: number;
  enrolment_deadline: string;
  cancellation_deadline: string;
  created_at: string;
  updated_at: string;
}

export interface EnrolmentsTable {
  id: string;
  session_id: string;
  training_id: string;
  user_id: string;
  status: 'enrolled' | 'waitlisted' | 'cancelled';
  position: number | null;
  created_at: string;
  updated_at: string;
}

export interface BookmarksTable {
  user_id: string;
  training_id: string;
  created_at: string;
}

export interface TrainingCompletionsTable {
  user_id: string;
  training_id: string;
  completed_on: string;
  created_at: string;
}

/** SQLite only: the integer key FTS5 needs for each training. */
export interface TrainingsFtsKeysTable {
  id: Generated<number>;
  training_id: string;
}

/** SQLite only: the contentless FTS5 index over title, summary and description. */
export interface TrainingsFtsTable {
  rowid: number;
  title: string;
  summary: string;
  description: string;
}

/** Each teacher's profile, as the JSON getMyProfile sends; rewritten at every submit. */
export interface ProfilesTable {
  user_id: string;
  scan_id: string;
  body: string;
  updated_at: string;
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
  /** Teachers whose counted scan differs from the published one (came, went or retook). */
  changed: number;
  /** How many states were published; 0 before the first. */
  publication: number;
  published_respondents: number;
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
  top_up_per_staff_cents: number;
  top_up_ends_on: string;
  regular_per_staff_cents: number;
  staff_count_override: number | null;
  updated_by: string | null;
  updated_at: string;
}

export interface Database {
  users: UsersTable;
  user_roles: UserRolesTable;
  schools: SchoolsTable;
  boards: BoardsTable;
  invitations: InvitationsTable;
  outbox: OutboxTable;
  memberships: MembershipsTable;
  campaigns: CampaignsTable;
  campaign_reports: CampaignReportsTable;
  study_days: StudyDaysTable;
  school_budget_settings: SchoolBudgetSettingsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  scans: ScansTable;
  scan_answers: ScanAnswersTable;
  profiles: ProfilesTable;
  team_aggregates: TeamAggregatesTable;
  team_members: TeamMembersTable;
  comparison_parts: ComparisonPartsTable;
  comparison_totals: ComparisonTotalsTable;
  school_membership_versions: SchoolMembershipVersionsTable;
  providers: ProvidersTable;
  provider_members: ProviderMembersTable;
  trainings: TrainingsTable;
  training_level_steps: TrainingLevelStepsTable;
  training_sessions: TrainingSessionsTable;
  enrolments: EnrolmentsTable;
  bookmarks: BookmarksTable;
  training_completions: TrainingCompletionsTable;
  trainings_fts_keys: TrainingsFtsKeysTable;
  trainings_fts: TrainingsFtsTable;
}
