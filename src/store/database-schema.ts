// Table shapes as Kysely sees them. JSON-valued columns are TEXT on both databases so that
// one code path reads and writes them; ISO dates and timestamps are TEXT for the same reason.

export interface TripsTable {
  id: string;
  title: string;
  purpose: string;
  category: string;
  organising_agency: string;
  inviting_body: string;
  start_date: string;
  end_date: string;
  headcount: number | null;
  budget_currency: string;
  budget_estimate: number | null;
  budget_approved: number | null;
  budget_actual: number | null;
  settlement_status: string;
  estimate_breakdown: string;
  actual_breakdown: string;
  notes: string;
  source_document: string | null;
  source_document_hash: string | null;
  source_line: number | null;
  created_at: string;
  updated_at: string;
  version: number;
  // Added by migration 0002 (workflow, issue 4).
  lifecycle_state: string;
  topics: string;
  themes: string;
  expected_benefits: string;
  plan_days: number | null;
  cross_strait: number;
  cross_strait_steps: string;
  post_trip_report: string | null;
  variance_explanation: string;
  created_by: string | null;
  submitted_by: string | null;
  budget_override: string | null;
}

export interface TripDestinationsTable {
  trip_id: string;
  position: number;
  country: string;
  country_code: string | null;
  cities: string;
}

export interface TripMembersTable {
  trip_id: string;
  position: number;
  name: string;
  title: string;
  agency: string | null;
  role: string;
}

export interface TripOutcomesTable {
  id: string;
  trip_id: string;
  position: number;
  text: string;
}

export interface ImportedDocumentsTable {
  id: string;
  document_hash: string;
  document_name: string;
  imported_at: string;
  trips_created: number;
  trips_unchanged: number;
}

// Workflow tables (migration 0002, issue 4).

export interface TripTransitionsTable {
  id: string;
  trip_id: string;
  at: string;
  action: string;
  from_state: string;
  to_state: string;
  actor_id: string;
  actor_name: string;
  comment: string;
  override_reason: string | null;
}

export interface TripReportFilesTable {
  trip_id: string;
  name: string;
  media_type: string;
  bytes: number;
  sha256: string;
  content_base64: string;
  uploaded_at: string;
  uploaded_by: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: string;
  agency: string | null;
  disabled: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface BudgetsTable {
  id: string;
  fiscal_year: number;
  agency: string;
  amount: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface BudgetAdjustmentsTable {
  id: string;
  budget_id: string;
  at: string;
  actor_id: string;
  previous_amount: number | null;
  amount: number;
  reason: string;
}

export interface PerDiemRateTablesTable {
  id: string;
  name: string;
  uploaded_at: string;
  uploaded_by: string;
  is_sample: number;
  row_count: number;
  csv: string;
}

export interface PerDiemRatesTable {
  table_id: string;
  position: number;
  country_code: string;
  city: string;
  usd_per_day: number;
  effective_from: string;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
  version: number;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: string;
  actor_name: string;
  entity_type: string;
  entity_id: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
  reason: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface Database {
  trips: TripsTable;
  trip_destinations: TripDestinationsTable;
  trip_members: TripMembersTable;
  trip_outcomes: TripOutcomesTable;
  imported_documents: ImportedDocumentsTable;
  trip_transitions: TripTransitionsTable;
  trip_report_files: TripReportFilesTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  budgets: BudgetsTable;
  budget_adjustments: BudgetAdjustmentsTable;
  per_diem_rate_tables: PerDiemRateTablesTable;
  per_diem_rates: PerDiemRatesTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}
