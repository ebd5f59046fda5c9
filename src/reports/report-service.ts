import type { Kysely } from 'kysely';
import type { BudgetYear } from '#app/domain/reports/budget-series.ts';
import { buildCouncilReport, type CouncilReportModel, type CouncilReportSettings, type ReportProblem } from '#app/domain/reports/council-report-model.ts';
import { isSelected, selectReportTrips, type ReportSelection } from '#app/domain/reports/report-selection.ts';
import { dictionarySheet, ledgerSheet, summarySheet, type Sheet } from '#app/domain/reports/sheet-model.ts';
import type { Trip } from '#app/domain/trips/trip-schema.ts';
import { renderCouncilReportDocx } from '#app/reports/docx/council-report-docx.ts';
import { renderCouncilReportHtml } from '#app/reports/html/council-report-html.ts';
import { ODT_MIMETYPE, renderCouncilReportOdt } from '#app/reports/odt/council-report-odt.ts';
import { renderCouncilReportPdf } from '#app/reports/pdf/html-to-pdf.ts';
import type { LoadedTemplates } from '#app/reports/report-templates.ts';
import { renderCsv } from '#app/reports/spreadsheets/csv-table.ts';
import { ODS_MIMETYPE, renderOds } from '#app/reports/spreadsheets/ods-spreadsheet.ts';
import { renderXlsx, XLSX_MIMETYPE } from '#app/reports/spreadsheets/xlsx-workbook.ts';
import { BudgetRepository } from '#app/store/budgets/budget-repository.ts';
import type { Store } from '#app/store/open-database.ts';
import { TripRepository } from '#app/store/trips/trip-repository.ts';
import { OutcomeThemeRepository } from '#app/store/outcomes/outcome-theme-repository.ts';
import type { OutcomeTheme } from '#app/domain/outcomes/outcome-themes.ts';

/** Formats of the council report. */
export const COUNCIL_REPORT_FORMATS = ['docx', 'odt', 'pdf', 'html'] as const;
export type CouncilReportFormat = (typeof COUNCIL_REPORT_FORMATS)[number];

/** Open-data files: the summary table or the full ledger. */
export const DATASETS = ['table', 'ledger'] as const;
export type Dataset = (typeof DATASETS)[number];

/** Formats of the open-data files. */
export const DATA_FORMATS = ['xlsx', 'ods', 'csv', 'json'] as const;
export type DataFormat = (typeof DATA_FORMATS)[number];

/** A generated file: its bytes, media type and file-name extension. */
export interface RenderedFile {
  bytes: Uint8Array;
  contentType: string;
  extension: string;
}

/** The report cannot be built from what was asked for (bad template placeholder, empty period); nothing was written. */
export class ReportRequestError extends Error {
  override name = 'ReportRequestError';
  constructor(readonly problems: ReportProblem[]) {
    super(problems.map((p) => p.message).join('; '));
  }
}

/** What a council report is made from besides the trips: the period and the words, over the template defaults. */
export interface CouncilReportRequest {
  selection: ReportSelection;
  templates: LoadedTemplates;
  /** Cover and heading words for this report only. */
  settings?: Partial<CouncilReportSettings>;
  /** The secretariat's own introduction or closing for this report, in place of the template files. */
  introduction?: string;
  closing?: string;
  /** The stored theme list and the themes people confirmed per outcome (see `loadStoredThemes`). */
  stored?: StoredThemes;
  /**
   * The city-wide budget series the secretariat entered (see `loadStoredBudgetSeries`); when it has
   * any year it replaces the template's `budgetSeries`, and a series given in `settings` replaces both.
   */
  storedBudgetSeries?: BudgetYear[];
}

/**
 * The city-wide (agency '') overseas-travel budget of each fiscal year, as entered with
 * `POST /api/v1/budgets` and adjusted since: the series the report's closing quotes.
 */
export async function loadStoredBudgetSeries(store: Store): Promise<BudgetYear[]> {
  return (await new BudgetRepository(store.db).list({ agency: '' })).map((b) => ({ rocYear: b.fiscalYear, amount: b.amount }));
}

/** The configured theme list, and for each outcome the themes a person confirmed (undefined: none yet). */
export interface StoredThemes {
  themes: OutcomeTheme[];
  themesOf: (trip: Trip, outcomeIndex: number) => readonly string[] | undefined;
}

/**
 * Reads the theme list the secretariat configured and the confirmed theme links of every outcome,
 * so report sections follow people's decisions; outcomes nobody confirmed fall back to the
 * keyword suggestions.
 */
export async function loadStoredThemes(store: Store): Promise<StoredThemes> {
  const themes = await new OutcomeThemeRepository(store.db).list();
  const db = store.db as unknown as Kysely<{ outcome_theme_links: { outcome_id: string; theme_id: string; state: string } }>;
  const links = await db.selectFrom('outcome_theme_links').select(['outcome_id', 'theme_id']).where('state', '=', 'confirmed').execute();
  const confirmed = new Map<string, string[]>();
  for (const link of links) confirmed.set(link.outcome_id, [...(confirmed.get(link.outcome_id) ?? []), link.theme_id]);
  return {
    themes,
    themesOf: (trip, index) => {
      const id = trip.outcomes[index]?.id;
      return id ? confirmed.get(id) : undefined;
    },
  };
}

/** The stored trips that fall in the selection, in report order; read page by page. */
export async function loadSelectedTrips(store: Store, selection: ReportSelection): Promise<Trip[]> {
  const trips: Trip[] = [];
  for await (const trip of new TripRepository(store.db).all()) if (isSelected(trip, selection)) trips.push(trip);
  return selectReportTrips(trips, selection);
}

/** Builds the report model, or throws ReportRequestError naming the input at fault. */
export function councilReportModel(trips: readonly Trip[], request: CouncilReportRequest, today: string = new Date().toISOString().slice(0, 10)): CouncilReportModel {
  const stored = request.storedBudgetSeries?.length ? { budgetSeries: request.storedBudgetSeries } : {};
  const settings: CouncilReportSettings = { ...request.templates.settings, reportDate: today, ...stored, ...stripUndefined(request.settings ?? {}) };
  const built = buildCouncilReport({
    trips,
    selection: request.selection,
    settings,
    ...(request.stored ? { themes: request.stored.themes, themesOf: request.stored.themesOf } : {}),
    templates: {
      introduction: request.introduction ?? request.templates.templates.introduction,
      closing: request.closing ?? request.templates.templates.closing,
    },
  });
  if (!built.ok) throw new ReportRequestError(built.problems);
  return built.model;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Renders the council report in one format. */
export async function renderCouncilReport(model: CouncilReportModel, format: CouncilReportFormat): Promise<RenderedFile> {
  switch (format) {
    case 'docx':
      return { bytes: await renderCouncilReportDocx(model), contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' };
    case 'odt':
      return { bytes: renderCouncilReportOdt(model), contentType: ODT_MIMETYPE, extension: 'odt' };
    case 'pdf':
      return { bytes: await renderCouncilReportPdf(model), contentType: 'application/pdf', extension: 'pdf' };
    case 'html':
      return { bytes: new TextEncoder().encode(renderCouncilReportHtml(model)), contentType: 'text/html; charset=utf-8', extension: 'html' };
  }
}

function sheetsOf(dataset: Dataset, trips: readonly Trip[]): Sheet[] {
  return dataset === 'table' ? [summarySheet(trips)] : [ledgerSheet(trips), dictionarySheet()];
}

/** The ledger in the interchange format (`mission-ledger/1`, as `mission-ledger export` writes it). */
export function ledgerJson(trips: readonly Trip[]): string {
  return `{"format":"mission-ledger/1","trips":[${trips.map((t) => `\n${JSON.stringify(t)}`).join(',')}\n]}\n`;
}

/** Renders an open-data file: the summary table or the full ledger as XLSX, ODS, CSV or JSON. */
export function renderDataset(dataset: Dataset, trips: readonly Trip[], format: DataFormat, options: { bom?: boolean } = {}): RenderedFile {
  const title = dataset === 'table' ? '因公出國預算、人員及成效一覽表' : '因公出國案件明細';
  switch (format) {
    case 'xlsx':
      return { bytes: renderXlsx(sheetsOf(dataset, trips), title), contentType: XLSX_MIMETYPE, extension: 'xlsx' };
    case 'ods':
      return { bytes: renderOds(sheetsOf(dataset, trips), title), contentType: ODS_MIMETYPE, extension: 'ods' };
    case 'csv': {
      const [sheet] = sheetsOf(dataset, trips);
      return { bytes: new TextEncoder().encode(renderCsv(sheet as Sheet, options)), contentType: 'text/csv; charset=utf-8', extension: 'csv' };
    }
    case 'json': {
      if (dataset === 'ledger') return { bytes: new TextEncoder().encode(ledgerJson(trips)), contentType: 'application/json; charset=utf-8', extension: 'json' };
      const sheet = summarySheet(trips);
      const rows = sheet.rows.map((row) => Object.fromEntries(sheet.columns.map((c, i) => [c.key, row[i] ?? null])));
      return { bytes: new TextEncoder().encode(`${JSON.stringify({ format: 'mission-ledger/summary-table/1', columns: sheet.columns.map((c) => ({ key: c.key, header: c.header })), rows }, null, 1)}\n`), contentType: 'application/json; charset=utf-8', extension: 'json' };
    }
  }
}
