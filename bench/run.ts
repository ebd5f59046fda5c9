// `npm run bench [-- --sizes 1000,10000 --databases sqlite,postgres --seconds 10 --connections 200 --fresh]`
// Builds (or reuses) synthetic ledgers, loads the API with autocannon on loopback beside a bare
// Fastify route serving the same bytes, compares indexed search with a LIKE scan, and prints
// one table per figure with the machine noted. Not part of `npm test`: timings vary by machine.
import { spawn, type ChildProcess } from 'node:child_process';
import { build } from 'esbuild';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { buildApp } from '#app/server/app.ts';
import { openStore } from '#app/store/open-database.ts';
import { BENCH_DATA_DIR, postgresAdminUrl, prepareBenchDatabase } from '#bench/bench-database.ts';
import { measureLoad, type LoadResult } from '#bench/http-load.ts';
import { compareSearchWithScan, type SearchComparison } from '#bench/search-vs-scan.ts';
import { DEFAULT_SEED, syntheticTrip } from '#bench/synthetic-ledger.ts';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    databases: { type: 'string', default: 'sqlite,postgres' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '200' },
    repeats: { type: 'string', default: '15' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    fresh: { type: 'boolean', default: false },
    'prepare-only': { type: 'boolean', default: false },
  },
});
const sizes = args.sizes.split(',').map((s) => Number(s.replace(/_/g, '')));
const databases = args.databases.split(',') as ('sqlite' | 'postgres')[];
const seconds = Number(args.seconds);
const connections = Number(args.connections);
const repeats = Number(args.repeats);
const seed = Number(args.seed);
if (sizes.some((s) => !Number.isInteger(s) || s < 1) || databases.some((d) => d !== 'sqlite' && d !== 'postgres') || !(seconds > 0) || !(connections > 0)) {
  process.stderr.write('usage: npm run bench -- [--sizes 1000,10000,100000] [--databases sqlite,postgres] [--seconds 10] [--connections 200] [--repeats 15] [--fresh] [--prepare-only]\n');
  process.exit(2);
}
const log = (line: string) => process.stderr.write(`${line}\n`);

/** `kept`: anonymous answers kept per ledger revision (the default); `computed`: PUBLIC_CACHE_MB=0, every request does the work. */
type CacheMode = 'kept' | 'computed';
const MODES: readonly CacheMode[] = ['kept', 'computed'];

interface EndpointFigure {
  database: string;
  size: number;
  mode: CacheMode;
  endpoint: string;
  url: string;
  /** Bytes on the wire (gzip'd when large, as a browser gets them) and of the JSON itself. */
  bytes: { sent: number; json: number; encoding: string };
  api: LoadResult;
  bare: LoadResult;
  /** 1-minute load average just after the pair of runs: above ~2.5 on 2 cores, something else ran. */
  load: number;
}
interface ServerFigures {
  mode: CacheMode;
  idleRssMb: number;
  rssMb: number;
  peakRssMb: number;
  /** Times of sequential requests to the analytics endpoint. */
  analyticsMs: number[];
  /** Peak RSS once the analytics requests have run. */
  analyticsPeakRssMb: number;
}
interface SizeFigures {
  database: string;
  size: number;
  loadSeconds: number | null;
  servers: ServerFigures[];
  search: SearchComparison[];
}

/** The URLs measured: a filtered page of the list, a search, one trip, and an analytics endpoint when the app has one. */
async function endpointsFor(target: string, size: number): Promise<Record<string, string>> {
  const store = await openStore(target);
  try {
    const app = await buildApp({ store, config: { ADMIN_TOKEN: 'bench-token-not-used-0123456789' } });
    await app.ready();
    const paths = Object.entries((app.swagger() as { paths?: Record<string, Record<string, unknown>> }).paths ?? {});
    // The ledger summary when the app has it, else the first analytics GET without a parameter.
    const analyticsPaths = paths.filter(([path, ops]) => path.startsWith('/api/v1/analytics') && !path.includes('{') && 'get' in ops).map(([path]) => path);
    const analytics = analyticsPaths.find((p) => p.endsWith('/summary')) ?? analyticsPaths[0];
    // A trip the public may read, from the middle of the public list.
    const publicPage = (await app.inject({ url: `/api/v1/trips?sort=title&limit=1&offset=${Math.floor(size / 4)}` })).json() as { items: { id: string }[] };
    await app.close();
    const middle = publicPage.items[0];
    if (!middle) throw new Error(`no public trip in the ${size}-trip ledger`);
    return {
      list: '/api/v1/trips?country=JP&sort=-cost&limit=20&offset=20',
      search: `/api/v1/trips?q=${encodeURIComponent('名古屋')}&limit=20`,
      trip: `/api/v1/trips/${middle.id}`,
      ...(analytics ? { analytics } : {}),
    };
  } finally {
    await store.close();
  }
}

/** Settings of the server under load: no rate limit (autocannon is one client address), loopback only, request logs off. */
const SERVER_ENV = { HOST: '127.0.0.1', PORT: '0', RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'warn', SEED_ON_EMPTY: 'false', TRUST_PROXY: 'false' } as const;
let serverSettings = '';

/**
 * The bench server bundled as `mission-ledger` itself is (scripts/build.js: esbuild, packages
 * external), so the server under load and its memory are the production code's, not tsx's.
 */
async function bundleBenchServer(): Promise<string> {
  const outfile = join(BENCH_DATA_DIR, 'bench-server.mjs');
  await build({
    entryPoints: ['bench/bench-server.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'warning',
    define: { __ML_BUILD_ID__: JSON.stringify(`bench${Date.now().toString(36)}`) },
  });
  return outfile;
}

async function startServer(bundle: string, target: string, endpoints: Record<string, string>, mode: CacheMode): Promise<{ child: ChildProcess; api: string; bare: string; bytes: Record<string, EndpointFigure['bytes']> }> {
  const env = { ...process.env, ...SERVER_ENV, PUBLIC_CACHE_MB: mode === 'kept' ? '32' : '0', DATABASE_URL: target, ADMIN_TOKEN: 'bench-token-not-used-0123456789' };
  const child = spawn(process.execPath, [bundle, JSON.stringify(endpoints)], { stdio: ['ignore', 'pipe', 'inherit'], env });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const info = JSON.parse(line) as { api: string; bare: string; bytes: Record<string, EndpointFigure['bytes']>; settings: Record<string, unknown> };
  serverSettings = Object.entries(info.settings).map(([k, v]) => `${k}=${String(v)}`).join(' ');
  log(`server settings: ${serverSettings} (API on ${info.settings.HOST}:${info.api}, bare route on :${info.bare})`);
  return { child, api: `http://127.0.0.1:${info.api}`, bare: `http://127.0.0.1:${info.bare}`, bytes: info.bytes };
}

function memoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

async function machine(): Promise<string> {
  const cpu = cpus();
  let postgres = 'not measured';
  if (databases.includes('postgres')) {
    const store = await openStore(postgresAdminUrl()).catch(() => null);
    if (store) {
      postgres = (await sql<{ v: string }>`show server_version`.execute(store.db)).rows[0]?.v ?? '?';
      await store.close();
    }
  }
  const sqliteVersion = new SQLite(':memory:').prepare('select sqlite_version() as v').get() as { v: string };
  return `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, SQLite ${sqliteVersion.v}, PostgreSQL ${postgres}; load generator and server share the machine (loopback)`;
}

if (args['prepare-only']) {
  for (const database of databases) for (const size of sizes) await prepareBenchDatabase(database, size, { fresh: args.fresh, seed, log });
  process.exit(0);
}

const loadAverage = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const loadBefore = loadAverage();
const endpointFigures: EndpointFigure[] = [];
const sizeFigures: SizeFigures[] = [];
const machineNote = await machine();
log(`machine: ${machineNote}`);

const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));
const bundle = await bundleBenchServer();
for (const database of databases) {
  for (const size of sizes) {
    const { target, loadSeconds } = await prepareBenchDatabase(database, size, { fresh: args.fresh, seed, log });
    const endpoints = await endpointsFor(target, size);
    // The bench server fetches each load endpoint's body for its bare twin; not the analytics one.
    const { analytics: _analytics, ...loadEndpoints } = endpoints;
    const servers: ServerFigures[] = [];
    for (const mode of MODES) {
      const server = await startServer(bundle, target, loadEndpoints, mode);
      // Resident memory once started and before any load: the runtime and the app's code.
      const idle = memoryMb(server.child.pid!);
      try {
        for (const [endpoint, url] of Object.entries(loadEndpoints)) {
          log(`${database} ${size} ${mode}: ${endpoint} ${url}`);
          await measureLoad(server.api + url, { connections, seconds: 1 });
          // The warm-up leaves up to `connections` requests queued in the server; let them drain
          // so the measured run does not start behind them (it showed as a p99 of seconds).
          await settle();
          const api = await measureLoad(server.api + url, { connections, seconds });
          await settle();
          const bare = await measureLoad(`${server.bare}/bare/${endpoint}`, { connections, seconds });
          await settle();
          endpointFigures.push({ database, size, mode, endpoint, url, bytes: server.bytes[endpoint] ?? { sent: 0, json: 0, encoding: 'identity' }, api, bare, load: loadavg()[0]! });
        }
        const memory = memoryMb(server.child.pid!);
        // One request at a time: with answers kept, the first computes and the others are kept.
        let analyticsMs: number[] = [];
        if (endpoints.analytics) {
          log(`${database} ${size} ${mode}: analytics ${endpoints.analytics} (3 requests, one at a time)`);
          for (let i = 0; i < 3; i++) {
            const started = performance.now();
            const res = await fetch(server.api + endpoints.analytics);
            await res.arrayBuffer();
            analyticsMs.push(performance.now() - started);
            if (!res.ok) analyticsMs = [Number.NaN];
          }
        }
        const afterAnalytics = memoryMb(server.child.pid!);
        servers.push({ mode, idleRssMb: idle.rss, rssMb: memory.rss, peakRssMb: memory.peak, analyticsMs, analyticsPeakRssMb: afterAnalytics.peak });
      } finally {
        server.child.kill('SIGTERM');
        if (server.child.exitCode === null) await new Promise((resolve) => server.child.once('exit', resolve));
      }
    }
    const store = await openStore(target);
    const person = syntheticTrip(Math.floor(size / 3), seed).members?.[0]?.name ?? '林佳龍';
    const search = await compareSearchWithScan(store.db, [person, '名古屋', '樹城', 'NVIDIA', '姊妹市', '智慧城市', '花博'], repeats);
    await store.close();
    sizeFigures.push({ database, size, loadSeconds, servers, search });
  }
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const f0 = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');
const out: string[] = [];
out.push(`Machine: ${machineNote}. Requests as a browser sends them (accept-encoding: gzip), ${connections} connections, ${seconds} s per run, ${new Date().toISOString().slice(0, 10)}. Server settings: ${serverSettings}. Load average before / after: ${loadBefore} / ${loadAverage()}.`, '');
out.push('| db | trips | answers | endpoint | bytes sent / JSON | p50 ms | p95 ms | p99 ms | req/s | bare p50 | bare p95 | bare p99 | bare req/s | req/s ÷ bare | failures | load |', '|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const e of endpointFigures) {
  out.push(`| ${e.database} | ${f0(e.size)} | ${e.mode} | ${e.endpoint} | ${f0(e.bytes.sent)} / ${f0(e.bytes.json)} | ${f1(e.api.p50)} | ${f1(e.api.p95)} | ${f1(e.api.p99)} | ${f0(e.api.requestsPerSecond)} | ${f1(e.bare.p50)} | ${f1(e.bare.p95)} | ${f1(e.bare.p99)} | ${f0(e.bare.requestsPerSecond)} | ${(e.api.requestsPerSecond / e.bare.requestsPerSecond).toFixed(3)} | ${e.api.failures + e.bare.failures} | ${e.load.toFixed(1)} |`);
}
out.push('', '| db | trips | query | matches (index / LIKE) | indexed ms | LIKE scan ms | speed-up |', '|---|---:|---|---:|---:|---:|---:|');
for (const s of sizeFigures) {
  for (const c of s.search) out.push(`| ${s.database} | ${f0(s.size)} | ${c.query} | ${c.indexedTotal} / ${c.scanTotal} | ${c.indexedMs.toFixed(2)} | ${c.scanMs.toFixed(2)} | ${c.speedup.toFixed(1)}× |`);
}
out.push('', '| db | trips | answers | build s | server RSS idle MB | server RSS after load MB | peak RSS MB | analytics summary ms (3 sequential) | peak RSS after analytics MB |', '|---|---:|---|---:|---:|---:|---:|---|---:|');
for (const s of sizeFigures) {
  for (const v of s.servers) out.push(`| ${s.database} | ${f0(s.size)} | ${v.mode} | ${s.loadSeconds === null ? 'cached' : f1(s.loadSeconds)} | ${f0(v.idleRssMb)} | ${f0(v.rssMb)} | ${f0(v.peakRssMb)} | ${v.analyticsMs.map(f0).join(' / ') || '–'} | ${f0(v.analyticsPeakRssMb)} |`);
}
process.stdout.write(`${out.join('\n')}\n`);
mkdirSync(BENCH_DATA_DIR, { recursive: true });
const file = join(BENCH_DATA_DIR, `results-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ machine: machineNote, serverSettings, loadBefore, loadAfter: loadAverage(), connections, seconds, seed, endpointFigures, sizeFigures }, null, 2));
log(`results saved to ${file}`);
