/**
 * Invitation tokens (contract §8, docs/reviews.md): `<payload>.<sig>`, both base64url. The payload is the JSON
 * `{"v":1,"s":site,"p":product,"i":invitation id,"e":expires (ms),"n"?:incentive}` — no order number and no
 * buyer, only a random id the collector keeps with a SHA-256 of the order. The signature is HMAC-SHA256 with
 * the site's key (`Store.siteSecret`) over the payload's base64url text, exactly as it travels.
 *
 * The review form may read the payload without the key (it shows the product and the incentive); only the
 * collector, which has the key, decides whether a token is genuine.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import * as z from 'zod/mini';
import { REVIEW_LIMITS } from '../reviews/limits.js';
import { describeIssue, LIMITS, pathOf, SiteSchema, STORABLE, valueAt } from '../telemetry/schema.js';
import { orderKey } from './store/rows.js';
import type { Store } from './store/types.js';

export interface InvitationClaim {
  v: 1;
  /** Site. */
  s: string;
  /** Product. */
  p: string;
  /** The invitation's id. */
  i: string;
  /** Expires, milliseconds since the epoch. */
  e: number;
  /** What is offered for a review. */
  n?: string;
}

/** Default life of an invitation, and the range `days` may take. */
export const INVITATION_DAYS = { default: 60, min: 1, max: 365 } as const;

const sign = (payload: string, secret: string): string => createHmac('sha256', secret).update(payload).digest('base64url');

export function signInvitation(claim: InvitationClaim, secret: string): string {
  const payload = Buffer.from(JSON.stringify(claim), 'utf8').toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

/** The token's claim without checking its signature (as the form reads it); undefined when it is not one. */
export function readInvitation(token: string): InvitationClaim | undefined {
  const parts = token.split('.');
  if (parts.length !== 2 || !/^[\w-]+$/.test(parts[0]!)) return undefined;
  let claim: unknown;
  try {
    claim = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof claim !== 'object' || claim === null) return undefined;
  const { v, s, p, i, e, n } = claim as Record<string, unknown>;
  if (v !== 1 || typeof s !== 'string' || typeof p !== 'string' || typeof i !== 'string' || typeof e !== 'number') return undefined;
  if (n !== undefined && typeof n !== 'string') return undefined;
  return n === undefined ? { v, s, p, i, e } : { v, s, p, i, e, n };
}

/** The claim of a token the key signed; undefined for anything else (forged, altered, malformed). */
export function verifyInvitation(token: string, secret: string): InvitationClaim | undefined {
  const dot = token.indexOf('.');
  if (dot < 0) return undefined;
  const expected = Buffer.from(sign(token.slice(0, dot), secret));
  const given = Buffer.from(token.slice(dot + 1));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return readInvitation(token);
}

/** The order as the collector keeps it with an invitation: a SHA-256 (hex) of the order id as orders compare. */
export function orderHash(order: string): string {
  return createHash('sha256').update(orderKey(order)).digest('hex');
}

/** The link for the buyer: the form's page with the token in the fragment (never sent to a server or in a Referer). */
export function invitationLink(page: string, token: string): string {
  const url = new URL(page);
  url.hash = '';
  return `${url.href}#zmot-invite=${token}`;
}

const storable = z.regex(STORABLE, 'must not contain U+0000 or unpaired surrogates');
const required = (max: number) => z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(max, `at most ${max} characters`), storable);
const DAYS = `must be an integer from ${INVITATION_DAYS.min} to ${INVITATION_DAYS.max}`;
const PAGE = 'must be an http(s) URL of the page with the review form';

/** `POST /v1/invitations`' body, and `zmot invite`'s options. */
export const InvitationRequestSchema = z.object({
  site: SiteSchema,
  product: required(LIMITS.product),
  order: required(LIMITS.order_id),
  url: z.optional(z.string().check(z.maxLength(LIMITS.url, `at most ${LIMITS.url} characters`), z.regex(/^https?:\/\/[^\s/?#]+\S*$/i, PAGE))),
  incentive: z.optional(z.string().check(z.maxLength(REVIEW_LIMITS.incentive, `at most ${REVIEW_LIMITS.incentive} characters`), storable)),
  days: z.optional(z.int(DAYS).check(z.gte(INVITATION_DAYS.min, DAYS), z.lte(INVITATION_DAYS.max, DAYS))),
});
export type InvitationRequest = z.infer<typeof InvitationRequestSchema>;

/** A request for an invitation that cannot be met; the message names the field (`url: …`). */
export class InvitationError extends Error {
  override name = 'InvitationError';
}

/** Validates a request (strings already NFC and trimmed); an InvitationError names the first bad field. */
export function parseInvitationRequest(input: unknown): InvitationRequest {
  const result = InvitationRequestSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new InvitationError(`${pathOf(issue.path) || 'body'}: ${describeIssue(issue, valueAt(input, issue.path))}`);
}

export interface Invitation {
  token: string;
  /** The link for the buyer's e-mail. */
  url: string;
  /** ISO 8601, UTC. */
  expires: string;
}

/**
 * Creates an invitation (the site's key too, on its first) and its link: to `url`, else the imported product's
 * page; with neither, an InvitationError naming `url`.
 */
export async function issueInvitation(store: Store, request: InvitationRequest, now: number): Promise<Invitation> {
  const { site, product, order, incentive, days = INVITATION_DAYS.default } = request;
  const imported = request.url === undefined ? (await store.product(site, product))?.product.url : undefined;
  const page = request.url ?? (imported !== undefined && /^https?:\/\//i.test(imported) ? imported : undefined);
  if (page === undefined) {
    throw new InvitationError(`url: required: no page address was imported for product ${JSON.stringify(product)}; give the page with the review form`);
  }
  if (!URL.canParse(page)) throw new InvitationError(`url: ${PAGE}`);
  const expires = now + days * 86_400_000;
  const id = randomBytes(16).toString('base64url');
  const secret = (await store.siteSecret(site, true))!;
  await store.createInvitation({ id, site, product, orderHash: orderHash(order), incentive: incentive || undefined, created: now, expires });
  const token = signInvitation({ v: 1, s: site, p: product, i: id, e: expires, ...(incentive ? { n: incentive } : {}) }, secret);
  return { token, url: invitationLink(page, token), expires: new Date(expires).toISOString() };
}
