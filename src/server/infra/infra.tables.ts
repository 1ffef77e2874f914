import type { PlatformTables } from '../platform/db/schema';

/** Row types of the infra module's tables. Timestamps are ISO-8601 UTC text, days `YYYY-MM-DD`, money integer euro cents. */
export interface DeviceModelsTable {
  id: string;
  school_id: string;
  manufacturer: string;
  name: string;
  /** A code of `deviceTypes`. */
  type: string;
  expected_life_months: number;
  created_at: string;
}

export interface DevicesTable {
  id: string;
  school_id: string;
  /** Unique per school. */
  asset_tag: string;
  serial: string | null;
  model_id: string;
  purchase_date: string | null;
  price_cents: number | null;
  supplier: string | null;
  order_number: string | null;
  funding_source: string | null;
  acquisition: string;
  lease_ends_on: string | null;
  warranty_months: number | null;
  campus: string | null;
  room: string | null;
  notes: string | null;
  /** A code of `deviceStates`. */
  state: string;
  /** Tag, serial, manufacturer, model and notes in lower case: what text search reads, alike on both databases. */
  search_text: string;
  created_at: string;
  updated_at: string;
}

/** Every change of a device's state, the first one its arrival (from null). */
export interface DeviceEventsTable {
  id: string;
  device_id: string;
  at: string;
  actor_id: string | null;
  from_state: string | null;
  to_state: string;
  note: string | null;
}

/** How a device's data was wiped before it left: one per device, with its certificate when a batch brought one. */
export interface DeviceSanitisationsTable {
  device_id: string;
  method: string;
  performed_by: string;
  performed_on: string;
  recorded_by: string | null;
  recorded_at: string;
  verification: string | null;
  certificate_ref: string | null;
  certificate_file_id: string | null;
  batch_id: string | null;
}

/** A device lent to a pupil or a staff member; open while `returned_on` is null, and a device has at most one open loan (a partial unique index). */
export interface LoansTable {
  id: string;
  school_id: string;
  device_id: string;
  /** A code of `borrowerKinds`. */
  borrower_kind: string;
  /** A code of `borrowerIdentifications`: whether `borrower` is a name or the school's pseudonymous number. */
  identified_by: string;
  borrower: string;
  /** A staff loan bound to the team member's account (the borrower is then their name when lent). */
  borrower_user_id: string | null;
  class_name: string | null;
  lent_on: string;
  due_on: string | null;
  deposit_cents: number | null;
  contribution_cents: number | null;
  conditions: string | null;
  lent_by: string | null;
  returned_on: string | null;
  /** A code of `returnConditions`. */
  return_condition: string | null;
  return_note: string | null;
  returned_by: string | null;
  created_at: string;
}

/** How many pupils of a group a school counted on a counting day; the funding budgets and the indicators read it. */
export interface PupilCountsTable {
  school_id: string;
  /** A code of `pupilGroups`. */
  pupil_group: string;
  counting_day: string;
  pupils: number;
  updated_by: string | null;
  updated_at: string;
}

/** A school's terms under a funding scheme: the later deadline of a rent scheme, the values its deductions are taken from. */
export interface FundingTermsTable {
  school_id: string;
  scheme_id: string;
  /** 0/1: the board ran a rent, rent-to-own or purchase scheme in 2020-22. */
  rent_scheme: number;
  /** JSON object: deduction code → euro cents. */
  deduction_bases: string;
  updated_by: string | null;
  updated_at: string;
}

/** One invoice (or part of one) a school charges to a funding scheme, with what the auditor checks. */
export interface FundingSpendingTable {
  id: string;
  school_id: string;
  scheme_id: string;
  /** A category code of the scheme. */
  category: string;
  description: string;
  supplier: string | null;
  amount_cents: number;
  invoice_reference: string;
  invoice_date: string;
  /** 0/1: declared not also paid by parents or another subsidy. */
  not_double_financed: number;
  /** A code of `procurementProcedures`. */
  procurement_procedure: string;
  procurement_reference: string | null;
  recorded_by: string | null;
  recorded_at: string;
}

/** An invoice file of the file store attached to a spending line. */
export interface FundingEvidenceTable {
  spending_id: string;
  file_id: string;
  attached_at: string;
}

/** An evidence file (a wipe certificate, an invoice) kept for one school; other infra tables point at it by `id`. */
export interface InfraFilesTable {
  id: string;
  school_id: string;
  name: string;
  /** A code of `infraFileMediaTypes`, judged from the bytes. */
  media_type: string;
  size_bytes: number;
  /** Hex SHA-256 of `content`. */
  sha256: string;
  content: Uint8Array;
  uploaded_by: string | null;
  uploaded_at: string;
}

/** Flanders-wide versions ('fronts': every park and funding ledger), bumped by triggers: what the centre's fronts are kept by. */
export interface InfraDataVersionsTable {
  name: string;
  version: number;
}

/** A school's or board's version of its park: bumped by triggers on every change to its devices and loans. */
export interface InfraParkVersionsTable {
  /** A school's id or a board's. */
  scope_id: string;
  version: number;
}

/**
 * The opening page of a school's or a board's device list (no words or filters, by asset tag, the
 * first page), as the JSON bytes sent without the closing `canManage` value, with the park version
 * and (a board's) schools it was read at: sent again while both are current.
 */
export interface InfraDevicePagesTable {
  scope_id: string;
  version: number;
  /** A board's schools, ids and names (`schoolsKey`); empty for a school. */
  schools: string;
  body: Uint8Array;
}

/** Devices handed to one partner at once; `partner_id` names a partner of content/infra/reuse-partners.json. */
export interface DecommissionBatchesTable {
  id: string;
  school_id: string;
  partner_id: string;
  handed_over_on: string;
  note: string | null;
  /** The certificate covering the whole batch. */
  certificate_file_id: string | null;
  created_by: string | null;
  created_at: string;
}

export interface DecommissionBatchDevicesTable {
  batch_id: string;
  device_id: string;
  /** The state the batch took the device from. */
  from_state: string;
}

// A type, not an interface: Kysely's withTables wants an index signature, which only types get implicitly.
export type InfraTables = {
  device_models: DeviceModelsTable;
  devices: DevicesTable;
  device_events: DeviceEventsTable;
  device_sanitisations: DeviceSanitisationsTable;
  loans: LoansTable;
  pupil_counts: PupilCountsTable;
  funding_terms: FundingTermsTable;
  funding_spending: FundingSpendingTable;
  funding_evidence: FundingEvidenceTable;
  infra_files: InfraFilesTable;
  infra_park_versions: InfraParkVersionsTable;
  infra_data_versions: InfraDataVersionsTable;
  infra_device_pages: InfraDevicePagesTable;
  decommission_batches: DecommissionBatchesTable;
  decommission_batch_devices: DecommissionBatchDevicesTable;
};

export type InfraDatabase = PlatformTables & InfraTables;
