import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DISCLOSURE_FIELDS } from '#app/domain/reports/disclosure-record.ts';
import type { ReportSelection } from '#app/domain/reports/report-selection.ts';
import { LIST_SEPARATOR } from '#app/domain/reports/sheet-model.ts';
import { PdfUnavailableError } from '#app/reports/pdf/html-to-pdf.ts';
import { councilReportModel, loadSelectedTrips, loadStoredBudgetSeries, loadStoredThemes, renderCouncilReport, renderDataset, ReportRequestError, type RenderedFile } from '#app/reports/report-service.ts';
import { loadTemplates, TemplateError, type LoadedTemplates } from '#app/reports/report-templates.ts';
import { toPublicTrip } from '#app/domain/trips/public-trip.ts';
import { requireRole } from '#app/server/auth/require-role.ts';
import { HttpError } from '#app/server/plugins/error-handler.ts';
import { councilReportBody, dataDictionary, openDataParams, openDataQuery, toIsoDate, type CouncilReportBody } from '#app/server/reports/report-payloads.ts';
import { errorBody } from '#app/server/trips/trip-payloads.ts';
import type { Store } from '#app/store/open-database.ts';

function send(reply: FastifyReply, file: RenderedFile, name: string): FastifyReply {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${name}.${file.extension}"`)
    .header('cache-control', 'no-store')
    .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
}

function selectionOf(q: { from?: string; to?: string; agencies?: string[]; tripIds?: string[] }): ReportSelection {
  return { from: q.from ? toIsoDate(q.from) : undefined, to: q.to ? toIsoDate(q.to) : undefined, agencies: q.agencies, tripIds: q.tripIds };
}

function templatesOrFail(dir: string | undefined): LoadedTemplates {
  try {
    return loadTemplates(dir);
  } catch (error) {
    if (error instanceof TemplateError) throw new HttpError(503, 'templates-unavailable', error.message, '報告範本無法讀取，請管理者檢查 templates/council-report');
    throw error;
  }
}

function overrides(body: CouncilReportBody) {
  return {
    council: body.council,
    title: body.title,
    government: body.government,
    agency: body.agency,
    presenter: body.presenter,
    reportDate: body.reportDate ? toIsoDate(body.reportDate) : undefined,
    sectionsHeading: body.sectionsHeading,
    tableTitle: body.tableTitle,
    budgetSeries: body.budgetSeries,
  };
}

/** The council report (secretariat and auditors) and the open-data files (public), with their data dictionary. */
export async function reportRoutes(app: FastifyInstance, options: { store: Store; templateDir?: string }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/reports/council', {
    preHandler: requireRole('secretariat', 'auditor'),
    schema: {
      tags: ['reports'],
      summary: 'Generate the council project report (專案報告) as DOCX, ODT, PDF or HTML',
      security: [{ bearer: [] }],
      body: councilReportBody,
      response: { 400: errorBody, 401: errorBody, 403: errorBody, 503: errorBody },
    },
    handler: async (request, reply) => {
      const body = request.body;
      const templates = templatesOrFail(options.templateDir);
      // A report to the council is a public document: plans not yet approved stay out of it.
      const selection = { ...selectionOf(body), publishedOnly: true };
      const trips = await loadSelectedTrips(options.store, selection);
      let model;
      try {
        model = councilReportModel(trips, { selection, templates, settings: overrides(body), introduction: body.introduction, closing: body.closing, stored: await loadStoredThemes(options.store), storedBudgetSeries: await loadStoredBudgetSeries(options.store) });
      } catch (error) {
        if (!(error instanceof ReportRequestError)) throw error;
        const issues = error.problems.map((p) => ({ field: `body.${p.field}`, message: p.message }));
        throw new HttpError(400, 'validation', `Invalid ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`, `欄位內容有誤：${issues.map((i) => i.field).join(', ')}（${error.problems.map((p) => p.messageZh).join('；')}）`, { issues });
      }
      try {
        const file = await renderCouncilReport(model, body.format);
        return send(reply, file, `council-report-${model.figures.periodFrom || 'all'}-${model.figures.periodTo || 'all'}`);
      } catch (error) {
        if (error instanceof PdfUnavailableError) throw new HttpError(503, 'pdf-unavailable', error.message, '伺服器未安裝 Chromium，無法產生 PDF；請改選 ODT 或 DOCX，或請管理者安裝');
        throw error;
      }
    },
  });

  r.get('/api/v1/open-data/data-dictionary', {
    schema: { tags: ['open data'], summary: 'The fields of the trip ledger files: key, type, meaning', response: { 200: dataDictionary } },
    handler: async () => ({ dataset: 'ledger' as const, listSeparator: LIST_SEPARATOR, fields: DISCLOSURE_FIELDS.map((f) => ({ ...f })) }),
  });

  r.get('/api/v1/open-data/:dataset', {
    schema: {
      tags: ['open data'],
      summary: 'Download the summary table or the full trip ledger as XLSX, ODS, CSV (UTF-8) or JSON',
      params: openDataParams,
      querystring: openDataQuery,
      response: { 400: errorBody },
    },
    handler: async (request, reply) => {
      const { dataset } = request.params;
      const { format, bom, from, to } = request.query;
      // Open data is public: published trips only, without internal notes.
      const trips = (await loadSelectedTrips(options.store, { ...selectionOf({ from, to }), publishedOnly: true })).map(toPublicTrip);
      const file = renderDataset(dataset, trips, format, { bom: bom === 'true' });
      return send(reply, file, dataset === 'table' ? 'trip-summary-table' : 'trip-ledger');
    },
  });
}
