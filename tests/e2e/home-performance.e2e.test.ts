import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, newPage } from '#tests/e2e/support/browser-session.ts';

/** A slow mobile connection: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up (Lighthouse's "slow 4G"). */
const SLOW = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

interface Load {
  firstContentfulPaint: number;
  /** When the figures (fetched from the API) are on screen. */
  figuresShown: number;
  /** When the map (its own chunk) is drawn. */
  mapShown: number;
  scripts: { url: string; transferred: number }[];
}

async function loadHome(page: Page): Promise<Load> {
  await page.goto('/');
  await page.waitForSelector('.stats');
  const figuresShown = await page.evaluate(() => performance.now());
  await page.waitForSelector('.world-map .visited');
  const mapShown = await page.evaluate(() => performance.now());
  const { fcp, scripts } = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
    scripts: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.name.endsWith('.js')).map((r) => ({ url: r.name, transferred: r.encodedBodySize })),
  }));
  return { firstContentfulPaint: Math.round(fcp), figuresShown: Math.round(figuresShown), mapShown: Math.round(mapShown), scripts };
}

describe('the home page on a slow connection', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sends little JavaScript, compressed, and paints quickly (figures written to node_modules/.cache/e2e-metrics.json)', async () => {
    const fast = await newPage(browser);
    await loadHome(fast.page); // warms the server's caches, as a visitor after the first would find it
    const unthrottled = await loadHome(fast.page);
    await fast.context.close();

    const slow = await newPage(browser);
    const cdp = await slow.context.newCDPSession(slow.page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW);
    const throttled = await loadHome(slow.page);
    await slow.context.close();

    // gzip sizes of the same files (level 9, as the build's .gz copies) for a figure that does not depend on the browser.
    let gzipTotal = 0;
    let rawTotal = 0;
    for (const s of throttled.scripts) {
      const body = Buffer.from(await (await fetch(s.url, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer());
      rawTotal += body.length;
      gzipTotal += gzipSync(body, { level: 9 }).length;
    }
    const transferredTotal = throttled.scripts.reduce((n, s) => n + s.transferred, 0);
    const metrics = {
      measuredAt: new Date().toISOString(),
      server: baseUrl(),
      homeScripts: throttled.scripts.map((s) => new URL(s.url).pathname),
      jsRawBytes: rawTotal,
      jsGzipBytes: gzipTotal,
      jsTransferredBytes: transferredTotal,
      unthrottled: { firstContentfulPaintMs: unthrottled.firstContentfulPaint, figuresShownMs: unthrottled.figuresShown, mapShownMs: unthrottled.mapShown },
      slow4g: { firstContentfulPaintMs: throttled.firstContentfulPaint, figuresShownMs: throttled.figuresShown, mapShownMs: throttled.mapShown },
    };
    mkdirSync('node_modules/.cache', { recursive: true });
    writeFileSync('node_modules/.cache/e2e-metrics.json', `${JSON.stringify(metrics, null, 2)}\n`);
    console.log(JSON.stringify(metrics, null, 2));

    // The server sends the build's precompressed copies, so far less crosses the wire than the raw files.
    expect(transferredTotal).toBeGreaterThan(0);
    expect(transferredTotal).toBeLessThan(rawTotal / 2);
    // Budgets (see docs/web.md): the app shell, the home page and its map.
    expect(gzipTotal).toBeLessThan(170 * 1024);
    expect(unthrottled.firstContentfulPaint).toBeGreaterThan(0);
    expect(unthrottled.firstContentfulPaint).toBeLessThan(1500);
    expect(throttled.firstContentfulPaint).toBeLessThan(3000);
  });
});
