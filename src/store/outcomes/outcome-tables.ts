import type { Generated } from 'kysely';

// Shapes of the tables added by migration 0003, as Kysely sees them. Repositories reach them
// through `db.withTables<OutcomeTables>()`, so the shared trip schema stays as it is.

/** Columns migration 0003 adds to `trip_outcomes`. */
export interface OutcomeRecordColumns {
  type: string | null;
  type_state: string | null;
  type_rule: string | null;
  status: Generated<string>;
  agency: string | null;
  /** When the proposal rules last ran on this item; null: never. */
  proposed_at: string | null;
  updated_at: string | null;
  version: Generated<number>;
}

export interface OutcomeThemesTable {
  id: string;
  position: number;
  zh: string;
  en: string;
  keywords: string;
  created_at: string;
  updated_at: string;
}

export interface OutcomeThemeLinksTable {
  outcome_id: string;
  theme_id: string;
  state: string;
}

export interface PartnersTable {
  id: string;
  kind: string;
  name: string;
  name_key: string;
  name_en: string;
  aliases: string;
  country_code: string | null;
  notes: string;
  state: string;
  created_at: string;
  updated_at: string;
}

export interface OutcomePartnersTable {
  outcome_id: string;
  partner_id: string;
  state: string;
  matched: string;
}

export interface OutcomeFollowUpsTable {
  id: string;
  outcome_id: string;
  occurred_on: string | null;
  due_on: string | null;
  description: string;
  status: string;
  state: string;
  source: string;
  written: string | null;
  links: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface FollowUpFilesTable {
  id: string;
  follow_up_id: string;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  content_base64: string;
  created_at: string;
}

export interface AgreementsTable {
  id: string;
  kind: string;
  title: string;
  signed_on: string;
  review_on: string | null;
  expires_on: string | null;
  outcome_id: string | null;
  notes: string;
  created_at: string;
  updated_at: string;
}

export interface AgreementPartiesTable {
  agreement_id: string;
  partner_id: string;
}

/** The tables of outcomes, follow-ups, themes, partners and agreements. */
export type OutcomeTables = {
  trip_outcomes: OutcomeRecordColumns;
  outcome_themes: OutcomeThemesTable;
  outcome_theme_links: OutcomeThemeLinksTable;
  partners: PartnersTable;
  outcome_partners: OutcomePartnersTable;
  outcome_follow_ups: OutcomeFollowUpsTable;
  follow_up_files: FollowUpFilesTable;
  agreements: AgreementsTable;
  agreement_parties: AgreementPartiesTable;
};
