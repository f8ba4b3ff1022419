/**
 * Invitation tokens (contract §8, docs/reviews.md): `<payload>.<sig>`, both base64url. The payload is the JSON
 * `{"v":1,"s":site,"p":product,"i":invitation id,"e":expires (ms),"n"?:incentive}` — no order number and no
 * buyer, only a random id the collector keeps with a SHA-256 of the order. The signature is HMAC-SHA256 with
 * the site's key (`Store.siteSecret`) over the payload's base64url text, exactly as it travels.
 *
 * The review form may read the payload without the key (it shows the product and the incentive); only the
 * collector, which has the key, decides whether a token is genuine.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { orderKey } from './store/rows.js';

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
