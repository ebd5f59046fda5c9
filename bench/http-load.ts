import autocannon from 'autocannon';

/** Latency percentiles (ms) and throughput of one load run. */
export interface LoadResult {
  p50: number;
  p95: number;
  p99: number;
  requestsPerSecond: number;
  /** Connection errors, timeouts and answers other than 2xx; a run with any is not a valid figure. */
  failures: number;
}

/** Value at percentile `p` (0–100) of ascending `sorted`, nearest rank. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** What a browser sends: it accepts gzip'd answers. */
export const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br' } as const;

/** Drives `url` with autocannon on loopback for a bounded time, asking as a browser asks, and summarises the result. */
export async function measureLoad(url: string, options: { connections: number; seconds: number }): Promise<LoadResult> {
  // autocannon's summary has p97.5 but no p95, so every response time is kept and ranked here.
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: options.connections, duration: options.seconds, pipelining: 1, headers: { ...BROWSER_HEADERS } }, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      times.push(responseTime);
    });
  });
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    requestsPerSecond: result.requests.average,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}
