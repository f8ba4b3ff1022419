/**
 * Collecting reviews (contract §8, docs/reviews.md):
 * - `POST /v1/invitations` (owner token): a signed, single-use link to the page with the review form;
 * - `POST /v1/reviews` (public, CORS per site): a review, stored as pending; a valid invitation token makes it a
 *   verified purchase, once;
 * - `GET /v1/reviews?site=S[&status=][&product=][&limit=][&offset=]` (owner token): the collected reviews with
 *   their status, labels and history, newest first;
 * - `POST /v1/reviews/{id}/approve`, `…/reject {"reason"}`, `…/reply {"body"}` (owner token).
 *
 * Every body is read as text whatever its content type (a form may post `text/plain`, a CORS-simple request) and
 * parsed here, so every problem gets a 400 naming the field, never a 5xx.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isbot } from 'isbot';
import * as z from 'zod/mini';
import { REJECT_REASONS, REVIEW_STATUSES, type RejectReason, type ReviewStatus } from '../report/types.js';
import { HONEYPOT_FIELD, MIN_FILL_MS, REVIEW_LIMITS } from '../reviews/limits.js';
import { describeIssue, LIMITS, pathOf, SiteSchema, STORABLE, valueAt } from '../telemetry/schema.js';
import type { SiteAccess } from './access.js';
import { InvitationError, issueInvitation, parseInvitationRequest, verifyInvitation, type InvitationRequest } from './invitations.js';
import { QueryError, siteParam } from './metrics.js';
import { tokenRequired } from './owner.js';
import { recordSnapshots } from './reputation.js';
import { dayOf } from './store/rows.js';
import type { TokenBuckets } from './ratelimit.js';
import type { Moderation, ModerationQuery, Store } from './store/types.js';

/** The most a review (or any body on these routes) may weigh. */
export const MAX_REVIEW_BYTES = 64 * 1024;
/** The longest merchant reply. */
export const MAX_REPLY = 2000;
export const DEFAULT_REVIEWS = 100;
export const MAX_REVIEWS = 1000;

const storable = z.regex(STORABLE, 'must not contain U+0000 or unpaired surrogates');
const upTo = (max: number) => z.string().check(z.maxLength(max, `at most ${max} characters`), storable);
const required = (max: number) => z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(max, `at most ${max} characters`), storable);
const RATING = 'must be an integer from 1 to 5';

/** A language tag such as `en`, `pt-BR` or `zh-Hant-TW`. */
const LANG_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

export const ReviewBodySchema = z.object({
  site: SiteSchema,
  product: required(LIMITS.product),
  rating: z.int(RATING).check(z.gte(1, RATING), z.lte(5, RATING)),
  title: z.optional(upTo(REVIEW_LIMITS.title)),
  body: z
    .string()
    .check(
      z.minLength(REVIEW_LIMITS.bodyMin, `at least ${REVIEW_LIMITS.bodyMin} characters`),
      z.maxLength(REVIEW_LIMITS.body, `at most ${REVIEW_LIMITS.body} characters`),
      storable,
    ),
  author: z.object({
    name: required(REVIEW_LIMITS.name),
    role: z.optional(upTo(REVIEW_LIMITS.role)),
    company: z.optional(upTo(REVIEW_LIMITS.company)),
  }),
  lang: z.optional(z.string().check(z.maxLength(REVIEW_LIMITS.lang, `at most ${REVIEW_LIMITS.lang} characters`), z.regex(LANG_TAG, 'must be a language tag such as "en" or "pt-BR"'))),
  /** Any string: a token that is not a genuine, unused invitation only makes the review unverified. */
  token: z.optional(z.string()),
  consent: z.literal(true, 'must be true'),
  [HONEYPOT_FIELD]: z.optional(z.string()),
  elapsed: z.optional(z.number()),
});

const ReasonSchema = z.object({ reason: z.enum(REJECT_REASONS, `must be one of ${REJECT_REASONS.join(', ')}`) });
const ReplySchema = z.object({ body: required(MAX_REPLY) });

const tidy = (value: string): string => value.normalize('NFC').trim();

/**
 * Text as it is stored: every string of the object (and of `author`) in Unicode NFC and trimmed; optional
 * fields left empty are dropped (a form sends "" for an empty title). Anything else is left for the schema.
 */
export function tidyFields(input: Record<string, unknown>, optional: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (typeof value === 'string') {
      const text = tidy(value);
      if (!(text === '' && optional.includes(key))) out[key] = text;
    } else if (key === 'author' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      out[key] = tidyFields(value as Record<string, unknown>, ['role', 'company']);
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** The JSON object of a request's body; a string saying what is wrong with it otherwise. */
function jsonObject(body: unknown): Record<string, unknown> | string {
  const text = typeof body === 'string' ? body : '';
  if (text.trim() === '') return 'body: empty; expected a JSON object';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return `body: not valid JSON (${(error as Error).message})`;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'body: must be a JSON object';
  return parsed as Record<string, unknown>;
}

/** zod's first problem as `field: problem`. */
function problem(error: z.core.$ZodError, input: unknown): string {
  const issue = error.issues[0]!;
  return `${pathOf(issue.path) || 'body'}: ${describeIssue(issue, valueAt(input, issue.path))}`;
}

function count(value: string | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) > max) throw new QueryError(`${name}: must be an integer from 0 to ${max}`);
  return Number(value);
}

/** The question of a `GET /v1/reviews` query string; a QueryError names the field that is wrong. */
export function parseReviewQuery(query: Record<string, string | undefined>): ModerationQuery {
  const site = siteParam(query.site);
  const status = query.status || undefined;
  if (status !== undefined && !(REVIEW_STATUSES as readonly string[]).includes(status)) {
    throw new QueryError(`status: must be one of ${REVIEW_STATUSES.join(', ')}`);
  }
  return {
    site,
    status: status as ReviewStatus | undefined,
    product: query.product || undefined,
    limit: Math.max(1, count(query.limit, 'limit', DEFAULT_REVIEWS, MAX_REVIEWS)),
    offset: count(query.offset, 'offset', 0, 1_000_000),
  };
}

export interface ReviewRoutesOptions {
  store: Store;
  access: SiteAccess;
  /** True when the request carries the owner's token. */
  authorised: (request: FastifyRequest) => boolean;
  /** Reviews per client address, and per site. */
  perAddress: TokenBuckets;
  perSite: TokenBuckets;
  /** Take reviews from bots' user agents too (tests driven by a headless browser). */
  keepBots: boolean;
  now: () => number;
}

function tooMany(reply: FastifyReply, seconds: number, what: string): FastifyReply {
  return reply
    .code(429)
    .header('retry-after', String(Math.max(1, Math.ceil(seconds))))
    .send({ error: `too many reviews from this ${what}; retry later` });
}

/** The answer when the database failed (not the request): 503, to retry. */
function unavailable(request: FastifyRequest, reply: FastifyReply, error: unknown, what: string): FastifyReply {
  request.log.error({ err: error }, `could not store ${what}`);
  return reply.code(503).header('retry-after', '1').send({ error: `the ${what} could not be stored; retry` });
}

export async function reviewRoutes(app: FastifyInstance, options: ReviewRoutesOptions): Promise<void> {
  const { store, access, authorised, perAddress, perSite, keepBots, now } = options;
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: MAX_REVIEW_BYTES }, (_request, body, done) => done(null, body));

  app.post(
    '/v1/reviews',
    {
      bodyLimit: MAX_REVIEW_BYTES,
      onRequest: async (request: FastifyRequest, reply: FastifyReply) => {
        const wait = perAddress.take(request.ip);
        if (wait > 0) return tooMany(reply, wait, 'address');
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      if (!keepBots && isbot(request.headers['user-agent'] ?? '')) {
        return reply.code(403).send({ error: 'user-agent: reviews are not taken from bots' });
      }
      const input = jsonObject(request.body);
      if (typeof input === 'string') return reply.code(400).send({ error: input });
      // A bot's review: it filled the field people never see, or sent the form sooner than a person types.
      // Answered as if taken, so it learns nothing; nothing is stored.
      const honeypot = input[HONEYPOT_FIELD];
      const elapsed = input.elapsed;
      if ((typeof honeypot === 'string' && honeypot.trim() !== '') || (typeof elapsed === 'number' && elapsed < MIN_FILL_MS)) {
        return reply.code(202).send({ id: randomUUID(), status: 'pending' });
      }
      const tidied = tidyFields(input, ['title', 'lang', 'token', HONEYPOT_FIELD]);
      const result = ReviewBodySchema.safeParse(tidied);
      if (!result.success) return reply.code(400).send({ error: problem(result.error, tidied) });
      const review = result.data;
      if (!access.knows(review.site)) return reply.code(400).send({ error: `site: unknown site ${JSON.stringify(review.site)}` });
      const origin = request.headers.origin;
      if (!access.mayPost(review.site, origin)) {
        return reply.code(403).send({ error: `origin ${origin} may not send reviews for site ${review.site}` });
      }
      const wait = perSite.take(review.site);
      if (wait > 0) return tooMany(reply, wait, 'site');
      const at = now();
      try {
        // A token the site's key signed says what the shop offered (even when used or expired); it verifies the
        // purchase only if it is for this product, unexpired, and claimed now (the store claims it once).
        let invitation: string | undefined;
        let incentive: string | undefined;
        if (review.token !== undefined && review.token.length <= REVIEW_LIMITS.token) {
          const secret = await store.siteSecret(review.site, false);
          const claim = secret === undefined ? undefined : verifyInvitation(review.token, secret);
          if (claim && claim.s === review.site) {
            incentive = claim.n;
            if (claim.p === review.product && claim.e > at) invitation = claim.i;
          }
        }
        const stored = await store.addReview(
          {
            id: randomUUID(),
            site: review.site,
            product: review.product,
            rating: review.rating,
            title: review.title,
            body: review.body,
            author: review.author,
            lang: review.lang,
            incentive,
            created: at,
          },
          invitation,
        );
        return reply.code(202).send({ id: stored.id, status: stored.status });
      } catch (error) {
        return unavailable(request, reply, error, 'review');
      }
    },
  );

  app.post('/v1/invitations', { bodyLimit: MAX_REVIEW_BYTES }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    if (!authorised(request)) return tokenRequired(reply);
    const input = jsonObject(request.body);
    if (typeof input === 'string') return reply.code(400).send({ error: input });
    let invitation: InvitationRequest;
    try {
      invitation = parseInvitationRequest(tidyFields(input, ['url', 'incentive']));
    } catch (error) {
      if (error instanceof InvitationError) return reply.code(400).send({ error: error.message });
      throw error;
    }
    if (!access.knows(invitation.site)) return reply.code(400).send({ error: `site: unknown site ${JSON.stringify(invitation.site)}` });
    try {
      return reply.code(201).send(await issueInvitation(store, invitation, now()));
    } catch (error) {
      if (error instanceof InvitationError) return reply.code(400).send({ error: error.message });
      return unavailable(request, reply, error, 'invitation');
    }
  });

  app.get('/v1/reviews', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    if (!authorised(request)) return tokenRequired(reply);
    let query: ModerationQuery;
    try {
      query = parseReviewQuery(request.query as Record<string, string | undefined>);
    } catch (error) {
      if (error instanceof QueryError) return reply.code(400).send({ error: error.message });
      throw error;
    }
    return store.moderatedReviews(query);
  });

  const moderation = (read: (input: Record<string, unknown> | undefined) => Moderation | string) =>
    async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
      reply.header('cache-control', 'no-store');
      if (!authorised(request)) return tokenRequired(reply);
      const empty = typeof request.body !== 'string' || request.body.trim() === '';
      const input = empty ? undefined : jsonObject(request.body);
      if (typeof input === 'string') return reply.code(400).send({ error: input });
      const action = read(input && tidyFields(input, []));
      if (typeof action === 'string') return reply.code(400).send({ error: action });
      try {
        const review = await store.moderate(request.params.id, action, now());
        if (!review) return reply.code(404).send({ error: `no collected review with id ${JSON.stringify(request.params.id)}` });
        // An approval or rejection moves the product's score, a reply its share answered: today's snapshot follows.
        // The moderation stands if the snapshot fails: the next one (an import, a moderation) catches up.
        await recordSnapshots(store, review.site, [review.product], dayOf(now())).catch((error: unknown) =>
          request.log.error({ err: error }, 'reputation snapshot failed'),
        );
        return review;
      } catch (error) {
        return unavailable(request, reply, error, 'moderation');
      }
    };

  app.post('/v1/reviews/:id/approve', moderation(() => ({ action: 'approve' })));
  app.post(
    '/v1/reviews/:id/reject',
    moderation((input) => {
      const result = ReasonSchema.safeParse(input ?? {});
      return result.success ? { action: 'reject', reason: result.data.reason as RejectReason } : problem(result.error, input);
    }),
  );
  app.post(
    '/v1/reviews/:id/reply',
    moderation((input) => {
      const result = ReplySchema.safeParse(input ?? {});
      return result.success ? { action: 'reply', body: result.data.body } : problem(result.error, input);
    }),
  );
}
