import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Trip } from '#app/domain/trips/trip-schema.ts';
import { seedIfEmpty } from '#app/server/start-server.ts';
import { buildTripInput } from '#tests/support/trip-builder.ts';
import { createTestStore, DATABASE_KINDS, type TestStore } from '#tests/support/test-store.ts';

// Several server processes behind one database (docs/scaling.md): each process has its own pool
// and keeps answers only per the shared ledger revision, so a write through one is seen, and
// searchable, through the other at once, and the version check keeps concurrent edits from
// different processes safe.

const TOKEN = 'two-servers-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

interface Server {
  child: ChildProcess;
  url: string;
}

/** Starts `mission-ledger serve` on a free port and resolves with its address once it listens. */
function startServer(target: string, seedOnEmpty: boolean): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--db', target], {
    env: { ...process.env, ADMIN_TOKEN: TOKEN, LOG_LEVEL: 'warn', SEED_ON_EMPTY: String(seedOnEmpty), RATE_LIMIT_PER_MINUTE: '0' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    createInterface({ input: child.stderr! }).on('line', (line) => {
      output += `${line}\n`;
      const match = /running at (http:\/\/\S+)/.exec(line);
      if (match) resolve({ child, url: match[1]!.replace('localhost', '127.0.0.1') });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

function stop(server: Server | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.child.once('exit', () => resolve());
    server.child.kill('SIGTERM');
  });
}

// PostgreSQL only: a SQLite file is served by one process (docs/scaling.md); two processes
// writing one file meet SQLITE_BUSY on upgrading read transactions, which the API would report as 500s.
const kind = 'postgres' as const;

describe.skipIf(!DATABASE_KINDS.includes(kind))('two server processes on one PostgreSQL database', () => {
  let store: TestStore;
  let a: Server;
  let b: Server;

  beforeAll(async () => {
    // The deployment of docs/scaling.md: migrate and seed once, then start the processes
    // together with SEED_ON_EMPTY=false (seeding from several processes at once is not safe).
    store = await createTestStore(kind);
    expect(await seedIfEmpty(store, { info: () => {} })).toBe(14);
    [a, b] = await Promise.all([startServer(store.target, false), startServer(store.target, false)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([stop(a), stop(b)]);
    await store.cleanup();
  });

  const get = async (server: Server, path: string) => {
    const res = await fetch(server.url + path, { headers: auth });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('both serve the same ledger', async () => {
    const fromA = await get(a, '/api/v1/trips?limit=100&sort=start');
    const fromB = await get(b, '/api/v1/trips?limit=100&sort=start');
    expect(fromA.status).toBe(200);
    expect(fromA.body).toEqual(fromB.body);
    expect(fromA.body.total).toBe(14);
  });

  it('a trip written through one is read and found by search through the other', async () => {
    const res = await fetch(`${a.url}/api/v1/trips`, { method: 'POST', headers: auth, body: JSON.stringify(buildTripInput({ title: '赴芬蘭考察極光觀光行銷案' })) });
    expect(res.status).toBe(201);
    const created = (await res.json()) as Trip;
    expect((await get(b, `/api/v1/trips/${created.id}`)).body).toEqual(created);
    const found = await get(b, `/api/v1/trips?q=${encodeURIComponent('極光')}`);
    expect((found.body.items as Trip[]).map((t) => t.id)).toEqual([created.id]);
  });

  it('an anonymous answer kept by one process is dropped when the other writes', async () => {
    const anonymous = async (server: Server, path: string) => (await fetch(server.url + path)).json() as Promise<Trip & { items: Trip[] }>;
    const [first] = (await anonymous(b, '/api/v1/trips?sort=start&limit=1')).items;
    expect(first).toBeDefined();
    const path = `/api/v1/trips/${first!.id}`;
    const before = await anonymous(b, path);
    expect(await anonymous(b, path)).toEqual(before);
    const current = (await get(a, path)).body as unknown as Trip;
    const patched = await fetch(a.url + path, { method: 'PATCH', headers: auth, body: JSON.stringify({ version: current.version, outcomes: [...current.outcomes, { text: '另一程序寫入的新成果。' }] }) });
    expect(patched.status, await patched.clone().text()).toBe(200);
    const after = await anonymous(b, path);
    expect(after.outcomes.map((o) => o.text)).toContain('另一程序寫入的新成果。');
    expect(after.outcomes).toHaveLength(before.outcomes.length + 1);
  });

  it('of edits racing through both processes on one version, exactly one wins', async () => {
    const res = await fetch(`${b.url}/api/v1/trips`, { method: 'POST', headers: auth, body: JSON.stringify(buildTripInput({ title: '跨程序併發修改測試案' })) });
    const created = (await res.json()) as Trip;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        fetch(`${(i % 2 ? a : b).url}/api/v1/trips/${created.id}`, { method: 'PATCH', headers: auth, body: JSON.stringify({ version: created.version, notes: `writer ${i}` }) }),
      ),
    );
    const codes = results.map((r) => r.status).sort();
    const bodies = await Promise.all(results.map((r) => r.text()));
    expect(codes, bodies.join('\n')).toHaveLength(8);
    expect(codes.filter((c) => c !== 200 && c !== 409), bodies.filter((_, i) => ![200, 409].includes(codes[i]!)).join('\n')).toEqual([]);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(7);
    const final = (await get(a, `/api/v1/trips/${created.id}`)).body as unknown as Trip;
    expect(final.version).toBe(created.version + 1);
    expect((await get(b, `/api/v1/trips/${created.id}`)).body).toEqual(final);
  });
});
