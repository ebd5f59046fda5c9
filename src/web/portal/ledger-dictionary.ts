import type { LEDGER_CSV_COLUMNS } from '#app/domain/export/trip-ledger-csv.ts';

type Column = (typeof LEDGER_CSV_COLUMNS)[number];

/**
 * What each column of the open-data CSV means, in both languages. Keyed by the export's own
 * column list, so adding a column to the CSV without describing it here fails the type check.
 */
export const LEDGER_DICTIONARY: Record<Column, { zh: string; en: string }> = {
  id: { zh: '案件識別碼（不變）', en: 'Stable identifier of the trip' },
  title: { zh: '因公出國計畫名稱', en: 'Title of the trip plan' },
  start: { zh: '出國日期（起），西元 YYYY-MM-DD', en: 'First day, ISO 8601 date' },
  end: { zh: '出國日期（迄），西元 YYYY-MM-DD', en: 'Last day, ISO 8601 date' },
  start_roc: { zh: '出國日期（起），民國年', en: 'First day in the ROC calendar' },
  end_roc: { zh: '出國日期（迄），民國年', en: 'Last day in the ROC calendar' },
  countries: { zh: '出國國家，以「 | 」分隔', en: 'Countries, separated by " | "' },
  country_codes: { zh: 'ISO 3166-1 二碼國家代碼，順序同 countries', en: 'ISO 3166-1 alpha-2 codes, in the order of countries' },
  cities: { zh: '出國城市，以「 | 」分隔', en: 'Cities, separated by " | "' },
  members: { zh: '出國人員（職稱＋姓名），以「 | 」分隔', en: 'Delegation members (job title and name), separated by " | "' },
  headcount: { zh: '出國總人數（如「等七人」為 7），可多於列名人數', en: 'Stated delegation size (等七人 = 7); may exceed the names listed' },
  budget_estimate: { zh: '計畫預估經費（新臺幣元）', en: 'Cost estimate in the plan (TWD)' },
  budget_approved: { zh: '核定經費（新臺幣元）', en: 'Approved amount (TWD)' },
  budget_actual: { zh: '核銷實支經費（新臺幣元）；未核銷者空白', en: 'Settled actual cost (TWD); empty until settled' },
  settlement_status: { zh: '經費狀態：planned 規劃中、settling 核銷中、settled 已核銷、pending 尚待彙整', en: 'Cost status: planned, settling, settled, pending (figures not yet compiled)' },
  outcome_count: { zh: '成效項目數', en: 'Number of outcome items' },
  outcomes: { zh: '出國成效，編號後以「 | 」分隔', en: 'Outcomes, numbered and separated by " | "' },
  source_document: { zh: '資料來源文件檔名', en: 'File name of the source document' },
  source_line: { zh: '資料來源文件中的行號', en: 'Line in the source document' },
  updated_at: { zh: '最後更新時間（UTC，ISO 8601）', en: 'Last change (UTC, ISO 8601)' },
};
