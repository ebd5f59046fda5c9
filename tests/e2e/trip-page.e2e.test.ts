import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Trip } from '#app/domain/trips/trip-schema.ts';
import { baseUrl, launchBrowser, newPage, pageProblems } from '#tests/e2e/support/browser-session.ts';

async function tripTitled(part: string): Promise<Trip> {
  const res = await fetch(`${baseUrl()}/api/v1/trips?q=${encodeURIComponent(part)}`);
  const body = (await res.json()) as { items: Trip[] };
  const found = body.items.find((t) => t.title.includes(part));
  if (!found) throw new Error(`no seeded trip titled …${part}…`);
  return found;
}

describe('the trip page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the plan, the delegation with its stated headcount, budget against actual, and every outcome', async () => {
    const trip = await tripTitled('荷蘭、德國');
    const { context, page } = await newPage(browser);
    await page.goto(`/trips/${trip.id}`);
    await page.waitForSelector('ol.outcomes');
    expect(await page.locator('h1').textContent()).toBe(trip.title);
    expect(await page.title()).toContain(trip.title);

    const plan = page.locator('section', { has: page.getByRole('heading', { name: '出國計畫' }) });
    expect(await plan.locator('time').first().getAttribute('datetime')).toBe(trip.start);
    expect(await plan.textContent()).toContain('105/9/22–9/30');
    expect(await plan.textContent()).toContain('9 天');
    expect(await plan.textContent()).toContain('荷蘭');
    expect(await plan.textContent()).toContain('德國');

    const delegation = page.locator('section', { has: page.getByRole('heading', { name: '出國人員' }) });
    expect(await delegation.textContent()).toContain(`共 ${trip.headcount} 人`);
    expect(await delegation.textContent()).toContain(`名單列出 ${trip.members.length} 人`);
    expect(await delegation.locator('tbody th').allTextContents()).toEqual(trip.members.map((m) => m.name));
    expect(await delegation.locator('tbody tr').first().textContent()).toContain('團長');

    const budget = page.locator('section', { has: page.getByRole('heading', { name: '預算與實支' }) });
    expect(await budget.textContent()).toContain(`新臺幣 ${trip.budget.actual!.toLocaleString('en-US')} 元`);
    expect(await budget.textContent()).toContain('已核銷');

    const outcomes = await page.locator('ol.outcomes > li .outcome-text').allTextContents();
    expect(outcomes).toEqual(trip.outcomes.map((o) => o.text));
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('says when the cost is not settled and the outcomes are not compiled yet (the Mexico footnote trip)', async () => {
    const trip = await tripTitled('墨西哥');
    const { context, page } = await newPage(browser);
    await page.goto(`/trips/${trip.id}`);
    await page.waitForSelector('#budget-title');
    const budget = page.locator('section', { has: page.getByRole('heading', { name: '預算與實支' }) });
    expect(await budget.textContent()).toContain('尚待彙整');
    expect(await budget.textContent()).toContain('尚無資料');
    expect(await page.locator('section', { has: page.getByRole('heading', { name: '出國成效' }) }).textContent()).toContain('成效尚待彙整');
    await context.close();
  });

  it('answers an unknown trip with a not-found page, not an error', async () => {
    const { context, page } = await newPage(browser);
    const res = await page.goto('/trips/no-such-trip');
    expect(res?.status()).toBe(200);
    await expect.poll(() => page.locator('h1').textContent()).toBe('找不到這筆出國案件。');
    expect(await page.getByRole('link', { name: '回出國案件列表' }).count()).toBeGreaterThan(0);
    await context.close();
  });
});
