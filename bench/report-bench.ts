// Report generation at scale: 1,000 synthetic trips (seed-like text, 3–11 outcomes each) through
// the model and every renderer, with wall time and peak memory per format. `npm run bench:report`.
import { performance } from 'node:perf_hooks';
import { trip as tripSchema, tripInput, WORKFLOW_FIELD_DEFAULTS, type Trip } from '#app/domain/trips/trip-schema.ts';
import { loadTemplates } from '#app/reports/report-templates.ts';
import { COUNCIL_REPORT_FORMATS, councilReportModel, DATA_FORMATS, DATASETS, renderCouncilReport, renderDataset } from '#app/reports/report-service.ts';

const COUNT = Number(process.env.REPORT_BENCH_TRIPS ?? 1000);
const PLACES = [
  { country: '日本', countryCode: 'JP', cities: ['東京', '名古屋'] },
  { country: '韓國', countryCode: 'KR', cities: ['首爾'] },
  { country: '荷蘭', countryCode: 'NL', cities: ['阿姆斯特丹'] },
  { country: '美國', countryCode: 'US', cities: ['聖荷西', '樹城'] },
  { country: '新加坡', countryCode: 'SG', cities: [] },
];
const OUTCOMES = [
  '拜會市長並簽署友好交流備忘錄，雙方在觀光、文化、教育等方面合作，深化兩市情誼。',
  '出席國際食品展，協助本市食品業者拓展海外市場，並行銷 2018 世界花博。',
  '參訪智慧機械大廠，促成工研院與業者簽訂合作備忘錄，協助本市產業升級。',
  '借鏡當地捷運與自行車道建設經驗，作為本市軌道經濟與綠色運輸規劃參考。',
  '招商成果：國際企業宣布擴廠並增聘人員，工作機會增加。',
];

function syntheticTrips(n: number): Trip[] {
  return Array.from({ length: n }, (_, i) => {
    const year = 2011 + (i % 12);
    const month = 1 + (i % 12);
    const start = `${year}-${String(month).padStart(2, '0')}-${String(1 + (i % 20)).padStart(2, '0')}`;
    const end = `${year}-${String(month).padStart(2, '0')}-${String(5 + (i % 20)).padStart(2, '0')}`;
    const status = i % 10 === 0 ? 'settling' : i % 37 === 0 ? 'pending' : 'settled';
    const actual = status === 'settled' ? 100_000 + ((i * 7919) % 2_000_000) : null;
    const input = tripInput.parse({
      title: `市長率團赴${PLACES[i % PLACES.length]!.country}進行市政交流合作案 第 ${i + 1} 案`,
      purpose: '行銷城市並參加國際會議',
      category: 'visit',
      organisingAgency: i % 3 === 0 ? '觀光旅遊局' : '秘書處',
      invitingBody: '',
      start,
      end,
      destinations: [PLACES[i % PLACES.length]!],
      members: [
        { name: '林佳龍', title: '市長', agency: '市政府', role: 'leader' },
        { name: `隨員${i}`, title: '局長', agency: '經濟發展局', role: 'member' },
      ],
      headcount: 2 + (i % 12),
      budget: { currency: 'TWD', estimate: null, approved: null, actual, status, estimateBreakdown: {}, actualBreakdown: actual ? { airfare: Math.round(actual * 0.4), lodging: Math.round(actual * 0.3), perDiem: Math.round(actual * 0.2), other: actual - Math.round(actual * 0.4) - Math.round(actual * 0.3) - Math.round(actual * 0.2) } : {} },
      outcomes: status === 'pending' ? [] : Array.from({ length: 3 + (i % 9) }, (_, k) => ({ text: OUTCOMES[(i + k) % OUTCOMES.length]! })),
      notes: '',
      source: null,
    });
    // Through the schemas, so the benchmark follows the trip record as it changes.
    return tripSchema.parse({ ...WORKFLOW_FIELD_DEFAULTS, ...input, id: `bench-${i}`, lifecycleState: 'settled', crossStrait: false, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', version: 1 });
  });
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

async function measure(label: string, work: () => Promise<Uint8Array> | Uint8Array): Promise<void> {
  const before = performance.now();
  const bytes = await work();
  const ms = performance.now() - before;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  console.log(`| ${label.padEnd(20)} | ${ms.toFixed(0).padStart(7)} ms | ${mb(bytes.byteLength).padStart(9)} | ${mb(peakRss).padStart(9)} |`);
}

const trips = syntheticTrips(COUNT);
const started = performance.now();
const model = councilReportModel(trips, { selection: {}, templates: loadTemplates(), settings: { reportDate: '2026-01-01' } });
console.log(`${COUNT} trips, ${model.table.rows.length} in the table, ${trips.reduce((n, t) => n + t.outcomes.length, 0)} outcomes; model in ${(performance.now() - started).toFixed(0)} ms\n`);
console.log('| output               |    time    |   size    | peak RSS  |\n| --- | --- | --- | --- |');
for (const format of COUNCIL_REPORT_FORMATS) await measure(`council ${format}`, async () => (await renderCouncilReport(model, format)).bytes);
for (const dataset of DATASETS) for (const format of DATA_FORMATS) await measure(`${dataset} ${format}`, () => renderDataset(dataset, trips, format).bytes);
clearInterval(sampler);
console.log(`\npeak RSS of the whole run: ${mb(peakRss)} (Chromium's own memory for the PDF is not included)`);
