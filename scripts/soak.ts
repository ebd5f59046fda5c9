// Bounded soak test on loopback: many connections over a mix of reads and writes for a fixed
// time, then checks zero errors and no memory growth. Not part of `npm test` (it is timed);
// run with `npm run soak -- --duration 60 --connections 200`. Results go to stdout as JSON.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { buildTripInput } from '#tests/support/trip-builder.ts';
import { startServerProcess } from '#tests/support/server-process.ts';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

const duration = flag('duration', 60);
const connections = flag('connections', 200);
const token = 'soak-test-token-0123456789abcdef';
const dir = mkdtempSync(join(tmpdir(), 'ml-soak-'));
const server = await startServerProcess({ DATABASE_URL: join(dir, 'soak.db'), ADMIN_TOKEN: token, ATTACHMENTS_DIR: join(dir, 'files') });
const pid = server.child.pid ?? 0;
const samples: { t: number; rss: number }[] = [];
const started = Date.now();
const sampler = setInterval(() => samples.push({ t: (Date.now() - started) / 1000, rss: rssMb(pid) }), 2000);
let n = 0;
const result = await autocannon({
  url: server.url,
  connections,
  duration,
  requests: [
    { method: 'GET', path: '/api/v1/trips?limit=20' },
    { method: 'GET', path: `/api/v1/trips?q=${encodeURIComponent('花博')}` },
    { method: 'GET', path: '/api/v1/trips?country=JP&year=2017' },
    {
      method: 'POST',
      path: '/api/v1/trips',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      setupRequest: (req) => ({ ...req, body: JSON.stringify(buildTripInput({ title: `壓力測試出國案 ${n++}` })) }),
    },
  ],
});
clearInterval(sampler);
// New trips are drafts, which only staff see; count them as the administrator.
const count = (await (await fetch(`${server.url}/api/v1/trips?limit=1&q=${encodeURIComponent('壓力測試')}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { total: number };
await server.stop();
rmSync(dir, { recursive: true, force: true });

const warm = samples.filter((s) => s.t >= duration * 0.3);
const first = warm[0]?.rss ?? 0;
const last = warm.at(-1)?.rss ?? 0;
const summary = {
  machine: `${process.platform} ${process.arch}, node ${process.version}`,
  duration,
  connections,
  requests: result.requests.total,
  requestsPerSecond: Math.round(result.requests.average),
  latencyMs: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99 },
  errors: result.errors,
  timeouts: result.timeouts,
  non2xx: result.non2xx,
  writesAcknowledgedAndStored: count.total,
  rssMb: { afterWarmUp: Math.round(first), atEnd: Math.round(last), max: Math.round(Math.max(...samples.map((s) => s.rss))) },
  memoryGrowthPercent: first > 0 ? Math.round(((last - first) / first) * 100) : null,
};
console.log(JSON.stringify(summary, null, 2));
const ok = result.errors === 0 && result.timeouts === 0 && result.non2xx === 0 && (summary.memoryGrowthPercent ?? 0) < 20;
console.log(ok ? 'soak: PASS' : 'soak: FAIL');
process.exit(ok ? 0 : 1);
