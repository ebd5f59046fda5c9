// Single-request cost of the measured endpoints, without load: median of N in-process requests
// (app.inject), and the repository part alone, so serialisation and HTTP overhead show apart.
// Kept public answers are off unless PUBLIC_CACHE_MB is set, so the work of each request shows.
//   npx tsx bench/profile-endpoints.ts <database> [repeats]
import { buildApp } from '#app/server/app.ts';
import { openStore } from '#app/store/open-database.ts';
import { TripRepository } from '#app/store/trips/trip-repository.ts';
import { tripVisibility } from '#app/server/auth/trip-access.ts';

const [target, repeatsArg] = process.argv.slice(2);
if (!target) throw new Error('usage: profile-endpoints.ts <database> [repeats]');
const repeats = Number(repeatsArg ?? 20);
const store = await openStore(target);
const app = await buildApp({ store, config: { ADMIN_TOKEN: 'bench-token-not-used-0123456789', PUBLIC_CACHE_MB: Number(process.env.PUBLIC_CACHE_MB ?? 0) } });
await app.ready();
const repo = new TripRepository(store.db);
const published = tripVisibility(null)!;
async function median(work: () => Promise<unknown>, n = repeats): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await work();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
const some = (await app.inject({ url: '/api/v1/trips?sort=title&limit=1&offset=100' })).json() as { items: { id: string }[] };
const urls: Record<string, string> = {
  list: '/api/v1/trips?country=JP&sort=-cost&limit=20&offset=20',
  'list default': '/api/v1/trips',
  search: `/api/v1/trips?q=${encodeURIComponent('名古屋')}&limit=20`,
  'search 花博': `/api/v1/trips?q=${encodeURIComponent('花博')}&limit=20`,
  trip: `/api/v1/trips/${some.items[0]!.id}`,
};
for (const [name, url] of Object.entries(urls)) {
  const ms = await median(() => app.inject({ url }));
  const bytes = (await app.inject({ url })).body.length;
  process.stdout.write(`${name.padEnd(14)} ${ms.toFixed(2).padStart(8)} ms  ${bytes} chars  ${url}\n`);
}
const parts: Record<string, () => Promise<unknown>> = {
  'repo list': () => repo.list({ country: 'JP', sort: '-cost', limit: 20, offset: 20, visibleTo: published }),
  'repo search': () => repo.list({ q: '名古屋', limit: 20, offset: 0, visibleTo: published }),
  'repo 花博': () => repo.list({ q: '花博', limit: 20, offset: 0, visibleTo: published }),
};
for (const [name, work] of Object.entries(parts)) process.stdout.write(`${name.padEnd(14)} ${(await median(work)).toFixed(2).padStart(8)} ms\n`);
if (process.argv.includes('--analytics')) {
  const t = performance.now();
  const res = await app.inject({ url: '/api/v1/analytics/summary' });
  process.stdout.write(`analytics summary ${(performance.now() - t).toFixed(0)} ms ${res.body.length} chars, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB\n`);
}
await app.close();
await store.close();
