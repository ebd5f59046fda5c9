import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { inject } from 'vitest';
import type { Trip } from '#app/domain/trips/trip-schema.ts';
import { baseUrl, expectNoAxeViolations, launchBrowser, newPage, pageProblems, saveScreenshot } from '#tests/e2e/support/browser-session.ts';

async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${baseUrl()}${path}`, init);
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function tripStarting(start: string): Promise<Trip> {
  const { items } = await api<{ items: Trip[] }>('/api/v1/trips?limit=100');
  const found = items.find((t) => t.start === start);
  if (!found) throw new Error(`no seeded trip starting ${start}`);
  return found;
}

describe('partner pages and the trip page’s follow-ups, report and history', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('follows an outcome’s counterparty from the 107 Changwon trip to 昌原市, whose timeline spans the 104 and 107 trips', async () => {
    const seoul = await tripStarting('2015-04-06');
    const changwonTrip = await tripStarting('2018-04-10');
    const { context, page } = await newPage(browser);
    await page.goto(`/trips/${changwonTrip.id}`);
    await page.waitForSelector('ol.outcomes .outcome-meta');
    await page.locator('ol.outcomes').getByRole('link', { name: '昌原市' }).first().click();
    await page.waitForSelector('ol.timeline');
    expect(new URL(page.url()).pathname).toMatch(/^\/partners\/[^/]+$/);
    expect(await page.locator('h1').textContent()).toContain('昌原市');
    expect(await page.title()).toContain('昌原市');
    expect(await page.locator('main').textContent()).toContain('城市');

    // Visits in time order, each linking to its trip: 104 Seoul, then 107 Changwon.
    const visits = page.locator('li.timeline-trip a');
    expect(await visits.evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([`/trips/${seoul.id}`, `/trips/${changwonTrip.id}`]);
    const dates = await page.locator('.timeline-date time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime') ?? ''));
    expect(dates).toEqual([...dates].sort());
    expect(dates[0]).toBe('2015-04-06');
    // The follow-ups between them, dated by month in the ROC calendar (104 年 5 月 is 104/5).
    const followUps = page.locator('li.timeline-follow-up .timeline-date time');
    expect(await followUps.evaluateAll((times) => times.map((t) => t.getAttribute('datetime')))).toEqual(['2015-05', '2017-06', '2018-04']);
    expect(await followUps.first().textContent()).toBe('104/5');
    // An outcome names its trip, so the visitor can go back to either one.
    const outcomes = page.locator('li.timeline-outcome');
    expect(await outcomes.count()).toBe(3);
    expect(await outcomes.first().locator('.timeline-trip-link').textContent()).toContain(seoul.title);
    await expectNoAxeViolations(page, 'partner (zh-TW)');
    await saveScreenshot(page, 'partner');
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('finds a partner by name and kind from the list, with the search in the URL', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/');
    await page.getByRole('link', { name: '查看合作城市與機構的往來紀錄' }).click();
    await page.waitForSelector('table.partner-table');
    expect(await page.locator('h1').textContent()).toBe('合作城市與機構');
    await saveScreenshot(page, 'partners');
    await page.getByLabel('名稱').fill('昌原');
    await page.getByLabel('類型').selectOption('city');
    await page.getByLabel('名稱').press('Enter');
    await expect.poll(() => page.locator('p.result-count').textContent()).toBe('共 1 筆');
    const url = new URL(page.url());
    expect(url.searchParams.get('q')).toBe('昌原');
    expect(url.searchParams.get('kind')).toBe('city');
    expect(await page.locator('table.partner-table tbody th a').allTextContents()).toEqual(['昌原市']);
    await page.reload();
    await page.waitForSelector('table.partner-table');
    expect(await page.getByLabel('名稱').inputValue()).toBe('昌原');
    await page.goto('/partners?kind=organisation');
    await page.waitForSelector('table.partner-table');
    expect(await page.locator('table.partner-table tbody td:nth-child(3)').allTextContents()).toEqual(expect.arrayContaining(['機構']));
    expect(new Set(await page.locator('table.partner-table tbody td:nth-child(3)').allTextContents())).toEqual(new Set(['機構']));
    await context.close();
  });

  it('shows a trip’s outcomes with type, status and follow-ups, the report file once uploaded, and the history of its changes', async () => {
    // The 104 Seoul trip: its outcome about 趙慶泰 has three dated follow-ups (104/5, 106/6, 107/4).
    const trip = await tripStarting('2015-04-06');
    const auth = { authorization: `Bearer ${inject('adminToken')}` };
    const { context, page } = await newPage(browser);
    await page.goto(`/trips/${trip.id}`);
    await page.waitForSelector('.history-table');
    await page.waitForSelector('ol.outcomes .outcome-meta');
    const outcomes = page.locator('section', { has: page.getByRole('heading', { name: '出國成效' }) });
    expect(await outcomes.locator('ol.outcomes > li .outcome-text').allTextContents()).toEqual(trip.outcomes.map((o) => o.text));
    expect(await outcomes.textContent()).toContain('成效類型');
    expect(await outcomes.textContent()).toContain('報告所述');
    const followUps = outcomes.locator('.follow-ups');
    expect(await followUps.count()).toBe(1);
    expect(await followUps.textContent()).toContain('後續追蹤');
    expect(await followUps.locator('li').count()).toBe(3);
    expect(await followUps.locator('time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime')))).toEqual(['2015-05', '2017-06', '2018-04']);
    expect(await followUps.locator('li').first().textContent()).toContain('已完成');
    expect(await outcomes.getByRole('link', { name: '昌原市' }).count()).toBeGreaterThan(0);
    const report = page.locator('section', { has: page.getByRole('heading', { name: '出國報告' }) });
    expect(await report.textContent()).toContain('出國報告尚未提出');
    const history = page.locator('section', { has: page.getByRole('heading', { name: '異動紀錄' }) });
    expect(await history.locator('tbody tr').allTextContents()).toEqual([expect.stringContaining('由已公開的報告匯入')]);

    // Staff file the report and upload it, writing an internal note at the same time.
    const note = '內部註記：報告檔待主管確認';
    const patched = await api<Trip>(`/api/v1/trips/${trip.id}`, {
      method: 'PATCH',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ version: trip.version, notes: note, report: { title: '赴韓國首爾參加 ICLEI 世界大會出國報告', date: '2018-05-20', pages: 24, keywords: ['ICLEI', '昌原市'] } }),
    });
    await api<Trip>(`/api/v1/trips/${trip.id}/report/file?name=${encodeURIComponent('首爾出國報告.pdf')}&version=${patched.version}`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/pdf' },
      body: Buffer.from('%PDF-1.4\n%%EOF\n'),
    });

    await page.reload();
    await page.waitForSelector('.history-table tbody tr:nth-child(3)');
    expect(await report.textContent()).toContain('赴韓國首爾參加 ICLEI 世界大會出國報告');
    const download = report.getByRole('link', { name: /下載出國報告（PDF/ });
    const href = (await download.getAttribute('href')) as string;
    const file = await fetch(`${baseUrl()}${href}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('application/pdf');
    const rows = await history.locator('tbody tr').allTextContents();
    expect(rows).toEqual([expect.stringContaining('由已公開的報告匯入'), expect.stringContaining('修改：出國報告'), expect.stringContaining('上傳出國報告檔案')]);
    expect(await history.locator('tbody time').first().getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain(note);
    expect(text).not.toContain('Administrator');
    await expectNoAxeViolations(page, 'trip with report and history (zh-TW)');
    await saveScreenshot(page, 'trip-follow-ups');

    // The same page in English names the fields and states in English.
    await page.getByRole('button', { name: 'English' }).click();
    const historyEn = page.locator('section', { has: page.getByRole('heading', { name: 'History of changes' }) });
    await expect.poll(() => historyEn.locator('tbody tr').nth(1).textContent(), { timeout: 5000 }).toContain('Changed: post-trip report');
    expect(await historyEn.locator('tbody tr').nth(2).textContent()).toContain('Post-trip report file uploaded');
    await expectNoAxeViolations(page, 'trip with report and history (en)');
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });
});
