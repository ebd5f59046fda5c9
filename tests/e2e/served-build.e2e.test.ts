import { describe, expect, it } from 'vitest';
import { baseUrl } from '#tests/e2e/support/browser-session.ts';

describe('the production build as the server sends it', () => {
  it('caches hashed assets for a year, sends them precompressed, and never caches the app shell', async () => {
    const shell = await fetch(`${baseUrl()}/`);
    expect(shell.status).toBe(200);
    expect(shell.headers.get('cache-control')).toBe('no-cache');
    const html = await shell.text();
    const script = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();

    const asset = await fetch(`${baseUrl()}${script}`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-encoding')).toBe('br');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect((await asset.text()).length).toBeGreaterThan(1000);
  });

  it('answers client routes with the app shell and unknown API paths with a JSON 404', async () => {
    for (const path of ['/trips', '/trips/some-id', '/open-data', '/no-such-page']) {
      const res = await fetch(`${baseUrl()}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toContain('text/html');
      expect(await res.text(), path).toContain('<div id="root"></div>');
    }
    const api = await fetch(`${baseUrl()}/api/v1/no-such-route`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: 'not-found', messageZh: '找不到此網址' });
  });
});
