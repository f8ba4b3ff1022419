/**
 * `POST /v1/events` (contract sections 4 and 5): read at most 64 KiB as text whatever the content type
 * (beacons send `text/plain`), refuse more than 200 events with 413, validate the whole batch before storing
 * any of it (400 naming the first bad field), answer known bots 202 without storing, rate-limit per client
 * address and per site (429 with Retry-After), and answer 202 only once the events are committed.
 * Referral events (landings, shares, conversions) have a tighter budget per address, so one client cannot
 * flood the report with codes.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isbot } from 'isbot';
import { MAX_BATCH_BYTES, MAX_BATCH_EVENTS, validateEnvelope } from '../telemetry/schema.js';
import type { SiteAccess } from './access.js';
import type { TokenBuckets } from './ratelimit.js';
import { toRows } from './store/rows.js';
import { refusedByDatabase, type Writer } from './writer.js';

export interface IngestOptions {
  writer: Writer;
  access: SiteAccess;
  perAddress: TokenBuckets;
  /** Referral events (referral_landing, share, conversion) per client address. */
  referralsPerAddress: TokenBuckets;
  perSite: TokenBuckets;
  /** Store bots' events too (for tests driven by a headless browser). */
  keepBots: boolean;
  now: () => number;
}

const REFERRAL_TYPES: ReadonlySet<string> = new Set(['referral_landing', 'share', 'conversion']);

function tooMany(reply: FastifyReply, seconds: number, what: string): FastifyReply {
  return reply
    .code(429)
    .header('retry-after', String(Math.max(1, Math.ceil(seconds))))
    .send({ error: `too many requests from this ${what}; retry later` });
}

export async function ingestRoutes(app: FastifyInstance, options: IngestOptions): Promise<void> {
  const { writer, access, perAddress, referralsPerAddress, perSite, keepBots, now } = options;

  // The body is read as text whatever its content type, and parsed here, so every problem gets our answer.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: MAX_BATCH_BYTES }, (_request, body, done) => {
    done(null, body);
  });

  app.post(
    '/v1/events',
    {
      bodyLimit: MAX_BATCH_BYTES,
      onRequest: async (request: FastifyRequest, reply: FastifyReply) => {
        const wait = perAddress.take(request.ip);
        if (wait > 0) return tooMany(reply, wait, 'address');
      },
    },
    async (request, reply) => {
      const text = typeof request.body === 'string' ? request.body : '';
      if (text.trim() === '') return reply.code(400).send({ error: 'body: empty; expected a JSON batch' });
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (error) {
        return reply.code(400).send({ error: `body: not valid JSON (${(error as Error).message})` });
      }
      const events = (body as { events?: unknown } | null)?.events;
      if (Array.isArray(events) && events.length > MAX_BATCH_EVENTS) {
        return reply.code(413).send({ error: `events: at most ${MAX_BATCH_EVENTS} events a batch, got ${events.length}` });
      }
      if (!keepBots && isbot(request.headers['user-agent'] ?? '')) {
        return reply.code(202).send({ accepted: 0, duplicates: 0 });
      }
      const result = validateEnvelope(body);
      if (!result.ok) return reply.code(400).send({ error: result.error });
      const { envelope } = result;
      if (!access.knows(envelope.site)) {
        return reply.code(400).send({ error: `site: unknown site ${JSON.stringify(envelope.site)}` });
      }
      const origin = request.headers.origin;
      if (!access.mayPost(envelope.site, origin)) {
        return reply.code(403).send({ error: `origin ${origin} may not send events for site ${envelope.site}` });
      }
      // Referral events are counted one by one: a batch may not carry more than the bucket's whole burst.
      const referrals = envelope.events.filter((e) => REFERRAL_TYPES.has(e.type)).length;
      if (referralsPerAddress.rate > 0 && referrals > referralsPerAddress.burst) {
        return reply.code(413).send({
          error: `events: at most ${referralsPerAddress.burst} referral events (landings, shares, conversions) a batch, got ${referrals}`,
        });
      }
      const referralWait = referrals > 0 ? referralsPerAddress.take(request.ip, referrals) : 0;
      if (referralWait > 0) return tooMany(reply, referralWait, 'address');
      const wait = perSite.take(envelope.site, envelope.events.length);
      if (wait > 0) return tooMany(reply, wait, 'site');
      if (envelope.events.length === 0) return reply.code(202).send({ accepted: 0, duplicates: 0 });
      let rows;
      try {
        rows = toRows(envelope, now());
      } catch (error) {
        return reply.code(400).send({ error: (error as Error).message });
      }
      try {
        const stored = await writer.write(rows);
        return reply.code(202).send(stored);
      } catch (error) {
        if (refusedByDatabase(error)) {
          // Tried alone, and the database refuses the data itself: the same batch would fail for ever.
          request.log.warn({ err: error }, 'the database refused a batch');
          return reply.code(400).send({ error: `events: the database refused this batch (${(error as Error).message})` });
        }
        request.log.error({ err: error }, 'could not store a batch');
        const code = (error as { code?: unknown } | null)?.code;
        // The cause, named: another process holding SQLite, or the database's error code (never its message,
        // which may quote data).
        const cause =
          code === 'ZMOT_STORE_BUSY'
            ? (error as Error).message
            : `the database failed${typeof code === 'string' && /^[\w-]{1,40}$/.test(code) ? ` (${code})` : ''}`;
        return reply
          .code(503)
          .header('retry-after', code === 'ZMOT_STORE_BUSY' ? '5' : '1')
          .send({ error: `the events could not be stored: ${cause}; retry` });
      }
    },
  );
}
