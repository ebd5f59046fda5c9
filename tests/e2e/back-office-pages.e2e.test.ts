import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser, pageProblems, saveScreenshot } from '#tests/e2e/support/browser-session.ts';
import { createDraftTrip, newStaffPage, startStaffServer, type StaffServer, dateFromToday, seedBackOffice, signInAs, type StaffRole } from '#tests/e2e/support/back-office-seed.ts';

interface PageCase {
  name: string;
  role: StaffRole;
  path: () => Promise<string>;
  /** Visible once the page's data has loaded. */
  ready: string;
}

let draftId = '';

const PAGES: PageCase[] = [
  { name: 'secretariat-dashboard', role: 'secretariat', path: async () => '/admin', ready: '#budget-status ~ .table-scroll table' },
  { name: 'auditor-dashboard', role: 'auditor', path: async () => '/admin', ready: '#all-trips ~ .table-scroll table' },
  { name: 'auditor-trip', role: 'auditor', path: async () => `/admin/trips/${draftId}`, ready: '#trip-audit ~ .table-scroll table' },
  { name: 'reports', role: 'secretariat', path: async () => '/admin/reports', ready: 'button.primary' },
  { name: 'budgets', role: 'secretariat', path: async () => '/admin/budgets', ready: '.budget-series-chart table' },
  { name: 'audit-trail', role: 'auditor', path: async () => '/admin/audit', ready: '.audit-table' },
];

describe('every back-office page, per role', () => {
  let browser: Browser;
  let server: StaffServer;
  beforeAll(async () => {
    server = await startStaffServer();
    await seedBackOffice();
    const start = dateFromToday(60);
    draftId = (await createDraftTrip(`首爾智慧城市論壇 e2e ${Date.now()}`, start.iso, dateFromToday(63).iso)).id;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const c of PAGES) {
    it(`${c.name}: no axe violations, in both languages`, async () => {
      const { context, page } = await newStaffPage(browser);
      await signInAs(context, c.role);
      await page.goto(await c.path());
      await page.waitForSelector(c.ready);
      await expectNoAxeViolations(page, c.name);
      await saveScreenshot(page, `back-office-${c.name}`);
      await page.click('button.lang-switch');
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      await expectNoAxeViolations(page, `${c.name} (en)`);
      expect(pageProblems(page)).toEqual([]);
      await context.close();
    });
  }

  it('import review: parsed trips beside their source lines and warnings, then stored', async () => {
    const { context, page } = await newStaffPage(browser);
    await signInAs(context, 'secretariat');
    await page.goto('/admin/imports');
    await page.setInputFiles('input[type=file]', 'samples/taichung-council-report-2018-05-11.txt');
    await page.waitForSelector('.import-trip');
    const trips = await page.$$('.import-trip');
    expect(trips.length).toBe(14);
    expect(await page.textContent('.import-trip .source-lines')).not.toBe('');
    await expectNoAxeViolations(page, 'import review');
    await saveScreenshot(page, 'back-office-import-review');
    // The sample is already stored (the server seeds it), so importing adds nothing and changes nothing.
    await page.click('button:text("匯入 14 案")');
    await page.waitForSelector('.import-summary');
    expect(await page.textContent('.import-summary')).toContain('新增 0 案');
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('council report: one button generates the document', async () => {
    const { context, page } = await newStaffPage(browser);
    await signInAs(context, 'secretariat');
    await page.goto('/admin/reports');
    await page.selectOption('select', 'html');
    const download = page.waitForEvent('download');
    await page.click('button:text-is("產生議會報告")');
    expect((await download).suggestedFilename()).toMatch(/^council-report.*\.html$/);
    await page.waitForSelector('.form-ok');
    await context.close();
  });

  it('a 400 names the field and the message appears next to it', async () => {
    const { context, page } = await newStaffPage(browser);
    await signInAs(context, 'clerk');
    await page.goto(`/admin/trips/${draftId}`);
    await page.waitForSelector('#trip-title');
    await page.fill('#trip-end', '100/1/1');
    await page.fill('#trip-destinations-0-countryCode', 'QQ');
    await page.click('#trip-save');
    // The schema refuses the code first; the merged record (end before start) is checked after it.
    await page.waitForSelector('#trip-destinations-0-countryCode-error');
    expect(await page.textContent('#trip-destinations-0-countryCode-error')).toContain('unknown country code');
    expect(await page.getAttribute('#trip-destinations-0-countryCode', 'aria-invalid')).toBe('true');
    await page.fill('#trip-destinations-0-countryCode', 'KR');
    await page.click('#trip-save');
    await page.waitForSelector('#trip-end-error');
    expect(await page.textContent('#trip-end-error')).toContain('before start');
    expect(await page.textContent('.error-summary')).toContain('end');
    await expectNoAxeViolations(page, 'validation errors');
    await saveScreenshot(page, 'back-office-validation');
    await context.close();
  });
});
