import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocument } from '#app/import/import-document.ts';
import { backupDatabase } from '#app/store/backup/backup-database.ts';
import { RestoreRefusedError, restoreDatabase } from '#app/store/backup/restore-database.ts';
import { TripRepository } from '#app/store/trips/trip-repository.ts';
import type { Trip } from '#app/domain/trips/trip-schema.ts';
import { buildTripInput } from '#tests/support/trip-builder.ts';
import { createTestStore, DATABASE_KINDS, type TestStore } from '#tests/support/test-store.ts';

const seedText = readFileSync(new URL('../../samples/taichung-council-report-2018-05-11.txt', import.meta.url), 'utf8');

async function allTrips(store: TestStore): Promise<Trip[]> {
  const trips: Trip[] = [];
  for await (const t of new TripRepository(store.db).all()) trips.push(t);
  return trips.sort((a, b) => a.id.localeCompare(b.id));
}

const pairs = DATABASE_KINDS.flatMap((from) => DATABASE_KINDS.map((to) => [from, to] as const));

describe.each(pairs)('backup on %s, restore on %s', (from, to) => {
  let dir: string;
  let source: TestStore;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ml-backup-'));
    source = await createTestStore(from);
    await importDocument(source, seedText, 'seed.txt');
    await new TripRepository(source.db).insert(buildTripInput({ notes: '含 "引號"、換行\n與 emoji 🎌', budget: { currency: 'TWD', estimate: 1, approved: 2, actual: 3, status: 'settled', estimateBreakdown: { airfare: 1 }, actualBreakdown: { other: 3 } } }));
  });
  afterAll(async () => {
    await source.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores every row and field', async () => {
    const file = join(dir, 'full.mlbackup.gz');
    const header = await backupDatabase(source, file);
    expect(header.tables.find((t) => t.name === 'trips')?.rows).toBe(15);
    const target = await createTestStore(to, { migrate: false });
    try {
      const restored = await restoreDatabase(target, file);
      expect(restored.rows).toBe(header.tables.reduce((n, t) => n + t.rows, 0));
      expect(await allTrips(target)).toEqual(await allTrips(source));
      // The derived search index is rebuilt, so search finds the restored trips.
      const found = await new TripRepository(target.db).list({ q: '花博', limit: 100, offset: 0 });
      expect(found.total).toBe((await new TripRepository(source.db).list({ q: '花博', limit: 100, offset: 0 })).total);
      expect(found.total).toBeGreaterThan(0);
    } finally {
      await target.cleanup();
    }
  });

  it('refuses a target that already has tables, and changes nothing', async () => {
    const file = join(dir, 'again.mlbackup.gz');
    await backupDatabase(source, file);
    const target = await createTestStore(to);
    try {
      await new TripRepository(target.db).insert(buildTripInput({ title: '已存在的出國案' }));
      await expect(restoreDatabase(target, file)).rejects.toThrow(RestoreRefusedError);
      expect((await allTrips(target)).map((t) => t.title)).toEqual(['已存在的出國案']);
    } finally {
      await target.cleanup();
    }
  });

  it('takes a consistent snapshot while writes go on', async () => {
    const file = join(dir, 'online.mlbackup.gz');
    const repo = new TripRepository(source.db);
    let writing = true;
    const writer = (async () => {
      let n = 0;
      while (writing && n < 200) {
        await repo.insert(buildTripInput({ title: `線上備份期間寫入 ${n++}` }));
      }
      return n;
    })();
    const header = await backupDatabase(source, file);
    writing = false;
    await writer;
    const target = await createTestStore(to, { migrate: false });
    try {
      await restoreDatabase(target, file);
      const trips = await allTrips(target);
      expect(trips).toHaveLength(header.tables.find((t) => t.name === 'trips')!.rows);
      // Every restored trip is whole: its members and destinations came from the same moment.
      for (const t of trips) expect(t.members.length).toBeGreaterThan(0);
    } finally {
      await target.cleanup();
    }
  });
});

describe('restore refuses damaged files', () => {
  it('rejects a file that is not a backup, a truncated one, and one from a newer version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ml-bad-backup-'));
    const target = await createTestStore('sqlite', { migrate: false });
    try {
      const notBackup = join(dir, 'x.gz');
      writeFileSync(notBackup, gzipSync('{"hello":1}\n'));
      await expect(restoreDatabase(target, notBackup)).rejects.toThrow(/not a Mission Ledger backup/);
      const newer = join(dir, 'newer.gz');
      writeFileSync(newer, gzipSync(`${JSON.stringify({ format: 'mission-ledger-backup/1', createdAt: '', source: 'sqlite', migrations: ['0001-trips', '9999-future'], tables: [] })}\n`));
      await expect(restoreDatabase(target, newer)).rejects.toThrow(/newer version/);
      const source = await createTestStore('sqlite');
      await importDocument(source, seedText, 'seed.txt');
      const good = join(dir, 'good.gz');
      await backupDatabase(source, good);
      await source.cleanup();
      const { gunzipSync } = await import('node:zlib');
      const lines = gunzipSync(readFileSync(good)).toString('utf8').trimEnd().split('\n');
      const truncated = join(dir, 'truncated.gz');
      writeFileSync(truncated, gzipSync(lines.slice(0, -5).join('\n')));
      await expect(restoreDatabase(target, truncated)).rejects.toThrow(/truncated or damaged/);
      // The failed restore left the schema it migrated to but no rows.
      expect(await new TripRepository(target.db).count()).toBe(0);
    } finally {
      await target.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('backup carries attached files', () => {
  it('restores the files next to their rows, byte for byte', async () => {
    const { AttachmentStore } = await import('#app/store/attachments/attachment-store.ts');
    const dir = mkdtempSync(join(tmpdir(), 'ml-backup-files-'));
    const source = await createTestStore('sqlite');
    const target = await createTestStore('sqlite', { migrate: false });
    try {
      const pdf = Buffer.from('%PDF-1.4\n出國報告\n%%EOF\n');
      const stored = await new AttachmentStore(source.db as never, join(dir, 'a')).put(pdf, '出國報告.pdf', null);
      await backupDatabase(source, join(dir, 'b.gz'), { attachmentsDir: join(dir, 'a') });
      const result = await restoreDatabase(target, join(dir, 'b.gz'), { attachmentsDir: join(dir, 'restored') });
      expect(result.files).toBe(1);
      const back = await new AttachmentStore(target.db as never, join(dir, 'restored')).read(stored.id);
      expect(back?.bytes.equals(pdf)).toBe(true);
      expect(back?.attachment.fileName).toBe('出國報告.pdf');
    } finally {
      await source.cleanup();
      await target.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a backup that would write a file outside the attachments folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ml-backup-forged-'));
    const target = await createTestStore('sqlite', { migrate: false });
    try {
      const header = { format: 'mission-ledger-backup/1', createdAt: '', source: 'sqlite', migrations: ['0001-trips'], tables: [] };
      writeFileSync(join(dir, 'forged.gz'), gzipSync(`${JSON.stringify(header)}\n${JSON.stringify({ file: '../../evil.sh', b64: 'IyEvYmluL3No' })}\n`));
      await expect(restoreDatabase(target, join(dir, 'forged.gz'), { attachmentsDir: join(dir, 'files') })).rejects.toThrow(/never writes/);
    } finally {
      await target.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
