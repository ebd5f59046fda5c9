// Time and peak memory of GET /api/v1/analytics/summary on a prepared ledger, in process
// (app.inject, the whole route: visibility, reading, summing, serialising). Use a copy of the
// cached bench ledger so nothing else is disturbed, and bundle the script as the product is
// bundled (esbuild, packages external) so no TypeScript loader's memory is counted:
//   cp .tmp/bench/ml_bench_v2_100000_s20180511.db /tmp/summary-bench/ledger100k.db
//   npx esbuild bench/analytics-summary-bench.ts --bundle --platform=node --format=esm --target=node20 \
//     --packages=external --define:__ML_BUILD_ID__='"summarybench"' --outfile=.tmp/summary-bench.mjs
//   /usr/bin/time -f 'wall %e s, maxrss %M KB' node .tmp/summary-bench.mjs /tmp/summary-bench/ledger100k.db [--staff] [--repeats N] [query ...]
// (`npx tsx bench/analytics-summary-bench.ts …` works too, with ~100 MB more for the loader.)
// Each query is the query string of one request (e.g. `year=2019`, `theme=tourism`); none: the
// unfiltered summary. --staff sends the admin token (every trip; no public-answer cache). The
// digest is of the answer with sorted keys, to compare answers before and after a change.
import { createHash } from 'node:crypto';
import { buildApp } from '#app/server/app.ts';
import { openStore } from '#app/store/open-database.ts';

const TOKEN = 'bench-token-not-used-0123456789';
const args = process.argv.slice(2);
const target = args.shift();
if (!target) throw new Error('usage: analytics-summary-bench.ts <database> [--staff] [--repeats N] [query ...]');
let staff = false;
let repeats = 1;
const queries: string[] = [];
while (args.length) {
  const arg = args.shift()!;
  if (arg === '--staff') staff = true;
  else if (arg === '--repeats') repeats = Number(args.shift());
  else queries.push(arg);
}
if (queries.length === 0) queries.push('');

let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

const store = await openStore(target);
const app = await buildApp({ store, config: { ADMIN_TOKEN: TOKEN } });
await app.ready();
process.stdout.write(`ready, rss ${mb(process.memoryUsage().rss)}\n`);
for (const query of queries) {
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    const res = await app.inject({ url: `/api/v1/analytics/summary${query ? `?${query}` : ''}`, headers: staff ? { authorization: `Bearer ${TOKEN}` } : {} });
    const ms = performance.now() - started;
    peak = Math.max(peak, process.memoryUsage().rss);
    const body = res.json() as { trips: number; outcomes: number; totalCost: number };
    // A digest of the canonical result (keys sorted), to compare before and after.
    const canonical = JSON.stringify(res.json(), (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));
    const digest = createHash('sha256').update(canonical).digest('hex').slice(0, 12);
    process.stdout.write(
      `${staff ? 'staff ' : 'public'} ${(query || '(no filter)').padEnd(28)} ${res.statusCode} ${ms.toFixed(0).padStart(7)} ms  trips ${body.trips} outcomes ${body.outcomes} cost ${body.totalCost}  digest ${digest}  rss now ${mb(process.memoryUsage().rss)}, peak ${mb(peak)}\n`,
    );
  }
}
clearInterval(sampler);
process.stdout.write(`peak rss (sampled) ${mb(Math.max(peak, process.memoryUsage().rss))}, max rss (getrusage) ${mb(process.resourceUsage().maxRSS * 1024)}\n`);
await app.close();
await store.close();
