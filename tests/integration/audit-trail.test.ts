import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Trip } from '#app/domain/trips/trip-schema.ts';
import { buildApp } from '#app/server/app.ts';
import { AuditLog } from '#app/store/audit/audit-log.ts';
import { buildTripInput } from '#tests/support/trip-builder.ts';
import { CLERK_AGENCY, createStaff } from '#tests/support/staff-builder.ts';
import { createTestStore, DATABASE_KINDS, type TestStore } from '#tests/support/test-store.ts';

function verifyCli(target: string): { code: number; output: string } {
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'audit', 'verify', '--db', target], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { code: 0, output: out };
  } catch (error) {
    const e = error as { status: number; stderr: string; stdout: string };
    return { code: e.status, output: `${e.stdout}${e.stderr}` };
  }
}

describe.each(DATABASE_KINDS)('audit trail on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let staff: Awaited<ReturnType<typeof createStaff>>;

  beforeAll(async () => {
    store = await createTestStore(kind);
    app = await buildApp({ store, config: { ADMIN_TOKEN: undefined } });
    staff = await createStaff(store, app);
  });
  afterAll(async () => {
    await app.close();
    await store.cleanup();
  });

  it('records who changed what, before and after, for trips, budgets and users', async () => {
    const trip = (await app.inject({ method: 'POST', url: '/api/v1/trips', headers: staff.clerk.headers, payload: buildTripInput({ organisingAgency: CLERK_AGENCY }) })).json() as Trip;
    await app.inject({ method: 'PATCH', url: `/api/v1/trips/${trip.id}`, headers: staff.clerk.headers, payload: { version: 1, title: '新的名稱' } });
    const budget = (await app.inject({ method: 'POST', url: '/api/v1/budgets', headers: staff.secretariat.headers, payload: { fiscalYear: 107, agency: '', amount: 7_800_000, reason: '107年度預算' } })).json();
    const adjusted = await app.inject({ method: 'PATCH', url: `/api/v1/budgets/${budget.id}`, headers: staff.secretariat.headers, payload: { version: 1, amount: 8_000_000, reason: '追加預算' } });
    expect(adjusted.statusCode).toBe(200);
    const items = (await app.inject({ url: '/api/v1/audit?limit=500', headers: staff.auditor.headers })).json().items as { entityType: string; action: string; actorName: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null; reason: string }[];
    const tripUpdate = items.find((e) => e.entityType === 'trip' && e.action === 'update')!;
    expect(tripUpdate).toMatchObject({ actorName: '陳承辦', before: { title: trip.title, version: 1 }, after: { title: '新的名稱', version: 2 } });
    expect(items.find((e) => e.entityType === 'budget' && e.action === 'adjust')).toMatchObject({ actorName: '王秘書', before: { amount: 7_800_000 }, after: { amount: 8_000_000 }, reason: '追加預算' });
    expect(items.filter((e) => e.entityType === 'user' && e.action === 'create')).toHaveLength(6);
    expect(JSON.stringify(items)).not.toContain('scrypt$');
    const history = (await app.inject({ url: `/api/v1/budgets/${budget.id}`, headers: staff.auditor.headers })).json().adjustments;
    expect(history.map((a: { previousAmount: number | null; amount: number; reason: string }) => [a.previousAmount, a.amount, a.reason])).toEqual([
      [null, 7_800_000, '107年度預算'],
      [7_800_000, 8_000_000, '追加預算'],
    ]);
  });

  it('chains entries so that verify detects an edited, a deleted and a truncated entry', async () => {
    const log = new AuditLog(store.db);
    expect((await log.verify()).problems).toEqual([]);
    const cli = verifyCli(store.target);
    expect(cli.code, cli.output).toBe(0);
    expect(cli.output).toContain('intact');

    await sql`update audit_log set after_json = ${'{"title":"竄改"}'} where seq = 3`.execute(store.db);
    const edited = await log.verify();
    expect(edited.problems.map((p) => [p.seq, p.kind])).toEqual([[3, 'edited']]);
    const broken = verifyCli(store.target);
    expect(broken.code).toBe(1);
    expect(broken.output).toContain('entry 3: edited');
    expect((await app.inject({ url: '/api/v1/audit/verify', headers: staff.auditor.headers })).json()).toMatchObject({ intact: false });

    await sql`delete from audit_log where seq = 5`.execute(store.db);
    expect((await log.verify()).problems.map((p) => p.kind)).toEqual(['edited', 'deleted', 'broken-link']);

    const last = (await log.verify()).head.seq;
    await sql`delete from audit_log where seq = ${last}`.execute(store.db);
    expect((await log.verify()).problems.map((p) => p.kind)).toContain('tail-missing');
  });

  it('keeps the chain whole when many writers append at once', async () => {
    const fresh = await createTestStore(kind);
    try {
      const writerApp = await buildApp({ store: fresh, config: { ADMIN_TOKEN: 'audit-race-token-0123456789' } });
      const auth = { authorization: 'Bearer audit-race-token-0123456789' };
      await Promise.all(Array.from({ length: 20 }, (_, i) => writerApp.inject({ method: 'POST', url: '/api/v1/budgets', headers: auth, payload: { fiscalYear: 100 + i, agency: '', amount: 1000 * i } })));
      const result = await new AuditLog(fresh.db).verify();
      expect(result.entries).toBe(20);
      expect(result.problems).toEqual([]);
      await writerApp.close();
    } finally {
      await fresh.cleanup();
    }
  });
});
