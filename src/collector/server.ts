/**
 * The collector's HTTP server (contract section 5) on Fastify: ingest, metrics, feeds, the page at `/`, and
 * optionally static folders (the demo under `npm start`).
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { Duplex } from 'node:stream';
import cors from '@fastify/cors';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { SiteAccess } from './access.js';
import { commentRoutes } from './comments.js';
import { LiveCounts, liveRoutes } from './live.js';
import { reputationRoutes } from './reputation.js';
import { dashboardRoutes } from './dashboard-routes.js';
import { buildFeedPage, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './feeds.js';
import { googleReviewRoutes } from './google-reviews.js';
import { HOME_CSP, homePage } from './home.js';
import { startRetention } from './retention.js';
import { ingestRoutes } from './ingest.js';
import { buildReport, parseBreakdown, QueryError, resolveRange, siteParam } from './metrics.js';
import { orderRoutes } from './orders.js';
import { OwnerAuth, tokenRequired } from './owner.js';
import { FAVICON_SVG, sendBuilt, textFileUnder } from './static.js';
import { TokenBuckets, type BucketOptions } from './ratelimit.js';
import { renderRoutes } from './render.js';
import { MAX_BATCH_BYTES, STORABLE } from '../telemetry/schema.js';
import { reviewRoutes } from './reviews.js';
import type { Store } from './store/types.js';
import { Writer } from './writer.js';

export interface CollectorOptions {
  store: Store;
  /** The owner's token for `GET /v1/metrics` (trimmed). */
  token: string;
  /**
   * `--allow-origin` rules (see access.ts); none means any origin may send events. The owner's API answers
   * cross-origin requests only from origins named here (or `*`).
   */
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
  /** Reviews (`POST /v1/reviews`) per client address: default a burst of 5, then 1 a minute; rate 0 turns it off. */
  reviewsPerAddress?: BucketOptions;
  /** Reviews per site: default a burst of 60, then 1 a second; rate 0 turns it off. */
  reviewsPerSite?: BucketOptions;
  /**
   * Take the client address from X-Forwarded-For, as the proxies in front of the collector wrote it: a
   * number of proxies (hops; `true` is one), or the proxies' addresses or CIDR ranges (also `loopback`,
   * `linklocal`, `uniquelocal`). The client address is the last entry no trusted proxy wrote, so an entry
   * the client sent itself is never believed.
   */
  trustProxy?: boolean | number | readonly string[];
  /** Store events from bots' user agents too. */
  keepBots?: boolean;
  /** Most milliseconds to receive a whole request; slower clients get 408. Default 10 000. */
  requestTimeout?: number;
  /** Keep raw events this many days (retention.ts); the rollups and reports stay. Default: keep them all. */
  retainDays?: number;
  /** The base URL feeds' `next` links start from, when the collector sits behind a proxy that rewrites paths. */
  publicUrl?: string;
  /**
   * Pages served with server-side includes: `path` answers the HTML file `file` with each
   * `<!--#include virtual="/v1/…" -->` replaced by this collector's own answer to that GET (the demo's
   * server-rendered product page, `npm start`'s /demo/ssr.html).
   */
  includes?: readonly { path: string; file: string }[];
  /** HTML for `GET /`. */
  home?: string;
  /**
   * Folders served as they are, e.g. `{ prefix: '/demo/', root: '/abs/demo' }`, each file with the folder's
   * extra `headers` (the demo under a strict Content-Security-Policy at `/demo-csp/`).
   */
  static?: readonly { prefix: string; root: string; headers?: Readonly<Record<string, string>> }[];
  logger?: boolean | { level: string };
  now?: () => number;
  /** Milliseconds for the rate limits' buckets (default `performance.now`); tests stop it to count exactly. */
  clock?: () => number;
}

export interface Collector {
  app: FastifyInstance;
  writer: Writer;
  store: Store;
  /** Stops taking requests, waits for pending writes, closes the store. */
  close(): Promise<void>;
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

/**
 * Fastify's `trustProxy` for our option. Fastify's own `true` trusts every hop (the client's first
 * X-Forwarded-For entry wins, which the client writes), and it ignores a bare hop count; so hops become a
 * function of the hop's index (0 is the peer that connected), and addresses a list proxy-addr compiles.
 */
export function proxyTrust(trust: CollectorOptions['trustProxy']): false | string[] | ((address: string, hop: number) => boolean) {
  if (trust === undefined || trust === false || trust === 0) return false;
  if (trust === true || typeof trust === 'number') {
    const hops = trust === true ? 1 : trust;
    if (!Number.isInteger(hops) || hops < 0) throw new Error(`trustProxy: a number of proxies must be a whole number, got ${hops}`);
    return (_address, hop) => hop < hops;
  }
  return [...trust];
}

const isFile = (path: string): Promise<boolean> => stat(path).then((info) => info.isFile(), () => false);

/** Contract §8's limits on reviews: per client address a burst of 5, then one a minute; per site 60, then one a second. */
export const REVIEWS_PER_ADDRESS: BucketOptions = { rate: 1 / 60, burst: 5 };
export const REVIEWS_PER_SITE: BucketOptions = { rate: 1, burst: 60 };

const FEED_CACHE = 'public, max-age=60, stale-while-revalidate=600';

/** The longest part of a path between slashes (a site, a product, an id), percent-encoded. */
const MAX_PARAM_LENGTH = 2048;

export async function createCollector(options: CollectorOptions): Promise<Collector> {
  const { store } = options;
  const now = options.now ?? Date.now;
  const clock = options.clock ?? (() => performance.now());
  const requestTimeout = options.requestTimeout ?? 10_000;
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: proxyTrust(options.trustProxy),
    requestTimeout,
    // Node checks for requests past their timeout this often (30 s by default, too slow for a 10 s limit),
    // and ignores requestTimeout while headersTimeout is longer.
    http: { connectionsCheckingInterval: Math.min(1000, requestTimeout), requestTimeout, headersTimeout: requestTimeout },
    clientErrorHandler: answerClientError(requestTimeout),
    // A product id may be 128 characters (LIMITS.product), up to 12 once percent-encoded each: Fastify's
    // default of 100 answered 414 for feeds of products events and reviews accept.
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    // The router's own refusals, in the collector's shape (`{"error": …}`) like every other answer.
    frameworkErrors: (error, _request, reply) => {
      const bad = error.code === 'FST_ERR_BAD_URL';
      void (reply as FastifyReply)
        .code(bad ? 400 : 414)
        .send({ error: bad ? 'path: not a valid URL (a broken percent-encoding)' : `path: a part of it is longer than ${MAX_PARAM_LENGTH} characters` });
    },
  });
  const owner = new OwnerAuth(options.token, { clock });
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
      const events = request.url.split('?')[0] === '/v1/events';
      const limit = request.routeOptions.bodyLimit ?? MAX_BATCH_BYTES;
      return reply.code(413).send({ error: `body: larger than ${limit / 1024} KiB${events ? '; send at most 200 events a batch' : ''}` });
    }
    return reply.code(status).send({ error: error.message });
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: `no route for ${request.method} ${request.url.split('?')[0]}` }));

  // CORS: feeds are public data for any page; ingest follows --allow-origin (any origin when none is
  // given); the owner's API (everything else) answers only origins --allow-origin names.
  await app.register(cors, {
    delegator: (request, callback) => {
      const path = (request.url ?? '').split('?')[0]!;
      const feed = path.startsWith('/v1/feeds/') || path.startsWith('/v1/render/');
      // What the request (or, for a preflight, the request it announces) does: posting a review is public,
      // reading the reviews is the owner's.
      const method = request.method === 'OPTIONS' ? request.headers['access-control-request-method'] : request.method;
      const ingest = path === '/v1/events' || (path === '/v1/reviews' && method === 'POST');
      const allows = (origin: string) => (ingest ? access.corsAllows(origin) : access.corsAllowsOwner(origin));
      callback(null, {
        origin: feed ? '*' : (origin, cb) => cb(null, origin === undefined || allows(origin)),
        methods: ['GET', 'HEAD', 'POST'],
        allowedHeaders: ['Content-Type', 'Authorization', 'If-None-Match'],
        exposedHeaders: ['Retry-After', 'ETag'],
        maxAge: 86_400,
      });
    },
  });

  // After CORS's own hook, so these answers carry its headers and a dashboard on another origin can read them.
  // A parameter given twice (`?site=a&site=b`) reaches the routes as an array, and one carrying U+0000
  // (`?site=acme%00`) is text no database can compare (PostgreSQL refuses it): refuse both here, for every
  // route, in the query string and in the path.
  app.addHook('onRequest', async (request, reply) => {
    // An empty part of the path (`/v1/render/acme/`) names no product, site or id (a static folder's `*` may
    // be empty: its index).
    for (const [name, value] of Object.entries((request.params ?? {}) as Record<string, unknown>)) {
      if (value === '' && name !== '*') return reply.code(400).send({ error: `${name}: required` });
    }
    const values = [
      ...Object.entries((request.query ?? {}) as Record<string, unknown>),
      ...Object.entries((request.params ?? {}) as Record<string, unknown>),
    ];
    for (const [name, value] of values) {
      if (Array.isArray(value)) return reply.code(400).send({ error: `${name}: give it once, not ${value.length} times` });
      if (typeof value === 'string' && !STORABLE.test(value)) {
        return reply.code(400).send({ error: `${name}: must not contain U+0000 or unpaired surrogates` });
      }
    }
  });
  // A bearer token is checked on any route, before the route runs: a wrong one gets 401 "wrong token", and
  // an address that sent too many wrong ones gets 429 (owner.ts). Routes of the owner's API then refuse
  // requests that sent none.
  app.addHook('onRequest', async (request, reply) => {
    if (/^Bearer(\s|$)/i.test(request.headers.authorization ?? '') && !owner.check(request, reply)) return reply;
  });
  await app.register(ingestRoutes, {
    writer,
    access,
    perAddress: new TokenBuckets({ rate: options.rateAddress ?? 20 }, clock),
    referralsPerAddress: new TokenBuckets({ rate: (options.rateAddress ?? 20) / 10 }, clock),
    perSite: new TokenBuckets({ rate: options.rateSite ?? 2000 }, clock),
    keepBots: options.keepBots ?? false,
    now,
  });

  app.get('/v1/metrics', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    if (!owner.matches(request)) {
      return tokenRequired(reply);
    }
    const query = request.query as Record<string, string | undefined>;
    try {
      const site = siteParam(query.site);
      const range = resolveRange(query.from, query.to, now());
      const breakdown = parseBreakdown(query.breakdown);
      return await buildReport(store, { site, ...range, product: query.product || undefined }, { breakdown });
    } catch (error) {
      if (error instanceof QueryError) return reply.code(400).send({ error: error.message });
      throw error;
    }
  });

  await app.register(reviewRoutes, {
    store,
    access,
    authorised: (request) => owner.matches(request),
    perAddress: new TokenBuckets(options.reviewsPerAddress ?? REVIEWS_PER_ADDRESS, clock),
    perSite: new TokenBuckets(options.reviewsPerSite ?? REVIEWS_PER_SITE, clock),
    keepBots: options.keepBots ?? false,
    now,
  });
  await app.register(orderRoutes, { store, access, authorised: (request) => owner.matches(request), now });
  await app.register(commentRoutes, { store, now, authorised: (request) => owner.matches(request) });
  await app.register(reputationRoutes, { store, now, authorised: (request) => owner.matches(request) });
  await app.register(liveRoutes, { live, authorised: (request) => owner.matches(request) });
  await app.register(dashboardRoutes, { store, access, authorised: (request) => owner.matches(request) });

  await app.register(googleReviewRoutes, { store, named: access.named });

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
    // `next` never comes from the request's Host header, which this public, cached answer would carry to
    // everyone: it starts from --public-url, or is relative to the feed's own URL.
    const self = options.publicUrl
      ? `${options.publicUrl.replace(/\/+$/, '')}/v1/feeds/${encodeURIComponent(site)}/${encodeURIComponent(product)}`
      : `./${encodeURIComponent(product).replace(/^\.\.?$/, (dots) => dots.replace(/\./g, '%2E'))}`;
    const feed = await buildFeedPage(store, { site, product, page, limit, self, named: access.named });
    if (!feed) {
      return reply.code(404).header('cache-control', 'public, max-age=60').send({ error: `unknown site ${JSON.stringify(site)}: nothing imported for it, and not named by --site` });
    }
    const body = JSON.stringify(feed);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    reply.header('etag', etag).header('cache-control', FEED_CACHE).header('vary', 'Origin');
    const match = request.headers['if-none-match'];
    if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(body);
  });

  await app.register(renderRoutes, { store, named: access.named, ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}), includes: options.includes ?? [] });

  const home = options.home ?? homePage();
  // The page's policy as a header too: only a header can forbid framing (`frame-ancestors`), which a page
  // that holds the owner's token must.
  const homeHeaders = {
    'content-security-policy': `${HOME_CSP}; frame-ancestors 'none'`,
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
  };
  app.get('/', async (_request, reply: FastifyReply) => reply.type('text/html; charset=utf-8').headers(homeHeaders).send(home));

  const favicon = (_request: unknown, reply: FastifyReply) =>
    reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(FAVICON_SVG);
  app.get('/favicon.ico', favicon);
  app.get('/favicon.svg', favicon);

  // Text files under the static folders go out compressed (made once, static.ts); the rest, and folders'
  // index pages, through @fastify/static.
  const folders = options.static ?? [];
  if (folders.length > 0) {
    app.addHook('onRequest', async (request, reply) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      for (const folder of folders) {
        const file = textFileUnder(folder.root, folder.prefix, request.url);
        if (!file || !(await isFile(file.path))) continue;
        if (folder.headers) reply.headers(folder.headers);
        return sendBuilt(request, reply, file.path, file.type, 'public, max-age=0');
      }
    });
  }
  folders.forEach((folder, index) => {
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

  const retention = options.retainDays ? startRetention(store, options.retainDays, now, app.log) : undefined;

  return {
    app,
    writer,
    store,
    async close() {
      await retention?.stop();
      await app.close();
      await writer.drain();
      await store.close();
    },
  };
}
