// The process under load: the real server, started as `mission-ledger serve` starts it
// (loadConfig + startServer), and a bare Fastify on another port whose routes return, as static
// strings, the very bodies the app gives for the measured URLs. Started by run.ts as a child
// process so the load generator does not share its event loop. Settings come from the
// environment run.ts sets (RATE_LIMIT_PER_MINUTE=0, HOST=127.0.0.1, PORT=0, LOG_LEVEL=warn,
// SEED_ON_EMPTY=false, PUBLIC_CACHE_MB=32 or 0) and are echoed back. run.ts bundles it with
// esbuild as the product is bundled, so no TypeScript loader runs under load.
//
//   DATABASE_URL=<database> node .tmp/bench/bench-server.mjs '<{"name": "/api/v1/…"}>'
// prints one JSON line: {"api": port, "bare": port, "bytes": {name: body size}, "settings": {…}}.
import Fastify from 'fastify';
import { loadConfig } from '#app/server/config.ts';
import { startServer } from '#app/server/start-server.ts';
import { BROWSER_HEADERS } from '#bench/http-load.ts';

const [endpointsJson] = process.argv.slice(2);
if (!endpointsJson) {
  process.stderr.write('usage: DATABASE_URL=<database> bench-server.ts <endpoints json>\n');
  process.exit(2);
}
const endpoints = JSON.parse(endpointsJson) as Record<string, string>;
const config = loadConfig(process.env);
const { app, url: api } = await startServer(config);
// The bare twin answers with the very bytes and encoding a browser gets from the app (gzip'd
// when large), so the two runs move the same data.
const bodies: Record<string, { bytes: Buffer; encoding: string | undefined; jsonBytes: number }> = {};
for (const [name, url] of Object.entries(endpoints)) {
  const res = await app.inject({ url, headers: { ...BROWSER_HEADERS } });
  if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
  const encoding = res.headers['content-encoding'] as string | undefined;
  const jsonBytes = (await app.inject({ url })).rawPayload.length;
  bodies[name] = { bytes: res.rawPayload, encoding, jsonBytes };
}

const bare = Fastify({ logger: false });
for (const [name, body] of Object.entries(bodies)) {
  bare.get(`/bare/${name}`, (_request, reply) => {
    reply.type('application/json; charset=utf-8');
    if (body.encoding) reply.header('content-encoding', body.encoding);
    return reply.send(body.bytes);
  });
}
const bareUrl = await bare.listen({ port: 0, host: config.HOST });
process.once('SIGTERM', () => void bare.close());

const bytes = Object.fromEntries(Object.entries(bodies).map(([name, body]) => [name, { sent: body.bytes.length, json: body.jsonBytes, encoding: body.encoding ?? 'identity' }]));
const settings = { HOST: config.HOST, PORT: config.PORT, RATE_LIMIT_PER_MINUTE: config.RATE_LIMIT_PER_MINUTE, LOG_LEVEL: config.LOG_LEVEL, SEED_ON_EMPTY: config.SEED_ON_EMPTY, TRUST_PROXY: config.TRUST_PROXY, PUBLIC_CACHE_MB: config.PUBLIC_CACHE_MB };
process.stdout.write(`${JSON.stringify({ api: new URL(api).port, bare: new URL(bareUrl).port, bytes, settings })}\n`);

// BENCH_MEMORY_LOG=1: the heap's share of the resident memory, every 2 s, on stderr.
if (process.env.BENCH_MEMORY_LOG) {
  setInterval(() => {
    const m = process.memoryUsage();
    const mb = (n: number) => (n / 2 ** 20).toFixed(0);
    process.stderr.write(`memory: rss ${mb(m.rss)} heapTotal ${mb(m.heapTotal)} heapUsed ${mb(m.heapUsed)} external ${mb(m.external)} arrayBuffers ${mb(m.arrayBuffers)} MB\n`);
  }, 2000).unref();
}
