import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { importDocument } from '#app/import/import-document.ts';
import { councilReportModel, loadSelectedTrips, loadStoredThemes } from '#app/reports/report-service.ts';
import { loadTemplates } from '#app/reports/report-templates.ts';
import { buildApp } from '#app/server/app.ts';
import { createTestStore, type TestStore } from '#tests/support/test-store.ts';

const TOKEN = 'stored-themes-token-0123456789';

describe('council report sections follow the themes people confirmed', () => {
  let store: TestStore;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await createTestStore('sqlite');
    await importDocument(store, readFileSync(new URL('../../samples/taichung-council-report-2018-05-11.txt', import.meta.url), 'utf8'), 'seed.txt');
    app = await buildApp({ store, config: { ADMIN_TOKEN: TOKEN } });
  });
  afterAll(async () => {
    await app.close();
    await store.cleanup();
  });

  it('moves an outcome to the confirmed theme and out of the suggested one', async () => {
    const text = '針對 2019 東亞青運列入自由車與輕艇項目的提案';
    const outcomes = (await app.inject({ url: '/api/v1/outcomes?limit=500', headers: { authorization: `Bearer ${TOKEN}` } })).json().items as { id: string; text: string; version: number }[];
    const target = outcomes.find((o) => o.text.startsWith(text))!;
    const sectionsWith = async () => {
      const trips = await loadSelectedTrips(store, {});
      const model = councilReportModel(trips, { selection: {}, templates: loadTemplates(), stored: await loadStoredThemes(store) });
      return model.outcomes.sections.filter((s) => s.items.some((i) => JSON.stringify(i).includes(text))).map((s) => s.themeId);
    };
    expect(await sectionsWith()).toContain('youth-games');
    const res = await app.inject({ method: 'PATCH', url: `/api/v1/outcomes/${target.id}`, headers: { authorization: `Bearer ${TOKEN}` }, payload: { version: target.version, themes: ['tourism'], confirm: ['themes'] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(await sectionsWith()).toEqual(['tourism']);
  });
});
