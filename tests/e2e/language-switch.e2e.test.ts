import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, pageProblems } from '#tests/e2e/support/browser-session.ts';

describe('the language switch', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('starts in Traditional Chinese, switches to English and back, remembers the choice, and keeps <html lang> in step', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/trips?country=JP');
    await page.waitForSelector('table.trip-table');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-TW');
    expect(await page.locator('h1').textContent()).toBe('出國案件');
    const switchButton = page.locator('button.lang-switch');
    expect(await switchButton.textContent()).toBe('English');
    expect(await switchButton.getAttribute('lang')).toBe('en');

    await switchButton.click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Trips');
    expect(await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link').allTextContents()).toEqual(['Home', 'Trips', 'Open data']);
    // Country names come from the browser's own English names; the search stays as it was.
    expect(await page.locator('table.trip-table tbody tr').first().locator('td').nth(1).textContent()).toContain('Japan');
    expect(await page.locator('.result-count').textContent()).toMatch(/^4 trips, showing 1–4$/);
    expect(new URL(page.url()).search).toBe('?country=JP');
    expect(await page.title()).toBe('Trips | Mission Ledger');

    await page.goto('/');
    await page.waitForSelector('.stats');
    expect(await page.locator('h1').textContent()).toBe('This term’s overseas trips at a glance');
    expect(await page.locator('.stats dt').allTextContents()).toEqual(['Trips', 'Settled cost', 'Countries visited', 'Outcomes', 'Travellers']);

    await page.locator('button.lang-switch').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-TW');
    expect(await page.locator('h1').textContent()).toBe('本屆因公出國一覽');
    await page.reload();
    await page.waitForSelector('.stats');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-TW');
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });
});
