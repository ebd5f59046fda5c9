import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser, pageProblems, saveScreenshot } from '#tests/e2e/support/browser-session.ts';
import { createDraftTrip, newStaffPage, startStaffServer, type StaffServer, dateFromToday, PASSWORD, seedBackOffice, signInAs, STAFF, tabTo } from '#tests/e2e/support/back-office-seed.ts';

async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, id);
  await page.keyboard.type(text);
}

async function act(page: Page, action: string, expectedState: string): Promise<void> {
  await page.click(`.workflow button[data-action="${action}"]`);
  await page.waitForSelector(`.workflow .state:text-is("${expectedState}")`, { timeout: 8000 }).catch(async (e: unknown) => {
    throw new Error(`${action}: ${await page.textContent('.workflow')}`, { cause: e });
  });
}

describe('back office: a trip from plan to the public portal', () => {
  let browser: Browser;
  let server: StaffServer;
  beforeAll(async () => {
    server = await startStaffServer();
    await seedBackOffice();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a clerk plans a trip by keyboard, the approver approves it, the clerk settles it, and the portal shows it', { timeout: 90_000 }, async () => {
    const start = dateFromToday(20);
    const end = dateFromToday(24);
    const title = `東京觀光推廣 e2e ${Date.now()}`;
    const clerk = await newStaffPage(browser);
    const page = clerk.page;

    // Sign in with the keyboard: the username field is the first field after the skip link and the header.
    await page.goto('/admin');
    await page.waitForSelector('input[name=username]');
    expect(page.url()).toContain('/admin/sign-in');
    await expectNoAxeViolations(page, 'sign-in');
    await saveScreenshot(page, 'back-office-sign-in');
    await page.focus('input[name=username]');
    await page.keyboard.type(STAFF.clerk.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForSelector('h2:text-is("本機關出國案")');
    await page.waitForSelector('h2:text-is("尚待辦理事項") ~ *:not([role=status])');
    await expectNoAxeViolations(page, 'clerk dashboard');
    await saveScreenshot(page, 'back-office-clerk-dashboard');

    // The form, by keyboard only: skip link → main → each field in tab order → the submit button.
    await page.click('a:text-is("新增出國案")');
    await page.waitForSelector('#trip-title');
    await page.keyboard.press('Tab');
    await typeInto(page, 'trip-title', title);
    await typeInto(page, 'trip-invitingBody', '東京都政府');
    await typeInto(page, 'trip-purpose', '推廣臺中觀光');
    await typeInto(page, 'trip-start', start.roc);
    expect(await page.textContent('#trip-start-hint output')).toContain(start.iso);
    await typeInto(page, 'trip-end', end.roc);
    await typeInto(page, 'trip-destinations-0-country', '日本');
    await typeInto(page, 'trip-destinations-0-countryCode', 'jp');
    await typeInto(page, 'trip-destinations-0-cities', '東京');
    // "Add a person" is the button after "Add a place"; Enter adds a row and puts focus in its name field.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('新增人員');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'trip-members-0-name');
    await page.keyboard.type('王承辦');
    await typeInto(page, 'trip-members-0-title', '科員');
    await typeInto(page, 'trip-headcount', '2');
    await typeInto(page, 'trip-budget-estimateBreakdown-airfare', '30000');
    await typeInto(page, 'trip-budget-estimateBreakdown-lodging', '40000');
    await typeInto(page, 'trip-budget-estimateBreakdown-perDiem', '99999');
    // The per-diem check runs as one types: 99,999 is above two people's five-day limit.
    await page.waitForSelector('.per-diem-result[data-state=ok]');
    expect(await page.textContent('.per-diem-result')).toContain('超出上限');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('20000');
    await page.waitForFunction(() => document.querySelector('.per-diem-result')?.textContent?.includes('未超出上限'));
    await expectNoAxeViolations(page, 'new trip form');
    await saveScreenshot(page, 'back-office-trip-form');
    await tabTo(page, 'trip-save', 80);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin\/trips\/[0-9a-f-]{8,}/);
    await page.waitForSelector('.workflow button[data-action=submit]');
    const tripId = page.url().split('/').pop()!;
    expect(await page.textContent('h1')).toContain(title);
    expect(await page.inputValue('#trip-start')).toBe(start.roc);

    await act(page, 'submit', '已送審');
    await expectNoAxeViolations(page, 'submitted trip');

    // The approver finds it in the review queue and approves it.
    const approver = await newStaffPage(browser);
    await signInAs(approver.context, 'approver');
    await approver.page.goto('/admin');
    await approver.page.click(`a:text-is("${title}")`);
    await approver.page.waitForSelector('.workflow button[data-action=approve]');
    await approver.page.fill('.workflow textarea', '同意');
    await act(approver.page, 'approve', '已核定');
    expect(pageProblems(approver.page)).toEqual([]);
    await approver.context.close();

    // Back to the clerk: depart, come home, settle with the actual costs.
    await page.reload();
    await page.waitForSelector('.workflow button[data-action=depart]');
    await act(page, 'depart', '出國中');
    await act(page, 'come-home', '已返國');
    await page.fill('input[name=actual-airfare]', '29500');
    await page.fill('input[name=actual-lodging]', '38000');
    await page.fill('input[name=actual-perDiem]', '19800');
    await expectNoAxeViolations(page, 'trip ready to settle');
    await saveScreenshot(page, 'back-office-trip-settle');
    await act(page, 'settle', '已核銷');
    expect(pageProblems(page)).toEqual([]);
    await clerk.context.close();

    // Anyone can now read it on the public portal, with the settled cost.
    const visitor = await newStaffPage(browser);
    await visitor.page.goto(`/trips/${tripId}`);
    await visitor.page.waitForSelector(`h1:text-is("${title}")`);
    const body = await visitor.page.textContent('main');
    expect(body).toContain('87,300');
    await visitor.page.goto(`/trips?q=${encodeURIComponent('東京觀光推廣')}`);
    await visitor.page.waitForSelector(`a:text-is("${title}")`);
    await visitor.context.close();
  });

  it('shows 「此出國案已被他人修改」 with the differing fields when two sessions edit the same trip', async () => {
    const start = dateFromToday(40);
    const end = dateFromToday(42);
    const trip = await createDraftTrip(`大阪交流 e2e ${Date.now()}`, start.iso, end.iso);
    const first = await newStaffPage(browser);
    const second = await newStaffPage(browser);
    await signInAs(first.context, 'clerk');
    await signInAs(second.context, 'secretariat');
    for (const { page } of [first, second]) {
      await page.goto(`/admin/trips/${trip.id}`);
      await page.waitForSelector('#trip-title');
    }
    await first.page.fill('#trip-title', '大阪交流（甲修改）');
    await first.page.click('#trip-save');
    await first.page.waitForSelector('text=已儲存');

    await second.page.fill('#trip-title', '大阪交流（乙修改）');
    await second.page.click('#trip-save');
    await second.page.waitForSelector('.conflict');
    expect(await second.page.textContent('.conflict h2')).toBe('此出國案已被他人修改');
    const row = await second.page.textContent('.conflict tr[data-field=title]');
    expect(row).toContain('大阪交流（甲修改）');
    expect(row).toContain('大阪交流（乙修改）');
    await expectNoAxeViolations(second.page, 'conflict');
    await saveScreenshot(second.page, 'back-office-conflict');

    // Keeping one's own change saves it over the newer version.
    await second.page.click('button:text-is("以我的修改覆蓋")');
    await second.page.waitForSelector('text=已儲存');
    const stored = await second.context.request.get(`/api/v1/trips/${trip.id}`);
    expect(((await stored.json()) as { title: string }).title).toBe('大阪交流（乙修改）');
    expect(pageProblems(first.page)).toEqual([]);
    await first.context.close();
    await second.context.close();
  });
});
