import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ledgerRevision } from '#app/store/revision/ledger-revision.ts';
import type { Store } from '#app/store/open-database.ts';

// Public reads (the portal, open data, a news site linking a trip) are the same few answers asked
// again and again between writes, which come a few times a day. An anonymous answer is fully
// determined by its URL, the ledger revision (migration 0011: moved by every committed write, in
// any process), the day (overdue figures) and the build, so it is kept under exactly that and
// served without touching the ledger again; any write makes every kept answer unreachable. The
// ETag is the same triple, so a browser's revalidation costs one revision read and a 304.
// Staff answers depend on who asks and are never kept.
//
// Public answers go out gzip'd to clients that accept it (every browser): a 60 KB page of trips is
// 11 KB. A kept answer is compressed once, at level 6; an answer computed for one request at
// level 1 (0.1 ms for 60 KB, 13 KB).

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's anonymous GET answers may be kept per ledger revision (public-read-cache.ts). */
    publicCache?: boolean;
  }
  interface FastifyRequest {
    publicCache: { key: string; revision: string; hit: boolean; settle?: (answer: Omit<KeptAnswer, 'bytes'> | null) => void } | null;
  }
}

declare const __ML_BUILD_ID__: string | undefined;
/** The build's id (set by scripts/build.js); a development server makes one per start. */
const BUILD_ID = typeof __ML_BUILD_ID__ === 'string' ? __ML_BUILD_ID__ : `dev${Date.now().toString(36)}`;

const CACHE_CONTROL = 'public, no-cache';
/** Smaller answers gain nothing worth a compression. */
const GZIP_MIN_BYTES = 1024;

/** An answer as kept: the JSON bytes, their gzip (for answers over 1 KB) and the content type. */
export interface KeptAnswer {
  body: Buffer;
  gzip: Buffer | null;
  type: string;
  bytes: number;
}

/** Whether an Accept-Encoding header admits gzip (not refused with q=0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** A least-recently-used map bounded by the bytes of its values. */
class ByteBoundedLru {
  private readonly entries = new Map<string, KeptAnswer>();
  private bytes = 0;
  constructor(private readonly maxBytes: number) {}

  get(key: string) {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** Keeps an answer unless it alone would take more than an eighth, so one download cannot flush the rest. */
  set(key: string, answer: Omit<KeptAnswer, 'bytes'>): void {
    const bytes = answer.body.length + (answer.gzip?.length ?? 0);
    if (bytes > this.maxBytes / 8) return;
    this.delete(key);
    this.entries.set(key, { ...answer, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}

function matchesTag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  // Weak comparison (RFC 9110 §8.8.3.2): W/ prefixes do not matter for If-None-Match.
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}

/**
 * Keeps anonymous GET answers of routes with `config: { publicCache: true }` per ledger revision,
 * day and build, up to `maxBytes` in all (0 keeps none but still answers If-None-Match), and
 * sets their ETag. Register after authentication, so staff requests are known.
 */
export function registerPublicReadCache(app: FastifyInstance, options: { store: Store; maxBytes: number }): void {
  const cache = new ByteBoundedLru(options.maxBytes);
  // Answers being computed, by key. After a write, the portal's home page (every trip of the
  // ledger folded into one overview: seconds at 100,000 trips) is asked for by every visitor at
  // once; they wait for the first one's answer instead of each computing it again.
  const computing = new Map<string, Promise<Omit<KeptAnswer, 'bytes'> | null>>();
  let cachedRevision: string | null = null;
  app.decorateRequest('publicCache', null);

  const send = (request: FastifyRequest, reply: FastifyReply, answer: Omit<KeptAnswer, 'bytes'>) => {
    reply.code(200).type(answer.type);
    if (answer.gzip && acceptsGzip(request.headers['accept-encoding'])) return reply.header('content-encoding', 'gzip').send(answer.gzip);
    return reply.send(answer.body);
  };

  // preValidation: after every onRequest hook, the per-route rate limit included, so a kept
  // answer still counts against the client's limit.
  app.addHook('preValidation', async (request, reply) => {
    if (request.method !== 'GET' || !request.routeOptions.config?.publicCache) return;
    if (request.principal || request.authProblem) return;
    const revision = await ledgerRevision(options.store.db);
    if (revision === null) return;
    if (revision !== cachedRevision) {
      cache.clear();
      cachedRevision = revision;
    }
    const day = new Date().toISOString().slice(0, 10);
    const etag = `W/"${BUILD_ID}-${revision}-${day}"`;
    const key = `${etag} ${request.url}`;
    request.publicCache = { key, revision, hit: false };
    reply.header('etag', etag).header('cache-control', CACHE_CONTROL).header('vary', 'accept-encoding, cookie, authorization');
    if (matchesTag(request.headers['if-none-match'], etag)) {
      request.publicCache.hit = true;
      return reply.code(304).send();
    }
    if (options.maxBytes === 0) return;
    const kept = cache.get(key);
    if (kept) {
      request.publicCache.hit = true;
      return send(request, reply, kept);
    }
    const pending = computing.get(key);
    if (pending) {
      const answer = await pending;
      // The first request failed or gave no JSON: this one computes its own answer.
      if (!answer) return;
      request.publicCache.hit = true;
      return send(request, reply, answer);
    }
    let resolve!: (answer: Omit<KeptAnswer, 'bytes'> | null) => void;
    const promise = new Promise<Omit<KeptAnswer, 'bytes'> | null>((r) => (resolve = r));
    computing.set(key, promise);
    request.publicCache.settle = (answer) => {
      if (computing.get(key) === promise) computing.delete(key);
      resolve(answer);
    };
  });

  // Whatever ends a request (an error, a client gone) releases the requests waiting on it.
  const release = async (request: FastifyRequest) => request.publicCache?.settle?.(null);
  app.addHook('onResponse', release);
  app.addHook('onRequestAbort', release);

  app.addHook('onSend', async (request, reply, payload) => {
    const entry = request.publicCache;
    if (!entry || entry.hit) return payload;
    if (reply.statusCode !== 200 || typeof payload !== 'string') {
      // Only a kept answer's representation is known to follow from the tag.
      reply.removeHeader('etag');
      entry.settle?.(null);
      return payload;
    }
    // Kept only while the revision is the one it was computed under; a write meanwhile moved it.
    const keep = options.maxBytes > 0 && entry.revision === cachedRevision;
    const body = Buffer.from(payload);
    const gzip = body.length >= GZIP_MIN_BYTES ? gzipSync(body, { level: keep ? 6 : 1 }) : null;
    const answer = { body, gzip, type: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8') };
    if (keep) cache.set(entry.key, answer);
    entry.settle?.(answer);
    if (gzip && acceptsGzip(request.headers['accept-encoding'])) {
      reply.header('content-encoding', 'gzip');
      return gzip;
    }
    return body;
  });
}
