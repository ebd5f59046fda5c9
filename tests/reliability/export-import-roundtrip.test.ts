import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { importDocument } from '#app/import/import-document.ts';
import { importLedgerJson } from '#app/import/import-ledger-json.ts';
import { openStore, type Store } from '#app/store/open-database.ts';
import { TripRepository } from '#app/store/trips/trip-repository.ts';
import type { Trip } from '#app/domain/trips/trip-schema.ts';
import { buildTripInput } from '#tests/support/trip-builder.ts';
import { createTestStore, DATABASE_KINDS, type TestStore } from '#tests/support/test-store.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const seed = readFileSync(new URL('../../samples/taichung-council-report-2018-05-11.txt', import.meta.url), 'utf8');

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function everyTrip(store: Store): Promise<Trip[]> {
  const trips: Trip[] = [];
  for await (const t of new TripRepository(store.db).all()) trips.push(t);
  return trips;
}

describe.each(DATABASE_KINDS)('export → import round trip into %s', (kind) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('gives back every trip, field for field, and adds nothing the second time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ml-roundtrip-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const source = await createTestStore('sqlite');
    cleanups.push(() => source.cleanup());
    await importDocument(source, seed, 'seed.txt');
    await new TripRepository(source.db).insert(
      buildTripInput({
        notes: '內部備註，含 "引號"、逗號, 與換行\n第二行',
        topics: ['智慧城市', '觀光'],
        expectedBenefits: '促成姊妹市',
        days: 5,
        varianceExplanation: '匯率變動',
        budget: { currency: 'TWD', estimate: 450000, approved: 430000, actual: 441234, status: 'settled', estimateBreakdown: { airfare: 200000, lodging: 150000 }, actualBreakdown: { airfare: 210000, perDiem: 231234 } },
      }),
      { state: 'settled' },
    );
    const file = join(dir, 'ledger.json');
    const exported = cli(['export', '--format', 'json', '--db', source.target, '--out', file]);
    expect(exported.status, exported.stderr).toBe(0);

    const target = await createTestStore(kind);
    cleanups.push(() => target.cleanup());
    await target.close();
    const imported = cli(['import', file, '--db', target.target]);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('15 trips added');
    const again = cli(['import', file, '--db', target.target]);
    expect(again.stdout).toContain('0 trips added, 15 already stored');

    // The CLI wrote through its own connection; read the result through a new one.
    const reopened = await openStore(target.target);
    cleanups.push(() => reopened.close());
    const byId = (list: Trip[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(await everyTrip(reopened))).toEqual(byId(await everyTrip(source)));
  });

  it('refuses a damaged export and stores nothing', async () => {
    const target = await createTestStore(kind);
    cleanups.push(() => target.cleanup());
    const broken = JSON.stringify({ format: 'mission-ledger/1', trips: [{ id: 'x', title: '' }] });
    await expect(importLedgerJson(target, broken, 'broken.json')).rejects.toThrow(/not a Mission Ledger export/);
    await expect(importLedgerJson(target, '{"format":"mission-ledger/1", "trips": [', 'cut.json')).rejects.toThrow(/not valid JSON/);
    expect(await new TripRepository(target.db).count()).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'ml-roundtrip-bad-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'bad.json'), broken);
    const res = cli(['import', join(dir, 'bad.json'), '--db', target.target]);
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('not a Mission Ledger export');
  });
});
