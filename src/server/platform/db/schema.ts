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
  created_at: string;
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

export interface Database {
  users: UsersTable;
  user_roles: UserRolesTable;
  schools: SchoolsTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  scans: ScansTable;
  scan_answers: ScanAnswersTable;
}
