import { DISCLOSURE_FIELDS, disclosureRecord, type DisclosureContext, type DisclosureValue } from '#app/domain/reports/disclosure-record.ts';
import { SUMMARY_TABLE_COLUMNS, summaryRow } from '#app/domain/reports/council-report-model.ts';
import type { Trip } from '#app/domain/trips/trip-schema.ts';

/** A spreadsheet cell: text, a whole number, or empty. */
export type CellValue = string | number | null;

/** A column: machine key (CSV header), human heading (spreadsheet header), kind of value and width in characters. */
export interface SheetColumn {
  key: string;
  header: string;
  type: 'text' | 'integer' | 'amount';
  width: number;
}

/** One table of data, the form every spreadsheet and CSV writer takes. */
export interface Sheet {
  name: string;
  columns: SheetColumn[];
  rows: CellValue[][];
}

/** Separator of list items inside one cell of a flat file. */
export const LIST_SEPARATOR = ' | ';

const AMOUNT_KEYS = new Set(['airfare', 'other_transport', 'lodging', 'meals_incidentals', 'registration', 'gifts_hospitality', 'other_expenses', 'total', 'budget_estimate', 'budget_approved']);
const WIDE_KEYS: Record<string, number> = { title: 40, purpose: 40, outcomes: 80, travellers: 40, report_summary: 60, keywords: 30, destination: 24 };

function flat(value: DisclosureValue): CellValue {
  return Array.isArray(value) ? value.join(LIST_SEPARATOR) : value;
}

/** The summary table as data: the seed's six columns plus the amount as a number, every selected trip a row. */
export function summarySheet(trips: readonly Trip[]): Sheet {
  const [title, dates, places, delegation, budget, outcomes] = SUMMARY_TABLE_COLUMNS;
  return {
    name: '一覽表',
    columns: [
      { key: 'title', header: title, type: 'text', width: 36 },
      { key: 'dates', header: dates, type: 'text', width: 16 },
      { key: 'places', header: places, type: 'text', width: 18 },
      { key: 'delegation', header: delegation, type: 'text', width: 28 },
      { key: 'budget', header: budget, type: 'text', width: 20 },
      { key: 'outcomes', header: outcomes, type: 'text', width: 80 },
      { key: 'budget_amount', header: '預算經費（元）', type: 'amount', width: 14 },
    ],
    rows: trips.map((trip) => {
      const row = summaryRow(trip);
      return [row.title, row.dates, row.places, row.delegation, row.budget, row.outcomes.join('\n'), row.budgetAmount];
    }),
  };
}

/** The full trip ledger as data, one row per trip, the columns of DISCLOSURE_FIELDS. */
export function ledgerSheet(trips: readonly Trip[], context: DisclosureContext = {}): Sheet {
  return {
    name: '出國案件',
    columns: DISCLOSURE_FIELDS.map((field) => ({
      key: field.key,
      header: field.label,
      type: AMOUNT_KEYS.has(field.key) ? 'amount' : field.type === 'integer' ? 'integer' : 'text',
      width: WIDE_KEYS[field.key] ?? (field.type === 'date' ? 12 : 14),
    })),
    rows: trips.map((trip) => {
      const record = disclosureRecord(trip, context);
      return DISCLOSURE_FIELDS.map((field) => flat(record[field.key] ?? null));
    }),
  };
}

/** The data dictionary as a sheet, shipped beside the ledger in spreadsheets. */
export function dictionarySheet(): Sheet {
  return {
    name: '欄位說明',
    columns: [
      { key: 'field', header: '欄位 field', type: 'text', width: 20 },
      { key: 'label', header: '名稱', type: 'text', width: 18 },
      { key: 'type', header: '型態 type', type: 'text', width: 10 },
      { key: 'zh', header: '說明', type: 'text', width: 50 },
      { key: 'en', header: 'Meaning', type: 'text', width: 60 },
      { key: 'origin', header: '依據 origin', type: 'text', width: 12 },
    ],
    rows: DISCLOSURE_FIELDS.map((d) => [d.key, d.label, d.type, d.zh, d.en, d.origin]),
  };
}
