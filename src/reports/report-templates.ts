import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { CouncilReportSettings, CouncilReportTemplates } from '#app/domain/reports/council-report-model.ts';

/** A template folder that is missing or malformed; the message names the file and what is wrong. */
export class TemplateError extends Error {
  override name = 'TemplateError';
}

/** One year of the overseas-travel budget series. */
export const budgetYearSchema = z.object({
  rocYear: z.number().int().min(1).max(999).describe('ROC fiscal year, e.g. 107'),
  amount: z.number().int().nonnegative().max(1e12).describe('Budget in whole TWD'),
});

/** settings.json of the council-report templates: cover words and the budget series. */
export const reportSettingsSchema = z.object({
  council: z.string().max(200),
  title: z.string().min(1).max(300),
  government: z.string().max(100),
  agency: z.string().max(100),
  presenter: z.string().max(100),
  sectionsHeading: z.string().min(1).max(200),
  tableTitle: z.string().min(1).max(200),
  budgetSeries: z.array(budgetYearSchema).max(100),
});

/** The settings and narrative of a template folder, before a report's own parameters override them. */
export interface LoadedTemplates {
  settings: Omit<CouncilReportSettings, 'reportDate'>;
  templates: CouncilReportTemplates;
}

/** The templates/council-report folder shipped with Mission Ledger, found from the code's location (src/ or dist/). */
export function defaultTemplateDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'templates', 'council-report');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new TemplateError('The folder templates/council-report is missing from the installation; reinstall Mission Ledger or pass --templates DIR.');
}

function readText(dir: string, name: string): string {
  const path = join(dir, name);
  if (!existsSync(path)) throw new TemplateError(`${path} is missing; a council-report template folder holds introduction.md, closing.md and settings.json`);
  return readFileSync(path, 'utf8');
}

/** Reads introduction.md, closing.md and settings.json of a template folder, checking settings.json. */
export function loadTemplates(dir: string = defaultTemplateDir()): LoadedTemplates {
  let json: unknown;
  try {
    json = JSON.parse(readText(dir, 'settings.json'));
  } catch (error) {
    if (error instanceof TemplateError) throw error;
    throw new TemplateError(`${join(dir, 'settings.json')} is not valid JSON: ${(error as Error).message}`);
  }
  const settings = reportSettingsSchema.safeParse(json);
  if (!settings.success) {
    const issues = settings.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ');
    throw new TemplateError(`${join(dir, 'settings.json')} is invalid: ${issues}`);
  }
  return { settings: settings.data, templates: { introduction: readText(dir, 'introduction.md'), closing: readText(dir, 'closing.md') } };
}
