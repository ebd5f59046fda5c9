import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { parseRocDate } from '#app/domain/dates/roc-date.ts';
import type { ReportSelection } from '#app/domain/reports/report-selection.ts';
import { UsageError } from '#app/cli/cli-errors.ts';
import { dbOption, resolveDbTarget } from '#app/cli/db-option.ts';
import { PdfUnavailableError } from '#app/reports/pdf/html-to-pdf.ts';
import {
  loadStoredBudgetSeries,
  loadStoredThemes,
  COUNCIL_REPORT_FORMATS,
  councilReportModel,
  DATA_FORMATS,
  loadSelectedTrips,
  renderCouncilReport,
  renderDataset,
  ReportRequestError,
  type CouncilReportFormat,
  type DataFormat,
  type Dataset,
  type RenderedFile,
} from '#app/reports/report-service.ts';
import { loadTemplates, TemplateError } from '#app/reports/report-templates.ts';
import { openStore } from '#app/store/open-database.ts';

interface SelectionOptions {
  from?: string;
  to?: string;
  agency?: string[];
  db?: string;
}

function isoDate(text: string, option: string): string {
  const parsed = parseRocDate(text);
  if (!parsed.ok) throw new UsageError(`${option} "${text}" is not a date: ${parsed.error.message}`);
  return parsed.value;
}

function selection(options: SelectionOptions): ReportSelection {
  const from = options.from ? isoDate(options.from, '--from') : undefined;
  const to = options.to ? isoDate(options.to, '--to') : undefined;
  if (from && to && to < from) throw new UsageError(`--to ${options.to} is before --from ${options.from}`);
  return { from, to, agencies: options.agency };
}

function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${option} "${value}" is not one of ${allowed.join(', ')}`);
  return value as T;
}

async function output(file: RenderedFile, out: string | undefined): Promise<void> {
  if (out) await writeFile(out, file.bytes);
  else await new Promise<void>((resolve, reject) => process.stdout.write(file.bytes, (e) => (e ? reject(e) : resolve())));
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function councilCommand(): Command {
  return new Command('council')
    .description('write the council project report (專案報告) from the stored trips')
    .option('--from <date>', 'first day of the period (2015-01-01 or 104/1/1)')
    .option('--to <date>', 'last day of the period')
    .option('--agency <name>', 'only trips of this agency (repeatable)', collect)
    .requiredOption('-f, --format <format>', `one of ${COUNCIL_REPORT_FORMATS.join(', ')}`)
    .option('-o, --out <file>', 'output file (default: standard output)')
    .option('--date <date>', 'date on the cover (default: today)')
    .option('--council <text>', 'council session on the cover')
    .option('--presenter <text>', 'who presents the report')
    .option('--templates <dir>', 'folder with introduction.md, closing.md and settings.json (default: templates/council-report)')
    .addOption(dbOption())
    .action(async (options: SelectionOptions & { format: string; out?: string; date?: string; council?: string; presenter?: string; templates?: string }) => {
      const format = oneOf<CouncilReportFormat>(options.format, COUNCIL_REPORT_FORMATS, '--format');
      // A report to the council is a public document: plans not yet approved stay out of it.
      const chosen = { ...selection(options), publishedOnly: true };
      let templates;
      try {
        templates = loadTemplates(options.templates);
      } catch (error) {
        if (error instanceof TemplateError) throw new UsageError(error.message);
        throw error;
      }
      const store = await openStore(resolveDbTarget(options.db));
      try {
        const trips = await loadSelectedTrips(store, chosen);
        const model = councilReportModel(trips, {
          selection: chosen,
          templates,
          settings: { reportDate: options.date ? isoDate(options.date, '--date') : undefined, council: options.council, presenter: options.presenter },
          stored: await loadStoredThemes(store),
          storedBudgetSeries: await loadStoredBudgetSeries(store),
        });
        await output(await renderCouncilReport(model, format), options.out);
        if (options.out) process.stderr.write(`wrote ${options.out}: ${model.table.rows.length} trips in the table, ${model.table.footnotes.length} in footnotes\n`);
      } catch (error) {
        if (error instanceof ReportRequestError || error instanceof PdfUnavailableError) throw new UsageError(error.message);
        throw error;
      } finally {
        await store.close();
      }
    });
}

function datasetCommand(dataset: Dataset, description: string): Command {
  return new Command(dataset)
    .description(description)
    .requiredOption('-f, --format <format>', `one of ${DATA_FORMATS.join(', ')}`)
    .option('-o, --out <file>', 'output file (default: standard output)')
    .option('--bom', 'CSV: start with a byte-order mark so Excel reads UTF-8')
    .option('--from <date>', 'first day of the period')
    .option('--to <date>', 'last day of the period')
    .option('--agency <name>', 'only trips of this agency (repeatable)', collect)
    .addOption(dbOption())
    .action(async (options: SelectionOptions & { format: string; out?: string; bom?: boolean }) => {
      const format = oneOf<DataFormat>(options.format, DATA_FORMATS, '--format');
      const chosen = selection(options);
      const store = await openStore(resolveDbTarget(options.db));
      try {
        await output(renderDataset(dataset, await loadSelectedTrips(store, chosen), format, { bom: options.bom }), options.out);
      } finally {
        await store.close();
      }
    });
}

/** `mission-ledger report council|table|ledger`: the council report and the open-data files. */
export function reportCommand(): Command {
  return new Command('report')
    .description('generate the council report (DOCX, ODT, PDF, HTML) or open data (XLSX, ODS, CSV, JSON)')
    .addCommand(councilCommand())
    .addCommand(datasetCommand('table', 'write the summary table (the report’s six columns) as XLSX, ODS, CSV or JSON'))
    .addCommand(datasetCommand('ledger', 'write every trip with all disclosure fields as XLSX, ODS, CSV or JSON (interchange format)'));
}
