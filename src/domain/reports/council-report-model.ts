import { formatRocDate } from '#app/domain/dates/roc-date.ts';
import { formatRocDateRange } from '#app/domain/dates/roc-date-range.ts';
import { formatTwdAmount } from '#app/domain/money/twd-amount.ts';
import { DEFAULT_OUTCOME_THEMES, suggestThemes, type OutcomeTheme } from '#app/domain/outcomes/outcome-themes.ts';
import { budgetCell } from '#app/domain/reports/budget-text.ts';
import { budgetSeriesSentence, type BudgetYear } from '#app/domain/reports/budget-series.ts';
import { formatChineseCount } from '#app/domain/reports/chinese-count.ts';
import { formatDelegation } from '#app/domain/reports/delegation-text.ts';
import { formatPlaces } from '#app/domain/reports/places-text.ts';
import { fillTemplate } from '#app/domain/reports/report-template.ts';
import { selectReportTrips, type ReportSelection } from '#app/domain/reports/report-selection.ts';
import type { Trip } from '#app/domain/trips/trip-schema.ts';

/** The words of the cover and headings that change from report to report; defaults live in templates/. */
export interface CouncilReportSettings {
  /** Council session the report is made to, e.g. 臺中市議會第2屆第7次定期會. */
  council: string;
  /** Report title, e.g. 林佳龍市長執政以來所有出國公務預算明細、隨行人員及出國內容成效專案報告. */
  title: string;
  /** The city government, e.g. 臺中市政府. */
  government: string;
  /** The reporting agency, e.g. 臺中市政府秘書處. */
  agency: string;
  /** Who presents the report, e.g. 處長 李如芳. */
  presenter: string;
  /** Date on the cover, ISO. */
  reportDate: string;
  /** Heading of the outcomes part, e.g. 林市長執政以來因公出國參訪情形及成效. */
  sectionsHeading: string;
  /** Title of the summary table, e.g. 林市長執政以來所有因公出國預算、人員及成效一覽表. */
  tableTitle: string;
  /** The overseas-travel budget by ROC year, quoted in the closing. */
  budgetSeries: BudgetYear[];
}

/** The secretariat's narrative: introduction and closing, with `{{placeholders}}` the system fills. */
export interface CouncilReportTemplates {
  introduction: string;
  closing: string;
}

/** The six columns of the seed's summary table, in order. */
export const SUMMARY_TABLE_COLUMNS = ['因公出國計畫名稱', '出國日期', '出國地點', '出國人員', '預算經費', '出國內容成效'] as const;

/** One trip in the summary table, each cell as the report prints it. */
export interface SummaryRow {
  tripId: string;
  title: string;
  dates: string;
  places: string;
  delegation: string;
  budget: string;
  /** The amount the budget cell shows, in whole TWD, or null for 核銷中 / 尚待彙整. */
  budgetAmount: number | null;
  /** Outcomes numbered as printed: `1. …`. */
  outcomes: string[];
}

/** One outcome listed under a theme, with the trip it came from. */
export interface ThemeItem {
  tripId: string;
  tripTitle: string;
  tripDates: string;
  text: string;
}

/** One section of the outcomes part: a theme and the outcomes that belong to it. */
export interface ThemeSection {
  themeId: string;
  heading: string;
  items: ThemeItem[];
}

/** The figures the system computes; templates can quote each as `{{name}}`. */
export interface ReportFigures {
  periodFrom: string;
  periodTo: string;
  tripCount: number;
  tableTripCount: number;
  pendingCount: number;
  settlingCount: number;
  settledTotal: number;
  countryCount: number;
  outcomeCount: number;
}

/** Everything a renderer needs; renderers add layout only, never content. */
export interface CouncilReportModel {
  cover: { council: string; title: string; government: string; agency: string; presenter: string; date: string };
  toc: { id: 'introduction' | 'outcomes' | 'closing' | 'table'; label: string }[];
  introduction: { heading: string; paragraphs: string[] };
  outcomes: { heading: string; sections: ThemeSection[] };
  closing: { heading: string; paragraphs: string[]; budgetSeries: { year: string; amount: string }[] };
  table: { title: string; columns: readonly string[]; rows: SummaryRow[]; footnotes: string[] };
  figures: ReportFigures;
}

/** A reason the report cannot be built from the given input, naming the input at fault. */
export interface ReportProblem {
  field: string;
  message: string;
  messageZh: string;
}

/** What building a report needs: the trips (all or a superset), which of them, the words and the themes. */
export interface CouncilReportInput {
  trips: readonly Trip[];
  selection: ReportSelection;
  settings: CouncilReportSettings;
  templates: CouncilReportTemplates;
  themes?: readonly OutcomeTheme[];
  /** Confirmed themes of an outcome when they are stored; undefined falls back to suggestions from its text. */
  themesOf?: (trip: Trip, outcomeIndex: number) => readonly string[] | undefined;
}

const OTHER_THEME = { id: 'other', zh: '其他出訪成效' };

function withFullStop(text: string): string {
  const trimmed = text.trim();
  return trimmed === '' || /[。！？.!?]$/.test(trimmed) ? trimmed : `${trimmed}。`;
}

/** The footnote for a trip whose figures and outcomes are still being compiled (the seed's 備註). */
export function pendingTripFootnote(trip: Trip): string {
  return `${formatRocDateRange(trip.start, trip.end)}「${trip.title}」${withFullStop(trip.purpose)}相關經費及成果尚待彙整資料中。`;
}

/** One summary-table row of a trip. */
export function summaryRow(trip: Trip): SummaryRow {
  const budget = budgetCell(trip.budget);
  return {
    tripId: trip.id,
    title: trip.title,
    dates: formatRocDateRange(trip.start, trip.end),
    places: formatPlaces(trip.destinations),
    delegation: formatDelegation(trip.members, trip.headcount),
    budget: budget.text,
    budgetAmount: budget.amount,
    outcomes: trip.outcomes.map((o, i) => `${i + 1}. ${o.text}`),
  };
}

function themeSections(trips: readonly Trip[], themes: readonly OutcomeTheme[], themesOf: CouncilReportInput['themesOf']): ThemeSection[] {
  const known = new Set(themes.map((t) => t.id));
  const buckets = new Map<string, ThemeItem[]>();
  for (const trip of trips) {
    trip.outcomes.forEach((outcome, index) => {
      const ids = (themesOf?.(trip, index) ?? suggestThemes(outcome.text, themes)).filter((id) => known.has(id));
      // Each outcome is told once, under its first theme, so the narrative does not repeat itself.
      const id = ids[0] ?? OTHER_THEME.id;
      const item = { tripId: trip.id, tripTitle: trip.title, tripDates: formatRocDateRange(trip.start, trip.end), text: outcome.text };
      const bucket = buckets.get(id);
      if (bucket) bucket.push(item);
      else buckets.set(id, [item]);
    });
  }
  const ordered = [...themes.map((t) => ({ id: t.id, zh: t.zh })), OTHER_THEME].filter((t) => buckets.has(t.id));
  return ordered.map((t, i) => ({ themeId: t.id, heading: `(${formatChineseCount(i + 1)}) ${t.zh}`, items: buckets.get(t.id) ?? [] }));
}

function figuresOf(trips: readonly Trip[], rows: readonly SummaryRow[], selection: ReportSelection): ReportFigures {
  const starts = trips.map((t) => t.start).sort();
  const ends = trips.map((t) => t.end).sort();
  const settledTotal = trips.reduce((sum, t) => sum + (t.budget.status === 'settled' ? (budgetCell(t.budget).amount ?? 0) : 0), 0);
  return {
    periodFrom: selection.from ?? starts[0] ?? '',
    periodTo: selection.to ?? ends[ends.length - 1] ?? '',
    tripCount: trips.length,
    tableTripCount: rows.length,
    pendingCount: trips.filter((t) => t.budget.status === 'pending').length,
    settlingCount: trips.filter((t) => t.budget.status === 'settling').length,
    settledTotal,
    countryCount: new Set(trips.flatMap((t) => t.destinations.map((d) => d.countryCode ?? d.country))).size,
    outcomeCount: trips.reduce((n, t) => n + t.outcomes.length, 0),
  };
}

/** The values `{{name}}` placeholders in the templates can take. */
export function templateValues(figures: ReportFigures, settings: CouncilReportSettings): Record<string, string> {
  return {
    periodFrom: formatRocDate(figures.periodFrom, 'long'),
    periodTo: formatRocDate(figures.periodTo, 'long'),
    tripCount: String(figures.tripCount),
    tableTripCount: String(figures.tableTripCount),
    pendingCount: String(figures.pendingCount),
    settlingCount: String(figures.settlingCount),
    settledTotal: formatTwdAmount(figures.settledTotal),
    countryCount: String(figures.countryCount),
    outcomeCount: String(figures.outcomeCount),
    budgetSeries: budgetSeriesSentence(settings.budgetSeries),
    tableTitle: settings.tableTitle,
    government: settings.government,
    agency: settings.agency,
  };
}

/**
 * Builds the council project report (專案報告) from trip records: cover, contents, the secretariat's
 * introduction, one section per outcome theme, the closing with the budget series, and the summary
 * table with footnotes for trips whose figures are still being compiled.
 */
export function buildCouncilReport(input: CouncilReportInput): { ok: true; model: CouncilReportModel } | { ok: false; problems: ReportProblem[] } {
  const { settings } = input;
  const selected = selectReportTrips(input.trips, input.selection);
  // Trips still being compiled have no figures or outcomes to show, so they go to a footnote, as in the seed.
  const pending = selected.filter((t) => t.budget.status === 'pending' && t.outcomes.length === 0);
  const tableTrips = selected.filter((t) => !pending.includes(t));
  const rows = tableTrips.map(summaryRow);
  const figures = figuresOf(selected, rows, input.selection);
  const values = templateValues(figures, settings);

  const problems: ReportProblem[] = [];
  const fill = (field: keyof CouncilReportTemplates): string[] => {
    const filled = fillTemplate(input.templates[field], values);
    if (filled.ok) return filled.paragraphs;
    for (const p of filled.problems) problems.push({ field, message: `${field}: ${p.message}`, messageZh: `${field === 'introduction' ? '前言' : '結語'}範本：${p.messageZh}` });
    return [];
  };
  const introduction = fill('introduction');
  const closing = fill('closing');
  if (problems.length > 0) return { ok: false, problems };

  const sectionsHeading = `二、${settings.sectionsHeading}`;
  return {
    ok: true,
    model: {
      cover: {
        council: settings.council,
        title: settings.title,
        government: settings.government,
        agency: settings.agency,
        presenter: settings.presenter,
        date: `中華民國 ${formatRocDate(settings.reportDate, 'long').replace(/^(\d+)年(\d+)月(\d+)日$/, '$1 年 $2 月 $3 日')}`,
      },
      toc: [
        { id: 'introduction', label: '一、前言' },
        { id: 'outcomes', label: sectionsHeading },
        { id: 'closing', label: '三、結語' },
        { id: 'table', label: `表：${settings.tableTitle}` },
      ],
      introduction: { heading: '一、前言', paragraphs: introduction },
      outcomes: { heading: sectionsHeading, sections: themeSections(tableTrips, input.themes ?? DEFAULT_OUTCOME_THEMES, input.themesOf) },
      closing: {
        heading: '三、結語',
        paragraphs: closing,
        budgetSeries: [...settings.budgetSeries].sort((a, b) => a.rocYear - b.rocYear).map((y) => ({ year: `${y.rocYear} 年`, amount: formatTwdAmount(y.amount) })),
      },
      table: { title: settings.tableTitle, columns: SUMMARY_TABLE_COLUMNS, rows, footnotes: pending.map(pendingTripFootnote) },
      figures,
    },
  };
}
