import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser, pageProblems, saveScreenshot } from '#tests/e2e/support/browser-session.ts';
import { newStaffPage, seedBackOffice, signInAs, startStaffServer, type StaffServer } from '#tests/e2e/support/back-office-seed.ts';

interface OutcomeJson {
  id: string;
  type: string | null;
  typeState: string | null;
  followUps: { id: string; date: string | null; dueOn: string | null; description: string; status: string; overdue: boolean; links: { url: string }[]; files: { name: string }[] }[];
}

/** The seed's 107 (2018) Changwon trip: its first outcome is the friendship-city one, type proposed by the rules. */
const SEED_TITLE = '本府派員赴韓國進行市政交流';

describe('back office: outcomes and follow-ups of an imported trip', () => {
  let browser: Browser;
  let server: StaffServer;
  let tripId = '';
  const outcomes = async (): Promise<OutcomeJson[]> => ((await (await fetch(`${server.baseUrl}/api/v1/outcomes?tripId=${tripId}`)).json()) as { items: OutcomeJson[] }).items;

  beforeAll(async () => {
    server = await startStaffServer();
    await seedBackOffice();
    const trips = (await (await fetch(`${server.baseUrl}/api/v1/trips?limit=100`)).json()) as { items: { id: string; title: string }[] };
    tripId = trips.items.find((t) => t.title === SEED_TITLE)?.id ?? '';
    expect(tripId, 'the seed trip').not.toBe('');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const first = (page: Page) => page.locator('article.outcome').first();

  it('the secretariat confirms a proposed type, adds a dated follow-up with evidence, and sees it listed; axe in both languages', async () => {
    const { context, page } = await newStaffPage(browser);
    await signInAs(context, 'secretariat');
    await page.goto(`/admin/trips/${tripId}`);
    await page.click('a:text-is("成效與追蹤")');
    await page.waitForSelector('article.outcome');
    expect(await page.title()).toContain('成效與追蹤');
    expect(await page.locator('article.outcome').count()).toBe((await outcomes()).length);

    // The rules proposed 締結姊妹市／友好城市 for the first item; the person accepts it.
    const card = first(page);
    expect(await card.locator('.outcome-type').textContent()).toContain('締結姊妹市／友好城市');
    expect(await card.locator('.outcome-type .proposal-proposed').count()).toBe(1);
    expect(await card.textContent()).toContain('昌原市');
    await card.locator('button[data-confirm="type"]').click();
    await card.locator('.outcome-type .proposal-confirmed').waitFor();
    expect(await card.locator('[role="status"]').textContent()).toContain('已確認');
    expect(await card.locator('button[data-confirm="type"]').count()).toBe(0);
    expect(await page.textContent('.outcomes-summary')).toContain('2 項類型待確認');
    const confirmed = (await outcomes())[0]!;
    expect([confirmed.type, confirmed.typeState]).toEqual(['sister-friendship-city', 'confirmed']);

    // A dated follow-up with a link and an evidence file, typed as the reports write dates (107/10/20).
    await card.locator('button:text-is("新增追蹤紀錄")').click();
    const dateId = `fu-new-${confirmed.id}-date`;
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(dateId);
    await page.keyboard.type('107/10/20');
    expect(await page.textContent(`output[for="${dateId}"]`)).toContain('2018-10-20');
    await page.fill(`#fu-new-${confirmed.id}-description`, '昌原市長率團回訪，簽署友好交流備忘錄');
    await page.click('button:text-is("新增佐證連結")');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`fu-new-${confirmed.id}-links-0-url`);
    await page.keyboard.type('https://www.taichung.gov.tw/news/changwon');
    await page.fill(`#fu-new-${confirmed.id}-links-0-title`, '新聞稿');
    await page.setInputFiles(`#fu-new-${confirmed.id}-file`, { name: '回訪紀錄.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% e2e evidence\n') });
    await page.click('button:text-is("儲存追蹤紀錄")');
    const row = card.locator('.follow-up-table tbody tr').first();
    await row.waitFor();
    expect(await card.locator('[role="status"]').textContent()).toContain('已上傳佐證檔案 回訪紀錄.pdf');
    const rowText = await row.textContent();
    expect(rowText).toContain('107/10/20');
    expect(rowText).toContain('昌原市長率團回訪');
    expect(rowText).toContain('新聞稿');
    expect(rowText).toContain('回訪紀錄.pdf');
    expect(rowText).toContain('已完成');
    const stored = (await outcomes())[0]!.followUps;
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ date: '2018-10-20', status: 'done', links: [{ url: 'https://www.taichung.gov.tw/news/changwon' }], files: [{ name: '回訪紀錄.pdf' }] });
    // The file downloads with the session.
    const href = (await row.locator('a[download]').getAttribute('href'))!;
    const file = await context.request.get(href);
    expect(file.status()).toBe(200);
    expect((await file.body()).toString()).toContain('e2e evidence');

    // A second one only due (an ISO date typed as ROC), already past: the outcome shows it overdue.
    await card.locator('button:text-is("新增追蹤紀錄")').click();
    await page.fill(`#fu-new-${confirmed.id}-dueOn`, '108/1/31');
    await page.fill(`#fu-new-${confirmed.id}-description`, '雙方續商經貿合作備忘錄');
    await page.click('button:text-is("儲存追蹤紀錄")');
    await card.locator('.follow-up-table tbody tr').nth(1).waitFor();
    await card.locator('h2 .overdue-mark').waitFor();
    expect(await page.textContent('.outcomes-summary')).toContain('1 項有逾期追蹤');
    expect(await card.locator('.follow-up-table tbody tr').nth(1).textContent()).toContain('逾期');

    await expectNoAxeViolations(page, 'outcomes');
    await saveScreenshot(page, 'back-office-outcomes');
    await page.click('button.lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await first(page).locator('.outcome-type').textContent()).toContain('Sister or friendship city');
    await expectNoAxeViolations(page, 'outcomes (en)');
    // The editor with its theme list and partner search, in English, also passes.
    await first(page).locator('button:text-is("Edit the classification of outcome 1")').click();
    await page.fill(`#outcome-${confirmed.id}-counterparties-search`, '安商守');
    await page.keyboard.press('Enter');
    await first(page).locator('.partner-hits button').first().waitFor();
    await expectNoAxeViolations(page, 'outcome editor (en)');
    expect(pageProblems(page)).toEqual([]);
    await context.close();
  });

  it('editing the classification: themes and a counterparty from the registry search', async () => {
    const { context, page } = await newStaffPage(browser);
    await signInAs(context, 'secretariat');
    await page.goto(`/admin/trips/${tripId}/outcomes`);
    const card = page.locator('article.outcome').nth(1);
    await card.waitFor();
    const id = (await card.getAttribute('data-outcome-id'))!;
    await card.locator('button:text-is("編輯成效 2 的分類")').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`outcome-${id}-type`);
    await page.selectOption(`#outcome-${id}-status`, 'realised');
    await page.fill(`#outcome-${id}-agency`, '觀光旅遊局');
    await card.locator('label:has-text("宣傳 2018 世界花博") input').uncheck();
    await page.fill(`#outcome-${id}-counterparties-search`, '昌原');
    await page.keyboard.press('Enter');
    await card.locator('button:text-is("加入 昌原市")').click();
    await card.locator('button:text-is("儲存成效")').click();
    await card.locator('[role="status"]:has-text("已儲存成效")').waitFor();
    const saved = ((await (await fetch(`${server.baseUrl}/api/v1/outcomes/${id}`)).json()) as { status: string; agency: string; themes: unknown[]; counterparties: { name: string; state: string }[] });
    expect(saved).toMatchObject({ status: 'realised', agency: '觀光旅遊局', themes: [], counterparties: [{ name: '昌原市', state: 'confirmed' }] });
    expect(await card.textContent()).toContain('已實現');
    await context.close();
  });

  it('a 400 puts the message next to the field; a follow-up is changed and deleted', async () => {
    const { context, page } = await newStaffPage(browser);
    await signInAs(context, 'secretariat');
    await page.goto(`/admin/trips/${tripId}/outcomes`);
    const card = page.locator('article.outcome').nth(2);
    await card.waitFor();
    const id = (await card.getAttribute('data-outcome-id'))!;
    await card.locator('button:text-is("新增追蹤紀錄")').click();
    await page.fill(`#fu-new-${id}-description`, '   ');
    await page.click('button:text-is("儲存追蹤紀錄")');
    await card.locator('.error-summary').waitFor();
    expect(await page.getAttribute(`#fu-new-${id}-description`, 'aria-invalid')).toBe('true');
    await page.fill(`#fu-new-${id}-date`, '107/5');
    await page.fill(`#fu-new-${id}-description`, '交流後續：觀光推廣');
    await page.click('button:text-is("儲存追蹤紀錄")');
    const row = card.locator('.follow-up-table tbody tr').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('107/5');
    await card.locator('button:text-is("編輯追蹤紀錄 1")').click();
    const formStatus = card.locator('.follow-up-form select').first();
    await formStatus.selectOption('cancelled');
    await card.locator('button:text-is("儲存追蹤紀錄")').click();
    await card.locator('.follow-up-table tbody tr:has-text("已取消")').waitFor();
    expect(await card.locator('[role="status"]').textContent()).toContain('已儲存追蹤紀錄');
    page.once('dialog', (d) => void d.accept());
    await card.locator('button:text-is("刪除追蹤紀錄 1")').click();
    await card.locator('[role="status"]:has-text("已刪除追蹤紀錄")').waitFor();
    expect(await card.locator('.follow-up-table').count()).toBe(0);
    await context.close();
  });

  it('an auditor reads only; a clerk of another agency gets no controls', async () => {
    for (const role of ['auditor', 'clerk'] as const) {
      const { context, page } = await newStaffPage(browser);
      await signInAs(context, role);
      await page.goto(`/admin/trips/${tripId}/outcomes`);
      await page.waitForSelector('article.outcome');
      expect(await page.textContent('.read-only-note')).toContain('唯讀');
      expect(await page.locator('article.outcome button').count()).toBe(0);
      expect(await page.locator('.follow-up-table').first().textContent()).toContain('回訪紀錄.pdf');
      await expectNoAxeViolations(page, `outcomes as ${role}`);
      // The server says the same: a write is refused.
      const csrf = (await context.cookies()).find((c) => c.name === 'ml_csrf')?.value ?? '';
      const res = await context.request.patch(`/api/v1/outcomes/${(await outcomes())[0]!.id}`, { data: { status: 'lapsed', version: 99 }, headers: { 'x-csrf-token': decodeURIComponent(csrf) } });
      expect(res.status()).toBe(403);
      await context.close();
    }
  });
});
