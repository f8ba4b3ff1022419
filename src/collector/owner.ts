/**
 * The owner's token on the owner's API (`GET /v1/metrics`, `GET /v1/sites`, …): `Authorization: Bearer …`,
 * compared in constant time. Failed sign-ins are throttled per client address: after a burst of wrong
 * tokens the address gets 429 with `Retry-After` — even with the right token, or throttling would not slow
 * guessing — until its bucket refills.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TokenBuckets } from './ratelimit.js';

/** The shortest owner token `zmot serve` accepts. */
export const MIN_TOKEN_LENGTH = 16;

/** The answer of every owner route to a request without the owner token. */
export function tokenRequired(reply: FastifyReply): FastifyReply {
  return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'authorization: the owner token is required (Authorization: Bearer …)' });
}

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

export interface OwnerAuthOptions {
  /** Wrong tokens a second per client address after the burst; default 1. */
  rate?: number;
  /** Wrong tokens one address may send at once; default 10. */
  burst?: number;
  clock?: () => number;
}

export class OwnerAuth {
  readonly #token: Buffer;
  readonly #failures: TokenBuckets;

  /** `token` is trimmed: a token pasted with spaces around it would otherwise never match. */
  constructor(token: string, options: OwnerAuthOptions = {}) {
    const trimmed = token.trim();
    if (!trimmed) throw new Error('the collector needs an owner token');
    this.#token = digest(trimmed);
    this.#failures = new TokenBuckets({ rate: options.rate ?? 1, burst: options.burst ?? 10 }, options.clock);
  }

  /** True when the request carries the owner's token. */
  matches(request: FastifyRequest): boolean {
    const match = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '');
    return match !== null && timingSafeEqual(digest(match[1]!.trim()), this.#token);
  }

  /**
   * For a request that sends a bearer token: true when it is the owner's; otherwise answers 401 ("wrong
   * token") or 429 (throttled) and returns false. Runs on every route (an `onRequest` hook), so each route
   * of the owner's API only has to refuse requests that sent no token.
   */
  check(request: FastifyRequest, reply: FastifyReply): boolean {
    const wait = this.#failures.wait(request.ip);
    if (wait > 0) {
      void reply
        .code(429)
        .header('retry-after', String(Math.max(1, Math.ceil(wait))))
        .send({ error: 'authorization: too many wrong tokens from this address; retry later' });
      return false;
    }
    if (this.matches(request)) return true;
    this.#failures.take(request.ip);
    void reply.code(401).header('www-authenticate', 'Bearer error="invalid_token"').send({ error: 'authorization: wrong token' });
    return false;
  }
}
