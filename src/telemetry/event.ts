/**
 * The event model on the browser side. Types come from the wire schema (`schema.ts`, shared with the
 * collector) through type-only imports, which cost no bytes; the checks below keep every event inside the
 * schema without shipping zod, because the collector refuses a whole batch for one bad event.
 */
import { LIMITS } from './limits.js';
import type { EventType, ZmotEvent } from './schema.js';

export type { EventType, ZmotEvent };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event as a widget hands it to `track`: `id`, `ts`, `pv` and `url` are filled in. */
export type EventInput = DistributiveOmit<ZmotEvent, 'id' | 'ts' | 'pv' | 'url'>;

/** The schema's length caps, by field name (`limits.ts`, shared with the collector's schema). */
export const CAPS: Readonly<Record<string, number>> = LIMITS;

/** The fields each type cannot do without. */
const REQUIRED: Readonly<Record<EventType, string>> = {
  render: '',
  impression: '',
  interaction: 'action',
  nps: 'score',
  share: 'channel ref',
  referral_landing: 'ref',
  conversion: 'order_id',
  error: 'message',
  assignment: 'arm',
};

/**
 * Trims an event to the schema: strings cut to their caps and made storable, empty and ill-typed capped
 * fields dropped.
 * Returns `undefined` (and the caller warns) when a required field is missing or the NPS score is out of
 * range. (`conversion()` checks its `value` and `currency` itself.)
 */
export function clean(event: Record<string, unknown>): ZmotEvent | undefined {
  for (const key of Object.keys(event)) {
    const value = event[key];
    const cap = CAPS[key];
    if (value === undefined || value === null || value === '') delete event[key];
    // Cut first: a cut may split a surrogate pair. U+0000 and unpaired surrogates become U+FFFD, which the
    // collector's databases can store (the schema refuses both).
    else if (cap && typeof value === 'string') event[key] = value.slice(0, cap).replace(/[\0\uD800-\uDFFF]/gu, '\uFFFD');
    else if (cap) delete event[key];
  }
  const { type, score } = event;
  // A string, or the type is unknown (`toString`, `__proto__` … are not event types; nor is a value that is not
  // a string, which could throw when made into a key).
  const required: unknown = typeof type === 'string' ? REQUIRED[type as EventType] : undefined;
  if (typeof required !== 'string') return undefined;
  if (required && required.split(' ').some((key) => !(key in event))) return undefined;
  if (type === 'nps' && !(Number.isInteger(score) && (score as number) >= 0 && (score as number) <= 10)) return undefined;
  return event as ZmotEvent;
}
