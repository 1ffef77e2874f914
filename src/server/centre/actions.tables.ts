import type { CentreActionStatus, CentreProgramme, Spearhead } from '../../shared/centre/actions-rules';
import type { Front } from '../../shared/platform/fronts';

/** Row types of the register of actions and the IT bootcamps (actions.migrations.ts); only actions.repository.ts reads them. */
// A type, not an interface: Kysely's withTables wants an index signature, which only types get implicitly.
export type CentreActionsTables = {
  centre_actions: {
    id: string;
    title: string;
    front: Front;
    spearhead: Spearhead;
    goal: string;
    owner: string;
    /** Euro cents; PostgreSQL answers a bigint as text. */
    budget_cents: number | string | null;
    /** YYYY-MM-DD. */
    start_date: string;
    end_date: string | null;
    status: CentreActionStatus;
    /** JSON array of indicator keys. */
    indicators: string;
    programme: CentreProgramme | null;
    reach_schools: number | null;
    reach_teachers: number | null;
    version: number;
    created_at: string;
    updated_at: string;
  };
  centre_action_changes: {
    id: string;
    action_id: string;
    version: number;
    changed_by: string | null;
    changed_at: string;
    /** JSON array of the field names saved with a new value. */
    fields: string;
  };
  bootcamp_tracks: {
    id: string;
    name_nl: string;
    name_en: string;
    description_nl: string;
    description_en: string;
    training_id: string | null;
    created_at: string;
  };
  bootcamp_cohorts: { id: string; track_id: string; name: string; starts_on: string };
  bootcamp_teams: { id: string; cohort_id: string; school_id: string; school_name: string };
  bootcamp_participants: { id: string; team_id: string; name: string };
  bootcamp_sessions: { id: string; cohort_id: string; number: number; held_on: string; topic: string };
  bootcamp_attendance: { session_id: string; participant_id: string };
};
