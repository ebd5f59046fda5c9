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
  search_text: string;
  created_at: string;
  updated_at: string;
  version: number;
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

export interface Database {
  trips: TripsTable;
  trip_destinations: TripDestinationsTable;
  trip_members: TripMembersTable;
  trip_outcomes: TripOutcomesTable;
  imported_documents: ImportedDocumentsTable;
}
