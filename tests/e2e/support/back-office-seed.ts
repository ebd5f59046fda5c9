import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

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

const ADMIN_TOKEN = 'e2e-back-office-admin-token-0123456789';

/**
 * The back-office tests run against a server of their own (fresh SQLite database seeded with the
 * sample report): the trips they approve and settle become public, and the portal tests count on
 * exactly the 14 sample trips in theirs.
 */
export interface StaffServer {
  baseUrl: string;
  stop(): Promise<void>;
}

let server: StaffServer | null = null;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the built server (`node bin/mission-ledger.js serve`) on a free port and waits for /healthz. */
export async function startStaffServer(): Promise<StaffServer> {
  const dir = mkdtempSync(join(tmpdir(), 'mission-ledger-back-office-'));
  const port = await freePort();
  let log = '';
  const child: ChildProcess = spawn(process.execPath, ['bin/mission-ledger.js', 'serve'], {
    env: { ...process.env, DATABASE_URL: join(dir, 'ledger.db'), PORT: String(port), HOST: '127.0.0.1', ADMIN_TOKEN, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (log += c.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  for (const deadline = Date.now() + 30_000; ; ) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}:\n${log}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer ${baseUrl}/healthz in 30 s:\n${log}`);
    }
    if (await fetch(`${baseUrl}/healthz`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 150));
  }
  server = { baseUrl, stop };
  return server;
}

function staffBase(): string {
  if (!server) throw new Error('call startStaffServer() in beforeAll first');
  return server.baseUrl;
}

/** Like browser-session's newPage, against the back-office server, with the same problem tracking. */
export async function newStaffPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: staffBase(), viewport: { width: 1280, height: 900 }, locale: 'zh-TW' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  (page as Page & { problems: string[] }).problems = problems;
  return { context, page };
}

async function admin(method: string, path: string, body: unknown, contentType = 'application/json'): Promise<Response> {
  return fetch(`${staffBase()}${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': contentType },
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
