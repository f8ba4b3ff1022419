/**
 * The limits of events on the wire, defined once: the collector's schema (`schema.ts`, with zod) enforces them
 * and the browser (`event.ts`, `transport.ts`, without zod) keeps every event and batch inside them, since the
 * collector refuses a whole batch for one event out of bounds. No imports: it costs the drop-in a few bytes.
 */

/** The most a collector accepts in one POST, in bytes of body and in events. */
export const MAX_BATCH_BYTES = 64 * 1024;
export const MAX_BATCH_EVENTS = 200;

/**
 * The lowest sampling rate a batch may declare: each event then stands for at most 1 / MIN_SAMPLE = 1 000
 * (SECURITY.md: a tiny `sample` once made one event count for millions, or for `Infinity`).
 */
export const MIN_SAMPLE = 0.001;

/** Length caps for the strings events carry, by their names on the wire. */
export const LIMITS = {
  site: 64,
  pv: 64,
  url: 2048,
  widget: 32,
  product: 128,
  action: 64,
  comment: 2000,
  channel: 32,
  ref: 64,
  order_id: 128,
  message: 500,
} as const;
