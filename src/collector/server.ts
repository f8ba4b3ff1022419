/**
 * The collector's HTTP server (contract section 5) on Fastify: ingest, metrics, feeds, the page at `/`, and
 * optionally static folders (the demo under `npm start`).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Duplex } from 'node:stream';
import cors from '@fastify/cors';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { SiteAccess } from './access.js';
import { commentRoutes } from './comments.js';
import { LiveCounts, liveRoutes } from './live.js';
import { reputationRoutes } from './reputation.js';
import { dashboardRoutes } from './dashboard.js';
import { buildFeedPage, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './feeds.js';
import { homePage } from './home.js';
import { ingestRoutes } from './ingest.js';
import { buildReport, parseBreakdown, QueryError, resolveRange } from './metrics.js';
import { TokenBuckets } from './ratelimit.js';
import type { Store } from './store/types.js';
import { Writer } from './writer.js';

export interface CollectorOptions {
  store: Store;
  /** The owner's token for `GET /v1/metrics`. */
  token: string;
  /** `--allow-origin` rules (see access.ts); none means any origin. */
  allowOrigin?: readonly string[];
  /** Sites accepted besides those named in `allowOrigin`; none (and no site rules) means any site. */
  sites?: readonly string[];
  /**
   * Batches a second per client address (burst: 10 s' worth); 0 turns it off. Default 20. Referral events
   * (landings, shares, conversions) from one address are limited to a tenth of it, in events a second.
   */
  rateAddress?: number;
  /** Events a second per site (burst: 10 s' worth); 0 turns it off. Default 2000. */
  rateSite?: number;
  /** Take the client address from X-Forwarded-For (behind a reverse proxy). */
  trustProxy?: boolean;
  /** Store events from bots' user agents too. */
  keepBots?: boolean;
  /** Most milliseconds to receive a whole request; slower clients get 408. Default 10 000. */
  requestTimeout?: number;
  /** The base URL feeds' `next` links start from, when the collector sits behind a proxy that rewrites paths. */
  publicUrl?: string;
  /** HTML for `GET /`. */
  home?: string;
  /**
   * Folders served as they are, e.g. `{ prefix: '/demo/', root: '/abs/demo' }`, each file with the folder's
   * extra `headers` (the demo under a strict Content-Security-Policy at `/demo-csp/`).
   */
  static?: readonly { prefix: string; root: string; headers?: Readonly<Record<string, string>> }[];
  logger?: boolean | { level: string };
  now?: () => number;
}

export interface Collector {
  app: FastifyInstance;
  writer: Writer;
  store: Store;
  /** Stops taking requests, waits for pending writes, closes the store. */
  close(): Promise<void>;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function authorised(request: FastifyRequest, token: string): boolean {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header);
  return match !== null && timingSafeEqual(digest(match[1]!.trim()), digest(token));
}

function intParam(value: unknown, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new QueryError(`${name}: must be an integer from ${min} to ${max}`);
  return n;
}

/** Answers requests Node gave up on before routing (too slow, malformed) in our `{"error": …}` shape. */
function answerClientError(requestTimeout: number) {
  return (error: Error & { code?: string }, socket: Duplex): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const [status, text, message] =
      error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', `request: not received in full within ${requestTimeout / 1000} s`]
        : error.code === 'HPE_HEADER_OVERFLOW'
          ? [431, 'Request Header Fields Too Large', 'headers: too large']
          : [400, 'Bad Request', 'request: not valid HTTP'];
    const body = JSON.stringify({ error: message });
    if (socket.writable) {
      socket.write(`HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    }
    socket.destroy(error);
  };
}

const FEED_CACHE = 'public, max-age=60, stale-while-revalidate=600';

export async function createCollector(options: CollectorOptions): Promise<Collector> {
  if (!options.token) throw new Error('the collector needs an owner token');
  const { store } = options;
  const now = options.now ?? Date.now;
  const requestTimeout = options.requestTimeout ?? 10_000;
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    requestTimeout,
    // Node checks for requests past their timeout this often (30 s by default, too slow for a 10 s limit),
    // and ignores requestTimeout while headersTimeout is longer.
    http: { connectionsCheckingInterval: Math.min(1000, requestTimeout), requestTimeout, headersTimeout: requestTimeout },
    clientErrorHandler: answerClientError(requestTimeout),
  });
  // The live view counts what the writer stores.
  const live = new LiveCounts(now);
  const writer = new Writer(live.observe(store));
  const access = new SiteAccess(options.allowOrigin, options.sites);

  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.code(status).send({ error: 'internal error' });
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      // Fastify would close the connection at once, and a client still sending would see a broken pipe
      // instead of this answer. Keeping it open lets Node read and drop the rest of the body, which the
      // request timeout bounds.
      reply.removeHeader('connection');
      return reply.code(413).send({ error: 'body: larger than 64 KiB; send at most 200 events a batch' });
    }
    return reply.code(status).send({ error: error.message });
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: `no route for ${request.method} ${request.url.split('?')[0]}` }));

  // CORS: feeds are public data for any page; ingest and metrics follow --allow-origin.
  await app.register(cors, {
    delegator: (request, callback) => {
      const feed = (request.url ?? '').startsWith('/v1/feeds/');
      callback(null, {
        origin: feed ? '*' : (origin, cb) => cb(null, origin === undefined || access.corsAllows(origin)),
        methods: ['GET', 'HEAD', 'POST'],
        allowedHeaders: ['Content-Type', 'Authorization', 'If-None-Match'],
        exposedHeaders: ['Retry-After', 'ETag'],
        maxAge: 86_400,
      });
    },
  });

  await app.register(ingestRoutes, {
    writer,
    access,
    perAddress: new TokenBuckets({ rate: options.rateAddress ?? 20 }),
    referralsPerAddress: new TokenBuckets({ rate: (options.rateAddress ?? 20) / 10 }),
    perSite: new TokenBuckets({ rate: options.rateSite ?? 2000 }),
    keepBots: options.keepBots ?? false,
    now,
  });

  app.get('/v1/metrics', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    if (!authorised(request, options.token)) {
      return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'authorization: the owner token is required (Authorization: Bearer …)' });
    }
    const query = request.query as Record<string, string | undefined>;
    if (!query.site) return reply.code(400).send({ error: 'site: required' });
    try {
      const range = resolveRange(query.from, query.to, now());
      const breakdown = parseBreakdown(query.breakdown);
      return await buildReport(store, { site: query.site, ...range, product: query.product || undefined }, { breakdown });
    } catch (error) {
      if (error instanceof QueryError) return reply.code(400).send({ error: error.message });
      throw error;
    }
  });

  await app.register(commentRoutes, { store, now, authorised: (request) => authorised(request, options.token) });
  await app.register(reputationRoutes, { store, now, authorised: (request) => authorised(request, options.token) });
  await app.register(liveRoutes, { live, authorised: (request) => authorised(request, options.token) });
  await app.register(dashboardRoutes, { store, access, authorised: (request) => authorised(request, options.token) });

  app.get('/v1/feeds/:site/:product', async (request, reply) => {
    const { site, product } = request.params as { site: string; product: string };
    const query = request.query as Record<string, string | undefined>;
    let page: number, limit: number;
    try {
      page = intParam(query.page, 'page', 1, 1, 1_000_000);
      limit = intParam(query.limit, 'limit', DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    } catch (error) {
      return reply.code(400).send({ error: (error as Error).message });
    }
    const path = `/v1/feeds/${encodeURIComponent(site)}/${encodeURIComponent(product)}`;
    const base = options.publicUrl ? options.publicUrl.replace(/\/+$/, '') : `${request.protocol}://${request.host}`;
    const feed = await buildFeedPage(store, { site, product, page, limit, self: `${base}${path}` });
    if (!feed) {
      return reply.code(404).header('cache-control', 'public, max-age=60').send({ error: `no reviews imported for product ${JSON.stringify(product)} of site ${JSON.stringify(site)}` });
    }
    const body = JSON.stringify(feed);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    reply.header('etag', etag).header('cache-control', FEED_CACHE).header('vary', 'Origin');
    const match = request.headers['if-none-match'];
    if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(body);
  });

  const home = options.home ?? homePage();
  app.get('/', async (_request, reply: FastifyReply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(home));

  (options.static ?? []).forEach((folder, index) => {
    const { headers } = folder;
    void app.register(fastifyStatic, {
      root: folder.root,
      prefix: folder.prefix,
      decorateReply: index === 0,
      setHeaders: headers ? (reply) => void reply.headers(headers) : undefined,
    });
    const bare = folder.prefix.replace(/\/+$/, '');
    if (bare && bare !== folder.prefix) app.get(bare, (_request, reply) => reply.redirect(folder.prefix, 301));
  });

  return {
    app,
    writer,
    store,
    async close() {
      await app.close();
      await writer.drain();
      await store.close();
    },
  };
}
