import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, expectNoAxeViolations, launchBrowser, newPage, pageProblems, saveScreenshot } from '#tests/e2e/support/browser-session.ts';

interface PageCase {
  name: string;
  path: () => Promise<string>;
  /** Visible once the page's data has loaded (each of them, when several). */
  ready: string | string[];
}

async function floraTripPath(): Promise<string> {
  const res = await fetch(`${baseUrl()}/api/v1/trips?q=${encodeURIComponent('荷蘭')}`);
  const body = (await res.json()) as { items: { id: string }[] };
  return `/trips/${body.items[0]!.id}`;
}

async function seoulTripPath(): Promise<string> {
  const res = await fetch(`${baseUrl()}/api/v1/trips?limit=100`);
  const body = (await res.json()) as { items: { id: string; start: string }[] };
  return `/trips/${body.items.find((t) => t.start === '2015-04-06')!.id}`;
}

async function changwonPath(): Promise<string> {
  const res = await fetch(`${baseUrl()}/api/v1/partners?kind=city&q=${encodeURIComponent('昌原')}`);
  const body = (await res.json()) as { items: { id: string }[] };
  return `/partners/${body.items[0]!.id}`;
}

const PAGES: PageCase[] = [
  { name: 'home', path: async () => '/', ready: '.world-map .visited' },
  { name: 'trips', path: async () => '/trips', ready: 'table.trip-table' },
  { name: 'trips-search', path: async () => `/trips?q=${encodeURIComponent('花博')}&sort=-cost`, ready: 'table.trip-table' },
  { name: 'trip', path: floraTripPath, ready: ['ol.outcomes .outcome-meta', '.history-table'] },
  { name: 'partners', path: async () => '/partners', ready: 'table.partner-table' },
  { name: 'partners-search', path: async () => `/partners?q=${encodeURIComponent('昌原')}&kind=city`, ready: 'table.partner-table' },
  { name: 'partner', path: changwonPath, ready: 'ol.timeline' },
  { name: 'trip-follow-ups', path: seoulTripPath, ready: ['ol.outcomes .follow-ups', '.history-table'] },
  { name: 'budgets', path: async () => '/budgets', ready: '.budget-series-chart table' },
  { name: 'open-data', path: async () => '/open-data', ready: 'table.data-table' },
  { name: 'not-found', path: async () => '/no-such-page', ready: 'h1' },
];

describe('every public page, in both languages', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(page: Page, c: PageCase): Promise<void> {
    await page.goto(await c.path());
    for (const selector of ([] as string[]).concat(c.ready)) await page.waitForSelector(selector);
  }

  for (const lang of ['zh-TW', 'en'] as const) {
    it(`has no WCAG 2.1 A/AA violations (axe-core) and is captured in a screenshot: ${lang}`, async () => {
      const { context, page } = await newPage(browser);
      if (lang === 'en') await context.addInitScript(() => localStorage.setItem('mission-ledger.lang', 'en'));
      for (const c of PAGES) {
        await open(page, c);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
        expect(await page.title()).not.toBe('');
        await expectNoAxeViolations(page, `${c.name} (${lang})`);
        await saveScreenshot(page, `${c.name}${lang === 'en' ? '-en' : ''}`);
      }
      expect(pageProblems(page)).toEqual([]);
      await context.close();
    });
  }

  it('has no violations on a phone-sized screen either', async () => {
    const { context, page } = await newPage(browser, { width: 390, height: 844 });
    for (const c of PAGES.filter((p) => ['home', 'trips', 'trips-search', 'trip', 'partners', 'partner', 'trip-follow-ups'].includes(p.name))) {
      await open(page, c);
      await expectNoAxeViolations(page, `${c.name} (phone)`);
      // Nothing may force sideways scrolling of the whole page (WCAG 1.4.10 reflow).
      expect(await page.evaluate(() => document.documentElement.scrollWidth), c.name).toBeLessThanOrEqual(390);
    }
    await saveScreenshot(page, 'trip-phone');
    await context.close();
  });

  it('shows a visible skip link on the first Tab that moves focus to the main content', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/open-data');
    await page.waitForSelector('table.data-table');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '跳到主要內容' });
    const box = await skip.boundingBox();
    expect(box && box.y >= 0 && box.height > 0).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await context.close();
  });
});
