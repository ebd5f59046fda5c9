// The process under load: the real app on one port and a bare Fastify on another, whose routes
// return, as static strings, the very bodies the app gives for the measured URLs. Started by
// run.ts as a child process so the load generator does not share its event loop.
//
//   tsx bench/bench-server.ts <database> '<{"name": "/api/v1/…"}>'
// prints one JSON line: {"api": port, "bare": port, "bytes": {name: body size}}.
import Fastify from 'fastify';
import { buildApp } from '#app/server/app.ts';
import { openStore } from '#app/store/open-database.ts';

const [target, endpointsJson] = process.argv.slice(2);
if (!target || !endpointsJson) {
  process.stderr.write('usage: bench-server.ts <database> <endpoints json>\n');
  process.exit(2);
}
const endpoints = JSON.parse(endpointsJson) as Record<string, string>;
const store = await openStore(target);
const app = await buildApp({ store, config: { ADMIN_TOKEN: 'bench-token-not-used-0123456789' } });
const bodies: Record<string, string> = {};
for (const [name, url] of Object.entries(endpoints)) {
  const res = await app.inject({ url });
  if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
  bodies[name] = res.body;
}
const api = await app.listen({ port: 0, host: '127.0.0.1' });

const bare = Fastify({ logger: false });
for (const [name, body] of Object.entries(bodies)) {
  bare.get(`/bare/${name}`, (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
}
const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

const bytes = Object.fromEntries(Object.entries(bodies).map(([name, body]) => [name, Buffer.byteLength(body)]));
process.stdout.write(`${JSON.stringify({ api: new URL(api).port, bare: new URL(bareUrl).port, bytes })}\n`);

process.once('SIGTERM', async () => {
  await bare.close();
  await app.close();
  await store.close();
  process.exit(0);
});
