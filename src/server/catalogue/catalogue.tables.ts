import type { PlatformTables } from '../platform/db/schema';

/** Row types of the catalogue module's tables. Timestamps are ISO-8601 UTC text; booleans 0/1. */
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

/** One row (id 1): bumped by every catalogue write, see bumpCatalogueVersion. */
export interface CatalogueVersionTable {
  id: number;
  version: number;
}

// A type, not an interface: Kysely's withTables wants an index signature, which only types get implicitly.
export type CatalogueTables = {
  providers: ProvidersTable;
  provider_members: ProviderMembersTable;
  trainings: TrainingsTable;
  training_level_steps: TrainingLevelStepsTable;
  training_sessions: TrainingSessionsTable;
  enrolments: EnrolmentsTable;
  bookmarks: BookmarksTable;
  training_completions: TrainingCompletionsTable;
  catalogue_version: CatalogueVersionTable;
};

/** What the catalogue module's repositories see: the platform's tables and its own. */
export type CatalogueDatabase = PlatformTables & CatalogueTables;
