/**
 * `--retain-days N`: raw events older than N days are dropped (store `retain`), once shortly after start and
 * then every hour, in the background; the rollups, and so every report, stay. Several collectors on one
 * PostgreSQL database take turns (an advisory lock); a failed run is logged and tried again next hour.
 */
import type { FastifyBaseLogger } from 'fastify';
import { dayOf } from './store/rows.js';
import type { Store } from './store/types.js';

const DAY_MS = 86_400_000;
const EVERY_MS = 3_600_000;

/** The first day kept when keeping `days` days: today (UTC) and the `days` before it. */
export function firstKeptDay(days: number, now: number): string {
  return dayOf(now - days * DAY_MS);
}

export interface Retention {
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

export function startRetention(store: Store, days: number, now: () => number, log: FastifyBaseLogger): Retention {
  let running: Promise<void> = Promise.resolve();
  const stopping = new AbortController();
  const run = () => {
    running = running.then(async () => {
      if (stopping.signal.aborted) return;
      try {
        const before = firstKeptDay(days, now());
        const removed = await store.retain(before, stopping.signal);
        if (removed > 0) log.info({ removed, before }, 'retention: raw events before %s dropped', before);
      } catch (error) {
        log.error({ err: error }, 'retention failed; trying again in an hour');
      }
    });
  };
  const first = setTimeout(run, 1000);
  const timer = setInterval(run, EVERY_MS);
  first.unref();
  timer.unref();
  return {
    async stop() {
      stopping.abort();
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
