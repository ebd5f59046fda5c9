import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, pageProblems } from '#tests/e2e/support/browser-session.ts';

const FLORA_TRIP = '市長率團赴荷蘭、德國進行市政交流合作案';

describe('a public visitor searching the trips', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function rowTitles(page: Page): Promise<string[]> {
    return page.locator('table.trip-table tbody th a').allTextContents();
  }

  it('finds the Netherlands trip by searching 花博 from the home page and opens it', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/');
    await page.getByRole('navigation', { name: '主選單' }).getByRole('link', { name: '出國案件' }).click();
    await page.getByLabel('關鍵字').fill('花博');
    await page.getByRole('button', { name: '搜尋' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('花博');
    await expect.poll(() => page.locator('.result-count').textContent()).toContain('共 9 案');
    expect(await rowTitles(page)).toContain(FLORA_TRIP);
    await page.getByRole('link', { name: FLORA_TRIP }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(FLORA_TRIP);
    expect(page.url()).toMatch(/\/trips\/[\w-]+$/);
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('finds every trip of a person by a name in the keywords (林佳龍) and by the traveller filter', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/trips?q=%E6%9E%97%E4%BD%B3%E9%BE%8D');
    await expect.poll(() => page.locator('.result-count').textContent()).toMatch(/共 \d+ 案/);
    const byText = Number(/共 (\d+) 案/.exec((await page.locator('.result-count').textContent()) ?? '')?.[1]);
    await page.goto('/trips?person=%E6%9E%97%E4%BD%B3%E9%BE%8D');
    await expect.poll(() => page.locator('.result-count').textContent()).toMatch(/共 \d+ 案/);
    const byPerson = Number(/共 (\d+) 案/.exec((await page.locator('.result-count').textContent()) ?? '')?.[1]);
    // The mayor led most trips, though not all; the keyword search also finds him in outcomes.
    expect(byPerson).toBeGreaterThan(5);
    expect(byText).toBeGreaterThanOrEqual(byPerson);
    await context.close();
  });

  it('filters by agency and by outcome theme, chosen in the form', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/trips');
    await page.getByLabel('機關').fill('經濟發展局');
    await page.getByRole('button', { name: '搜尋' }).click();
    await expect.poll(() => page.url()).toContain('agency=');
    await expect.poll(() => page.locator('.result-count').textContent()).toMatch(/共 4 案/);
    await page.goto('/trips');
    await expect.poll(() => page.locator('select[name="theme"] option').count()).toBeGreaterThan(1);
    await page.locator('select[name="theme"]').selectOption('youth-games');
    await page.getByRole('button', { name: '搜尋' }).click();
    await expect.poll(() => page.url()).toContain('theme=youth-games');
    await expect.poll(() => page.getByRole('link', { name: '組團拜會東亞運動會總會會員國(韓國、日本)' }).count()).toBe(1);
    await context.close();
  });

  it('keeps filters, sorting and the page in the URL, so reloading or sharing a link shows the same list', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/trips');
    await expect.poll(() => page.locator('.result-count').textContent()).toBe('共 14 案，第 1–10 案');
    expect(await rowTitles(page)).toHaveLength(10);

    await page.getByRole('navigation', { name: '分頁' }).getByRole('link', { name: '下一頁' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('page')).toBe('2');
    await expect.poll(() => page.locator('.result-count').textContent()).toBe('共 14 案，第 11–14 案');
    const secondPage = await rowTitles(page);
    expect(secondPage).toHaveLength(4);
    await page.reload();
    await expect.poll(() => rowTitles(page)).toEqual(secondPage);
    await page.goBack();
    await expect.poll(() => page.locator('.result-count').textContent()).toBe('共 14 案，第 1–10 案');

    // Filters are applied with the form; the URL carries them.
    await page.getByLabel('國家').selectOption({ label: '日本' });
    await page.getByLabel('排序').selectOption('-cost');
    await page.getByRole('button', { name: '搜尋' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?country=JP&sort=-cost');
    await expect.poll(() => page.locator('.result-count').textContent()).toContain('共 4 案');
    const places = await page.locator('table.trip-table tbody tr td:nth-child(3)').allTextContents();
    for (const p of places) expect(p).toContain('日本');
    const costs = (await page.locator('table.trip-table tbody tr td:nth-child(5)').allTextContents()).map((c) => Number(c.replace(/,/g, '')));
    expect(costs).toEqual([...costs].sort((a, b) => b - a));

    // A shared link with a year (Gregorian or ROC in the API) and a status opens filtered, with the form filled in.
    await page.goto('/trips?year=2018&status=settling');
    await expect.poll(() => page.locator('.result-count').textContent()).toContain('共 3 案');
    expect(await page.getByLabel('年度').inputValue()).toBe('2018');
    expect(await page.getByLabel('經費狀態').inputValue()).toBe('settling');
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('shows dates in the ROC calendar with the ISO date on hover', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/trips?q=%E5%A2%A8%E8%A5%BF%E5%93%A5');
    const first = page.locator('table.trip-table tbody tr').first().locator('time').first();
    await expect.poll(() => first.textContent()).toBe('107/4/19');
    expect(await first.getAttribute('title')).toBe('2018-04-19');
    expect(await first.getAttribute('datetime')).toBe('2018-04-19');
    await context.close();
  });

  it('can be used with the keyboard alone: skip link, search form, Enter, a result', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/trips');
    await expect.poll(() => page.locator('.result-count').textContent()).toContain('共 14 案');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到主要內容');
    await page.keyboard.press('Enter');
    // From the main content, tab to the keyword field.
    for (let i = 0; i < 10 && (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)) !== 'q'; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('q');
    await page.keyboard.type('花博');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.result-count').textContent()).toContain('共 9 案');
    // Focus stays in the form after the search, and the results follow it in tab order.
    let reached = '';
    for (let i = 0; i < 20 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => (document.activeElement?.closest('table.trip-table') ? (document.activeElement?.textContent ?? '') : ''));
    }
    expect(reached).not.toBe('');
    const focusVisible = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(focusVisible).toBe('solid');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe(reached);
    await context.close();
  });
});
