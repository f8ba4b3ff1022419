/**
 * The live view: events stored in the last 30 minutes, per site, minute and type, kept in memory as they are
 * stored (this process's since it started), so the owner watches a campaign land without any query on the
 * events table. `GET /v1/live?site=S` (owner token) answers with an ETag; a client polling with
 * `If-None-Match` gets `304` while nothing new arrived.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { LiveAnswer } from '../report/types.js';
import type { EventRow } from './store/rows.js';
import type { Store } from './store/types.js';
import { tokenRequired } from './owner.js';
import { siteParam } from './metrics.js';

export const LIVE_MINUTES = 30;
const MINUTE_MS = 60_000;

export class LiveCounts {
  /** site → minute index → type → count */
  readonly #sites = new Map<string, Map<number, Map<string, number>>>();
  /** The minute of the last sweep over every site. */
  #swept = -Infinity;

  constructor(private readonly now: () => number) {}

  /** Sites with events in the window (what the live view holds in memory). */
  get sites(): number {
    return this.#sites.size;
  }

  /** Counts stored rows (at the collector's clock); the minute's first call forgets what left the window. */
  add(rows: readonly EventRow[]): void {
    const minute = Math.floor(this.now() / MINUTE_MS);
    // Once a minute, every site forgets its old minutes, and a site with none left is dropped: a site that
    // sent once (or a flood of made-up site ids, when no --site is named) is not kept for ever.
    if (minute > this.#swept) {
      this.#swept = minute;
      for (const [site, minutes] of this.#sites) {
        for (const old of minutes.keys()) if (old <= minute - LIVE_MINUTES) minutes.delete(old);
        if (minutes.size === 0) this.#sites.delete(site);
      }
    }
    for (const row of rows) {
      let minutes = this.#sites.get(row.site);
      if (!minutes) this.#sites.set(row.site, (minutes = new Map()));
      let counts = minutes.get(minute);
      if (!counts) minutes.set(minute, (counts = new Map()));
      counts.set(row.type, (counts.get(row.type) ?? 0) + row.weight);
    }
  }

  answer(site: string): LiveAnswer {
    const last = Math.floor(this.now() / MINUTE_MS);
    const minutes = this.#sites.get(site);
    const total: Record<string, number> = {};
    const list = Array.from({ length: LIVE_MINUTES }, (_, i) => {
      const index = last - LIVE_MINUTES + 1 + i;
      const counts: Record<string, number> = {};
      for (const [type, n] of minutes?.get(index) ?? []) {
        counts[type] = n;
        total[type] = (total[type] ?? 0) + n;
      }
      return { minute: new Date(index * MINUTE_MS).toISOString(), counts };
    });
    return { site, minutes: list, total };
  }

  /**
   * The store, with what it stores counted here. A batch stored only in part (some of its events were
   * duplicates) counts its first `accepted` rows: the store does not say which ones were new.
   */
  observe(store: Store): Store {
    return {
      ...store,
      insert: async (batches) => {
        const results = await store.insert(batches);
        batches.forEach((rows, i) => this.add(rows.slice(0, results[i]?.accepted ?? 0)));
        return results;
      },
    };
  }
}

export interface LiveRoutesOptions {
  live: LiveCounts;
  authorised: (request: FastifyRequest) => boolean;
}

export async function liveRoutes(app: FastifyInstance, options: LiveRoutesOptions): Promise<void> {
  app.get('/v1/live', async (request, reply) => {
    reply.header('cache-control', 'no-cache');
    if (!options.authorised(request)) {
      return tokenRequired(reply);
    }
    let site: string;
    try {
      site = siteParam((request.query as Record<string, string | undefined>).site);
    } catch (error) {
      return reply.code(400).send({ error: (error as Error).message });
    }
    const body = JSON.stringify(options.live.answer(site));
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    reply.header('etag', etag).header('vary', 'Authorization');
    const match = request.headers['if-none-match'];
    if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(body);
  });
}
