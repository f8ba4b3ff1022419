/**
 * `POST /v1/orders` (owner token): the shop's backend confirms orders server to server. Browsers report
 * conversions (`zmot.conversion()`), so anyone can post one with any referral code; an order the shop
 * confirms is one it knows. The report counts confirmed and unconfirmed conversions apart, and once a site
 * confirms at all, its K factor and referral revenue count confirmed conversions only (metrics.ts).
 *
 * Body: `{"site": "acme", "orders": [{"order_id": "A-1001", "value": 49.9, "currency": "EUR"}, …]}` (1–1 000
 * orders; `value` and `currency` optional, the shop's figures win over the browser's). Order ids compare
 * trimmed and in Unicode NFC, as conversions' do. Answer: `200 {"confirmed": n, "duplicates": m}`; an order
 * confirmed before is a duplicate, and the first confirmation stands.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as z from 'zod/mini';
import { describeIssue, LIMITS, pathOf, SiteSchema, STORABLE, valueAt } from '../telemetry/schema.js';
import type { SiteAccess } from './access.js';
import { orderKey } from './store/rows.js';
import type { Store } from './store/types.js';
import { tokenRequired } from './owner.js';

export const MAX_ORDERS = 1000;

const OrderSchema = z.object({
  order_id: z.string().check(z.minLength(1), z.maxLength(LIMITS.order_id), z.regex(STORABLE, 'must not contain U+0000 or unpaired surrogates')),
  value: z.optional(z.number().check(z.gte(0), z.lte(1e12))),
  currency: z.optional(z.string().check(z.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as "EUR"'))),
});

export const ConfirmationSchema = z.object({
  site: SiteSchema,
  orders: z.array(OrderSchema).check(z.minLength(1), z.maxLength(MAX_ORDERS)),
});

export interface OrderRoutesOptions {
  store: Store;
  access: SiteAccess;
  /** True when the request carries the owner's token. */
  authorised: (request: FastifyRequest) => boolean;
  now: () => number;
}

export async function orderRoutes(app: FastifyInstance, options: OrderRoutesOptions): Promise<void> {
  const { store, access, authorised, now } = options;

  app.post('/v1/orders', { bodyLimit: 256 * 1024 }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    if (!authorised(request)) {
      return tokenRequired(reply);
    }
    let body: unknown = request.body;
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body);
      } catch (error) {
        return reply.code(400).send({ error: `body: not valid JSON (${(error as Error).message})` });
      }
    }
    const result = ConfirmationSchema.safeParse(body);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      return reply.code(400).send({ error: `${pathOf(issue.path) || 'body'}: ${describeIssue(issue, valueAt(body, issue.path))}` });
    }
    const { site, orders } = result.data;
    if (!access.knows(site)) return reply.code(400).send({ error: `site: unknown site ${JSON.stringify(site)}` });
    const confirmations = orders.map((o) => ({ order: orderKey(o.order_id), value: o.value, currency: o.currency }));
    try {
      return await store.confirm(site, confirmations, now());
    } catch (error) {
      request.log.error({ err: error }, 'could not store confirmations');
      return reply.code(503).header('retry-after', '1').send({ error: 'the confirmations could not be stored; retry' });
    }
  });
}
