import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { expect, inject } from 'vitest';

/** The agency of the clerk the back-office tests sign in as. */
export const CLERK_AGENCY = '觀光旅遊局';
export const PASSWORD = 'e2e-password-correct-horse';

/** One user per role the back office shows a dashboard for. */
export const STAFF = {
  clerk: { username: 'e2e-clerk', displayName: '王承辦', roles: ['clerk'], agency: CLERK_AGENCY },
  secretariat: { username: 'e2e-secretariat', displayName: '李秘書', roles: ['secretariat'], agency: null },
  approver: { username: 'e2e-approver', displayName: '張核定', roles: ['approver'], agency: null },
  auditor: { username: 'e2e-auditor', displayName: '陳稽核', roles: ['auditor'], agency: null },
} as const;
export type StaffRole = keyof typeof STAFF;

async function admin(method: string, path: string, body: unknown, contentType = 'application/json'): Promise<Response> {
  return fetch(`${inject('baseUrl')}${path}`, {
    method,
    headers: { authorization: `Bearer ${inject('adminToken')}`, 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/**
 * Users, the clerk's agency budget for this year and next, and the sample per-diem rate table,
 * through the API with the admin token. Safe to run from several files: what exists is kept.
 */
export async function seedBackOffice(): Promise<void> {
  for (const user of Object.values(STAFF)) {
    const res = await admin('POST', '/api/v1/users', { ...user, roles: [...user.roles], password: PASSWORD });
    expect([201, 409], await res.clone().text()).toContain(res.status);
  }
  const rocYear = new Date().getFullYear() - 1911;
  for (const fiscalYear of [rocYear, rocYear + 1]) {
    const res = await admin('POST', '/api/v1/budgets', { fiscalYear, agency: CLERK_AGENCY, amount: 5_000_000 });
    expect([201, 409]).toContain(res.status);
  }
  const rates = await admin('GET', '/api/v1/per-diem/rates', undefined);
  if (rates.status !== 200) {
    const res = await admin('PUT', '/api/v1/per-diem/rates', readFileSync('samples/per-diem-rates.sample.csv', 'utf8'), 'text/csv');
    expect(res.status).toBe(200);
  }
}

/** Signs the browser context in through the API (its cookies are the context's). */
export async function signInAs(context: BrowserContext, role: StaffRole): Promise<void> {
  const res = await context.request.post('/api/v1/auth/login', { data: { username: STAFF[role].username, password: PASSWORD } });
  expect(res.status()).toBe(200);
}

/** Creates a draft trip of the clerk's agency with the admin token, for tests that need one ready. */
export async function createDraftTrip(title: string, start: string, end: string): Promise<{ id: string; version: number }> {
  const res = await admin('POST', '/api/v1/trips', {
    title,
    organisingAgency: CLERK_AGENCY,
    start,
    end,
    destinations: [{ country: '日本', countryCode: 'JP', cities: ['大阪'] }],
    members: [{ name: '王承辦', title: '科員', agency: CLERK_AGENCY, role: 'leader' }],
    budget: { currency: 'TWD', estimate: 80000, approved: null, actual: null, status: 'planned', estimateBreakdown: { airfare: 30000, lodging: 30000, perDiem: 20000 }, actualBreakdown: {} },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: string; version: number };
}

/** Presses Tab until the element with this id has focus: the way a keyboard user reaches a field. */
export async function tabTo(page: Page, id: string, maxPresses = 60): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if ((await page.evaluate(() => document.activeElement?.id ?? '')) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`#${id} was not reached with ${maxPresses} presses of Tab`);
}

/** An ISO date `days` from today, and the same date as an ROC date typed by hand (115/12/10). */
export function dateFromToday(days: number): { iso: string; roc: string } {
  const d = new Date(Date.now() + days * 86_400_000);
  const iso = d.toISOString().slice(0, 10);
  return { iso, roc: `${d.getUTCFullYear() - 1911}/${d.getUTCMonth() + 1}/${d.getUTCDate()}` };
}
