import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addDays } from '#app/domain/deadlines/calendar-arithmetic.ts';
import { checkClaims } from '#app/domain/per-diem/claim-check.ts';
import { computeAllowances } from '#app/domain/per-diem/daily-allowance.ts';
import { parseRateTableCsv } from '#app/domain/per-diem/rate-table.ts';
import { countryByCode } from '#app/domain/places/country-list.ts';
import { auditChange } from '#app/server/audit/audit-change.ts';
import { ANY_ROLE, requireRole } from '#app/server/auth/require-role.ts';
import { currentRates, perDiemCheckAnswer, perDiemCheckBody, rateTableVersion, rateUploadQuery } from '#app/server/per-diem/per-diem-payloads.ts';
import { HttpError } from '#app/server/plugins/error-handler.ts';
import { errorBody } from '#app/server/trips/trip-payloads.ts';
import { AuditLog } from '#app/store/audit/audit-log.ts';
import type { Store } from '#app/store/open-database.ts';
import { RateTableRepository } from '#app/store/rates/rate-table-repository.ts';
import { SettingsRepository } from '#app/store/workflow/settings-repository.ts';

const MAX_CSV_BYTES = 2 * 1024 * 1024;

function invalid(issues: { field: string; message: string }[]): HttpError {
  const fields = [...new Set(issues.map((i) => i.field))].join(', ');
  return new HttpError(400, 'validation', `Invalid ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`, `欄位內容有誤：${fields}`, { issues });
}

function noRateTable(): HttpError {
  return new HttpError(409, 'no-rate-table', 'No per-diem rate table is loaded; the secretariat uploads one with PUT /api/v1/per-diem/rates', '尚未載入日支數額表，請秘書處先上傳');
}

/** The per-diem rate table (CSV the secretariat replaces) and the allowance checker. */
export async function perDiemRoutes(app: FastifyInstance, options: { store: Store }): Promise<void> {
  const { store } = options;
  const rates = new RateTableRepository(store.db);
  app.addContentTypeParser(['text/csv'], { parseAs: 'buffer', bodyLimit: MAX_CSV_BYTES }, (_req, body, done) => done(null, body));
  const r = app.withTypeProvider<ZodTypeProvider>();
  const security = [{ bearer: [] }];

  r.get('/api/v1/per-diem/rates', {
    preHandler: requireRole(...ANY_ROLE),
    schema: { tags: ['per-diem'], summary: 'The rate table in force', security, response: { 200: currentRates, 401: errorBody, 409: errorBody } },
    handler: async () => (await rates.current()) ?? Promise.reject(noRateTable()),
  });

  r.get('/api/v1/per-diem/rate-tables', {
    preHandler: requireRole(...ANY_ROLE),
    schema: { tags: ['per-diem'], summary: 'Every uploaded version of the rate table, newest first', security, response: { 200: z.array(rateTableVersion), 401: errorBody } },
    handler: async () => rates.versions(),
  });

  r.put('/api/v1/per-diem/rates', {
    preHandler: requireRole('secretariat'),
    bodyLimit: MAX_CSV_BYTES,
    schema: {
      tags: ['per-diem'],
      summary: 'Replace the rate table with a CSV (text/csv: country_code,country,city,usd_per_day,effective_from); older versions are kept',
      security,
      querystring: rateUploadQuery,
      response: { 200: rateTableVersion, 400: errorBody, 401: errorBody, 403: errorBody, 413: errorBody, 415: errorBody },
    },
    handler: async (request) => {
      const principal = request.principal!;
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(request.body as Buffer);
      } catch {
        throw invalid([{ field: 'body', message: 'the CSV is not UTF-8 text' }]);
      }
      const parsed = parseRateTableCsv(text);
      if (!parsed.ok) throw invalid(parsed.problems.map((p) => ({ field: `body.line${p.line}.${p.field}`, message: p.message })));
      return store.db.transaction().execute(async (trx) => {
        const version = await new RateTableRepository(trx).replace(request.query.name, text, parsed.rates, parsed.sample, principal.userId, new Date().toISOString());
        await new AuditLog(trx).append(auditChange(principal, 'rate-table', version.id, 'replace', null, { ...version, rates: parsed.rates.length }));
        return version;
      });
    },
  });

  r.post('/api/v1/per-diem/check', {
    preHandler: requireRole('clerk', 'secretariat', 'approver', 'auditor'),
    schema: { tags: ['per-diem'], summary: 'Compute each member’s allowed daily allowance and flag claims above it, naming the rule broken', security, body: perDiemCheckBody, response: { 200: perDiemCheckAnswer, 400: errorBody, 401: errorBody, 403: errorBody, 409: errorBody } },
    handler: async (request) => {
      const body = request.body;
      const table = await rates.current();
      if (!table) throw noRateTable();
      const { settings } = await new SettingsRepository(store.db).get();
      const issues: { field: string; message: string }[] = [];
      const firstDay = body.days[0]!.date;
      if (body.exchangeRate.date !== addDays(firstDay, -1)) issues.push({ field: 'body.exchangeRate.date', message: `use the rate of the day before departure (${addDays(firstDay, -1)})` });
      const itineraries = [{ prefix: 'body', days: body.days }, ...body.members.flatMap((m, i) => (m.days ? [{ prefix: `body.members.${i}`, days: m.days }] : []))];
      for (const { prefix, days } of itineraries) {
        days.forEach((d, i) => {
          if (!countryByCode(d.countryCode)) issues.push({ field: `${prefix}.days.${i}.countryCode`, message: `unknown country code ${d.countryCode}` });
        });
      }
      if (issues.length) throw invalid(issues);
      const members = body.members.map((m, i) => {
        const computed = computeAllowances(m.days ?? body.days, table.rates, settings.perDiem, body.exchangeRate.twdPerUsd);
        if (!computed.ok) throw invalid(computed.problems.map((p) => ({ field: `${m.days ? `body.members.${i}` : 'body'}.${p.field}`, message: p.message })));
        const flags = checkClaims(m.claims, computed.days);
        return {
          name: m.name,
          days: computed.days,
          allowedTwd: computed.totalTwd,
          claimedTwd: m.claims.reduce((sum, c) => sum + c.lodging + c.meals + c.incidentals, 0),
          flags,
        };
      });
      return { rateTable: table.version, members, compliant: members.every((m) => m.flags.length === 0) };
    },
  });
}
