import { formatRocDate } from '#app/domain/dates/roc-date.ts';
import { DEFAULT_OUTCOME_THEMES, suggestThemes, type OutcomeTheme } from '#app/domain/outcomes/outcome-themes.ts';
import { budgetCell } from '#app/domain/reports/budget-text.ts';
import { formatTravellers } from '#app/domain/reports/delegation-text.ts';
import { formatPlaces } from '#app/domain/reports/places-text.ts';
import type { BudgetCategory, Trip } from '#app/domain/trips/trip-schema.ts';

/** Value type of an open-data field, as the data dictionary states it. */
export type FieldType = 'string' | 'integer' | 'date' | 'list';

/** Where a disclosure field comes from: Canada's proactive disclosure, the national post-trip report site, or the ledger itself. */
export type FieldOrigin = 'canada' | 'national' | 'both' | 'ledger';

/** One column of the published trip ledger, documented in docs/data-dictionary.md. */
export interface DisclosureField {
  key: string;
  type: FieldType;
  /** Column heading in spreadsheets. */
  label: string;
  /** Meaning in English. */
  en: string;
  /** Meaning in Traditional Chinese. */
  zh: string;
  origin: FieldOrigin;
}

/** A cell of the published ledger: text, a whole number, a list, or nothing known. */
export type DisclosureValue = string | number | string[] | null;

/** The post-trip report (出國報告) of a trip, when it has been recorded. */
export interface PostTripReportInfo {
  title: string;
  date: string;
  summary: string;
  keywords: readonly string[];
}

/** What a disclosure record draws on besides the trip: the theme list and, when known, confirmed themes; `reportOf` overrides the trip's own post-trip report. */
export interface DisclosureContext {
  themes?: readonly OutcomeTheme[];
  themesOf?: (trip: Trip, outcomeIndex: number) => readonly string[] | undefined;
  reportOf?: (trip: Trip) => PostTripReportInfo | undefined;
}

/** The post-trip report recorded on the trip, in the form the disclosure fields need. */
export function recordedReport(trip: Trip): PostTripReportInfo | undefined {
  const report = trip.report;
  return report ? { title: report.title, date: report.date ?? '', summary: report.summary, keywords: report.keywords } : undefined;
}

const f = (key: string, type: FieldType, label: string, origin: FieldOrigin, en: string, zh: string): DisclosureField => ({ key, type, label, origin, en, zh });

/** The fields of the published trip ledger, in column order. */
export const DISCLOSURE_FIELDS: readonly DisclosureField[] = [
  f('id', 'string', '案件編號', 'ledger', 'Stable identifier of the trip record.', '出國案紀錄的固定識別碼。'),
  f('title', 'string', '因公出國計畫名稱', 'national', 'Title of the trip plan, as approved.', '出國計畫名稱。'),
  f('purpose', 'string', '出國目的', 'both', 'Purpose of the trip.', '出國目的。'),
  f('category', 'string', '出國類別', 'national', 'Kind of trip: inspection, conference, visit, business or other.', '出國類別：考察、開會、訪問、洽公或其他。'),
  f('organising_agency', 'string', '主辦機關', 'national', 'Agency that organised the trip.', '主辦出國案的機關。'),
  f('inviting_body', 'string', '邀請單位', 'ledger', 'Who invited the delegation.', '邀請單位。'),
  f('start_date', 'date', '出國起日', 'both', 'First day of the trip (ISO 8601).', '出國第一天（西元，ISO 8601）。'),
  f('end_date', 'date', '出國迄日', 'both', 'Last day of the trip (ISO 8601).', '出國最後一天（西元，ISO 8601）。'),
  f('start_date_roc', 'string', '出國起日（民國）', 'ledger', 'First day in the ROC calendar, e.g. 107/4/10.', '出國第一天，民國紀年。'),
  f('end_date_roc', 'string', '出國迄日（民國）', 'ledger', 'Last day in the ROC calendar.', '出國最後一天，民國紀年。'),
  f('days', 'integer', '出國天數', 'national', 'Number of days, first and last included.', '出國天數（含首尾日）。'),
  f('countries', 'list', '前往國家', 'national', 'Countries visited, in Traditional Chinese.', '前往國家。'),
  f('country_codes', 'list', '國家代碼', 'ledger', 'ISO 3166-1 alpha-2 codes of the countries (empty where unknown).', '前往國家之 ISO 3166-1 二碼代碼。'),
  f('cities', 'list', '前往城市', 'national', 'Cities visited.', '前往城市。'),
  f('destination', 'string', '出國地點', 'canada', 'Destination as the council report writes it, e.g. 日本名古屋、東京.', '出國地點，依專案報告寫法。'),
  f('travellers', 'list', '出國人員', 'both', 'Listed travellers: job title, name and agency.', '出國人員之職稱、姓名及機關。'),
  f('leader', 'string', '領隊', 'ledger', 'Leader of the delegation (title and name).', '率團人員。'),
  f('headcount', 'integer', '出國人數', 'national', 'Stated size of the delegation (等七人 = 7); may exceed the travellers listed.', '出國人數（等七人即 7 人），可多於列名人員。'),
  f('airfare', 'integer', '機票費', 'canada', 'Airfare actually paid, whole TWD; empty when not recorded.', '實支機票費（新臺幣元）；未登錄者空白。'),
  f('other_transport', 'integer', '其他交通費', 'canada', 'Other transportation (ground, rail, car hire), whole TWD.', '其他交通費（新臺幣元）。'),
  f('lodging', 'integer', '住宿費', 'canada', 'Accommodation, whole TWD.', '住宿費（新臺幣元）。'),
  f('meals_incidentals', 'integer', '膳雜費', 'canada', 'Meals and incidentals (the daily allowance recorded as perDiem), whole TWD.', '膳食及零用費（日支生活費），新臺幣元。'),
  f('registration', 'integer', '報名費', 'ledger', 'Conference or registration fees, whole TWD.', '會議註冊或報名費（新臺幣元）。'),
  f('gifts_hospitality', 'integer', '禮品及交際費', 'ledger', 'Gifts and hospitality, whole TWD.', '禮品及交際費（新臺幣元）。'),
  f('other_expenses', 'integer', '其他費用', 'canada', 'Other expenses, whole TWD.', '其他費用（新臺幣元）。'),
  f('total', 'integer', '實支合計', 'canada', 'Total actual cost once settled, whole TWD; empty while settling.', '核銷後實支總額（新臺幣元）；核銷中者空白。'),
  f('budget_estimate', 'integer', '預估經費', 'ledger', 'Cost estimate in the plan, whole TWD.', '計畫預估經費（新臺幣元）。'),
  f('budget_approved', 'integer', '核定經費', 'ledger', 'Amount approved, whole TWD.', '核定經費（新臺幣元）。'),
  f('settlement_status', 'string', '核銷狀態', 'ledger', 'planned, settling (核銷中), settled, or pending (figures still being compiled).', '核銷狀態：planned 規劃中、settling 核銷中、settled 已核銷、pending 尚待彙整。'),
  f('budget_text', 'string', '預算經費', 'ledger', 'The budget cell as the council report prints it, e.g. 新臺幣 51 萬 2,005 元 or 核銷中.', '專案報告「預算經費」欄之寫法。'),
  f('outcome_count', 'integer', '成效項數', 'ledger', 'Number of outcome items.', '出國內容成效項數。'),
  f('outcomes', 'list', '出國內容成效', 'ledger', 'Outcome items, numbered, verbatim.', '出國內容成效，逐項編號，照錄原文。'),
  f('keywords', 'list', '關鍵詞', 'national', 'Keywords: those of the post-trip report, else the outcome themes of the trip.', '關鍵詞：出國報告所列者；未登錄時為成效主題。'),
  f('report_title', 'string', '出國報告名稱', 'national', 'Title of the post-trip report; empty until it is recorded on the trip.', '出國報告名稱；尚未登錄者空白。'),
  f('report_date', 'date', '出國報告日期', 'national', 'Date of the post-trip report; empty until it is recorded.', '出國報告日期；尚未登錄者空白。'),
  f('report_summary', 'string', '出國報告摘要', 'national', 'Summary of the post-trip report (200–300 characters); empty until it is recorded.', '出國報告摘要；尚未登錄者空白。'),
  f('source_document', 'string', '來源文件', 'ledger', 'File the record was imported from, if any.', '匯入來源文件名稱。'),
  f('source_line', 'integer', '來源行號', 'ledger', 'Line of the source document where the trip starts.', '來源文件中該筆之起始行號。'),
  f('updated_at', 'string', '最後更新', 'ledger', 'When the record last changed (ISO 8601 UTC).', '紀錄最後更新時間（UTC）。'),
  f('version', 'integer', '版本', 'ledger', 'Version of the record; goes up by one with each change.', '紀錄版本，每次修改加一。'),
];

function days(start: string, end: string): number | null {
  const ms = Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`);
  return Number.isFinite(ms) ? Math.round(ms / 86_400_000) + 1 : null;
}

function themeNames(trip: Trip, context: DisclosureContext): string[] {
  const themes = context.themes ?? DEFAULT_OUTCOME_THEMES;
  const ids = new Set(trip.outcomes.flatMap((o, i) => context.themesOf?.(trip, i) ?? suggestThemes(o.text, themes)));
  return themes.filter((t) => ids.has(t.id)).map((t) => t.zh);
}

/** One trip as a published ledger record, keyed by DISCLOSURE_FIELDS. */
export function disclosureRecord(trip: Trip, context: DisclosureContext = {}): Record<string, DisclosureValue> {
  const settled = trip.budget.status === 'settled';
  const actual = (category: BudgetCategory): number | null => (settled ? (trip.budget.actualBreakdown[category] ?? null) : null);
  const leader = trip.members.find((m) => m.role === 'leader');
  const report = context.reportOf ? context.reportOf(trip) : recordedReport(trip);
  return {
    id: trip.id,
    title: trip.title,
    purpose: trip.purpose,
    category: trip.category,
    organising_agency: trip.organisingAgency,
    inviting_body: trip.invitingBody,
    start_date: trip.start,
    end_date: trip.end,
    start_date_roc: formatRocDate(trip.start),
    end_date_roc: formatRocDate(trip.end),
    days: days(trip.start, trip.end),
    countries: trip.destinations.map((d) => d.country),
    country_codes: trip.destinations.map((d) => d.countryCode ?? ''),
    cities: trip.destinations.flatMap((d) => d.cities),
    destination: formatPlaces(trip.destinations),
    travellers: formatTravellers(trip.members),
    leader: leader ? `${leader.title}${leader.name}` : '',
    headcount: trip.headcount ?? trip.members.length,
    airfare: actual('airfare'),
    other_transport: actual('otherTransport'),
    lodging: actual('lodging'),
    meals_incidentals: actual('perDiem'),
    registration: actual('registration'),
    gifts_hospitality: actual('giftsHospitality'),
    other_expenses: actual('other'),
    total: settled ? trip.budget.actual : null,
    budget_estimate: trip.budget.estimate,
    budget_approved: trip.budget.approved,
    settlement_status: trip.budget.status,
    budget_text: budgetCell(trip.budget).text,
    outcome_count: trip.outcomes.length,
    outcomes: trip.outcomes.map((o, i) => `${i + 1}. ${o.text}`),
    keywords: report && report.keywords.length > 0 ? [...report.keywords] : themeNames(trip, context),
    report_title: report?.title ?? '',
    report_date: report?.date ?? '',
    report_summary: report?.summary ?? '',
    source_document: trip.source?.document ?? '',
    source_line: trip.source?.line ?? null,
    updated_at: trip.updatedAt,
    version: trip.version,
  };
}
