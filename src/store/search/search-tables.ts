// Kysely view of the search tables, kept apart from database-schema.ts so search owns its
// rows; repositories see them through `db.withTables<SearchTables>()`.

/** One row per trip: normalised title and body for phrase checks, and its index terms. */
export type TripSearchDocumentsTable = {
  trip_id: string;
  title: string;
  body: string;
  /** Distinct index terms separated by one space. */
  terms: string;
};

/** The tables full-text search adds. */
export type SearchTables = {
  trip_search_documents: TripSearchDocumentsTable;
};
