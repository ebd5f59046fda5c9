// `npm run bench:import [-- --trips 10000 --format tsv|markdown|html --import]`
// Generates a council report of N trips in the seed's messy layout (a page break with a repeated
// header every 8 rows, one trip in three cut over the break mid-word, mid-number and mid-date,
// 萬 amounts, 核銷中, 等N人 headcounts, numbered outcomes), then measures parsing it (time and
// memory) and, with --import, storing it into a fresh SQLite file and importing it again.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseCouncilReport } from '#app/domain/import/council-report-parser.ts';
import { importDocument } from '#app/import/import-document.ts';
import { openStore } from '#app/store/open-database.ts';

const { values: args } = parseArgs({
  options: {
    trips: { type: 'string', default: '10000' },
    format: { type: 'string', default: 'tsv' },
    import: { type: 'boolean', default: false },
  },
});
const tripCount = Number(args.trips);
const format = args.format as 'tsv' | 'markdown' | 'html';

let seed = 42;
function random(n: number): number {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed % n;
}
const pick = <T>(list: readonly T[]): T => list[random(list.length)] as T;

const COUNTRIES = [['日本', '東京', '大阪'], ['韓國', '首爾', '釜山'], ['美國', '洛杉磯', '紐約'], ['德國', '柏林', '慕尼黑'], ['新加坡'], ['法國', '巴黎', '里昂']];
const TITLES = ['副市長', '秘書長', '觀旅局局長', '經發局局長', '新聞局局長', '交通局長'];
const FAMILY = ['王', '李', '陳', '林', '黃', '吳', '周', '蔡', '張', '劉'];
const GIVEN = ['大明', '小華', '志遠', '美玲', '建華', '文彥', '國榮', '淑惠', '俊傑', '怡君'];
const WORDS = ['參加', '城市', '交流', '論壇', '觀光', '推廣', '智慧', '產業', '考察', '市政', '國際', '合作'];
const CJK_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const HEADER = ['因公出國計畫名稱', '出國日期', '出國地點', '出國人員', '預算經費', '出國內容成效'];

function tripCells(i: number): string[] {
  // Trips in date order over thirteen years; the mayor leads one in ten, staff from a pool of 100 the rest.
  const start = new Date(Date.UTC(2011, 0, 1) + Math.floor((i * 4700) / tripCount) * 86_400_000);
  const year = start.getUTCFullYear() - 1911;
  const month = start.getUTCMonth() + 1;
  const day = Math.min(start.getUTCDate(), 20);
  const country = pick(COUNTRIES);
  const leader = i % 10 === 0 ? '市長林大同' : `${pick(TITLES)}${pick(FAMILY)}${pick(GIVEN)}`;
  const members = [leader, `${pick(TITLES)}${pick(FAMILY)}${pick(GIVEN)}`];
  const amount = 50_000 + random(3_000_000);
  const budget = random(10) === 0 ? '核銷中' : `新臺幣 ${Math.floor(amount / 10_000)} 萬 ${(amount % 10_000).toLocaleString('en-US')} 元`;
  const outcomes = [1, 2, 3].map((n) => `${n}. ${pick(WORDS)}${pick(WORDS)}，${pick(WORDS)}${pick(WORDS)}${pick(WORDS)}。`).join(' ');
  return [
    `第${i + 1}案市長率團赴${country[0]}${pick(WORDS)}${pick(WORDS)}案`,
    `${year}/${month}/${day}-${month}/${day + 1 + random(7)}`,
    `${country[0]}${country.slice(1).join('、')}`,
    `${members.join('、')}等${CJK_DIGITS[2 + random(7)]}人`,
    budget,
    outcomes,
  ];
}

function render(rows: (string[] | 'break')[]): string {
  const header = (cells: string[]) => (format === 'tsv' ? cells.join('\t') : format === 'markdown' ? `| ${cells.join(' | ')} |\n|${cells.map(() => '---').join('|')}|` : `<table><tr>${cells.map((c) => `<th>${c}</th>`).join('')}</tr>`);
  const row = (cells: string[]) => (format === 'tsv' ? cells.join('\t') : format === 'markdown' ? `| ${cells.join(' | ')} |` : `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`);
  const out = ['臺中市政府因公出國案件一覽表（基準測試用）', '', header(HEADER)];
  let page = 1;
  for (const r of rows) {
    if (r === 'break') out.push(...(format === 'html' ? ['</table>'] : []), '', `- ${page++} -`, '', header(HEADER.map((h) => `${h.slice(0, 2)} ${h.slice(2)}`)));
    else out.push(row(r));
  }
  if (format === 'html') out.push('</table>');
  return `${out.join('\n')}\n`;
}

const rows: (string[] | 'break')[] = [];
for (let i = 0; i < tripCount; i++) {
  const cells = tripCells(i);
  if (i % 8 === 7) {
    if (i % 3 === 0) {
      // Cut mid-cell: the first part of every cell above the break, the rest below.
      const at = cells.map((c) => Math.max(1, Math.floor(c.length * (0.3 + random(50) / 100))));
      rows.push(cells.map((c, k) => c.slice(0, at[k])), 'break', cells.map((c, k) => c.slice(at[k])));
    } else rows.push('break', cells);
  } else rows.push(cells);
}
const text = render(rows);

function mb(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
const started = performance.now();
const cpuBefore = process.cpuUsage();
const parsed = parseCouncilReport(text, { name: 'bench.txt', sha256: null });
const cpu = process.cpuUsage(cpuBefore);
const parseMs = performance.now() - started;
const heapAfter = process.memoryUsage().heapUsed;
peakRss = Math.max(peakRss, process.memoryUsage().rss);
clearInterval(sampler);

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
console.log(`document: ${tripCount} trips, ${format}, ${mb(Buffer.byteLength(text))}, ${text.split('\n').length} lines`);
console.log(`load average: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (wall time stretches when other processes share the CPU; CPU time does not)`);
console.log(
  `parse: ${(parseMs / 1000).toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU (${((parseMs * 1000) / tripCount).toFixed(0)} µs wall per trip), heap +${mb(heapAfter - heapBefore)}, peak RSS ${mb(peakRss)}`,
);
const wrong = parsed.trips.filter((t, i) => !t.title.startsWith(`第${i + 1}案`)).length;
console.log(`trips read: ${parsed.trips.length} (${wrong} out of place), warnings: ${parsed.warnings.length}, findings: ${parsed.findings.length}`);
if (parsed.trips.length !== tripCount || wrong > 0) process.exitCode = 1;

if (args.import) {
  const dir = mkdtempSync(join(tmpdir(), 'ml-import-bench-'));
  const store = await openStore(join(dir, 'ledger.db'));
  try {
    let t = performance.now();
    const first = await importDocument(store, text, 'bench.txt');
    console.log(`import into empty SQLite: ${((performance.now() - t) / 1000).toFixed(2)} s, ${first.created} created`);
    t = performance.now();
    const again = await importDocument(store, text, 'bench.txt');
    console.log(`import again (merge, no changes): ${((performance.now() - t) / 1000).toFixed(2)} s, ${again.created} created, ${again.unchanged} unchanged`);
    console.log(`peak RSS after import: ${mb(process.memoryUsage().rss)}`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
