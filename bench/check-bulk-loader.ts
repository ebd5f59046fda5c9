// Checks the bulk loader writes what the repository writes: same API answers, ids aside.
import { rmSync } from 'node:fs';
import { buildApp } from '#app/server/app.ts';
import { openStore } from '#app/store/open-database.ts';
import { loadSyntheticLedger, loadSyntheticLedgerThroughRepository } from '#bench/bench-database.ts';
// npx tsx bench/check-bulk-loader.ts  (prints EQUAL when the two ledgers answer alike)
const n = 400;
const out: string[] = [];
for (const [name, load] of [['repo', loadSyntheticLedgerThroughRepository], ['bulk', loadSyntheticLedger]] as const) {
  const path = `/tmp/equiv-${name}.db`;
  for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
  const store = await openStore(path);
  await (load as any)(store, n);
  const app = await buildApp({ store, config: { ADMIN_TOKEN: 'x'.repeat(20) } });
  let text = '';
  for (const url of ['/api/v1/trips?limit=100&sort=title', '/api/v1/trips?q=名古屋&limit=100', '/api/v1/trips?q=花博&limit=100', '/api/v1/trips?country=JP&sort=-cost&limit=50', '/api/v1/analytics/summary']) {
    const body = (await app.inject({ url })).body.replace(/"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"/g, '"ID"').replace(/"(createdAt|updatedAt)":"[^"]*"/g, '"$1":"T"');
    const json = JSON.parse(body) as { items?: unknown[] };
    // Ties in the order are broken by id, and ids differ between the two loaders: compare as sets.
    if (json.items) json.items = json.items.map((i) => JSON.stringify(i)).sort();
    text += `${JSON.stringify(json)}\n`;
  }
  out.push(text);
  await app.close(); await store.close();
}
console.log(out[0] === out[1] ? 'EQUAL' : 'DIFFERENT', out[0]!.length);
if (out[0] !== out[1]) { const a = out[0]!, b = out[1]!; let i = 0; while (a[i] === b[i]) i++; console.log(a.slice(i - 200, i + 200)); console.log(b.slice(i - 200, i + 200)); }
if (out[0] !== out[1]) {
  const a = out[0]!.split('\n'), b = out[1]!.split('\n');
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) { let i = 0; while (a[k]![i] === b[k]![i]) i++; console.log(k, a[k]!.slice(Math.max(0, i - 300), i + 100), '\n---\n', b[k]!.slice(Math.max(0, i - 300), i + 100)); }
}
