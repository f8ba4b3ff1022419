/**
 * From a validated batch to the rows the stores write: raw events, their daily rollup deltas and sharers.
 * Shared by both stores so SQLite and PostgreSQL count exactly alike.
 */
import type { Envelope, ZmotEvent } from '../../telemetry/schema.js';
import type { RollupRow } from './types.js';

export interface EventRow {
  id: string;
  site: string;
  type: ZmotEvent['type'];
  /** UTC date (yyyy-mm-dd) of the event's time, corrected for the page's clock. */
  day: string;
  ts: number;
  received: number;
  pv: string;
  url: string;
  widget: string;
  product: string;
  /** 1 / sample: how many events this one stands for. */
  weight: number;
  /** The fields of its type, as JSON; null when it has none. */
  data: string | null;
  /** What the rollup counts this event under (see `rollupKey`). */
  key: string;
  /** Revenue carried by a conversion, already scaled by weight; 0 otherwise. */
  value: number;
  /** The referral code of a share, which identifies the sharing visitor. */
  sharer: string | null;
  /** The order id of a conversion: each order is counted once per site (`zmot_orders`). */
  order: string | null;
  /** The referral code a conversion came through: its rollups go under the product shared with that code. */
  via: string | null;
  /** An NPS answer's comment, with its score and corrected time (`zmot_comments`); null for other events. */
  comment: { score: number; text: string; at: number } | null;
}

/** The ISO 4217 code for "no currency", used when a conversion has a value but names no currency. */
export const NO_CURRENCY = 'XXX';

/**
 * Each type's rollup key:
 * interaction → action; nps → score ("0"…"10"); share → channel; referral_landing → "self" or "";
 * conversion → "ref:CUR" or "direct:CUR" (CUR the currency, XXX when none), then ":ARM" while a holdout runs;
 * assignment → "ARM" or "ARM:SHARE" (the arm, and the share held out); others → "".
 */
export function rollupKey(event: ZmotEvent): string {
  switch (event.type) {
    case 'interaction':
      return event.action;
    case 'nps':
      return String(event.score);
    case 'share':
      return event.channel;
    case 'referral_landing':
      return event.self ? 'self' : '';
    case 'conversion':
      return `${event.ref ? 'ref' : 'direct'}:${event.currency ?? NO_CURRENCY}${event.arm ? `:${event.arm}` : ''}`;
    case 'assignment':
      return event.share ? `${event.arm}:${event.share}` : event.arm;
    default:
      return '';
  }
}

const BASE_FIELDS = new Set(['id', 'type', 'ts', 'pv', 'url', 'widget', 'product']);

function extraData(event: ZmotEvent): string | null {
  let extra: Record<string, unknown> | null = null;
  for (const [name, value] of Object.entries(event)) {
    if (BASE_FIELDS.has(name) || value === undefined) continue;
    (extra ??= {})[name] = value;
  }
  return extra && JSON.stringify(extra);
}

const DAY_MS = 86_400_000;
const dayNames = new Map<number, string>();

/** The UTC date of a time, as yyyy-mm-dd. */
export function dayOf(ms: number): string {
  const index = Math.floor(ms / DAY_MS);
  let name = dayNames.get(index);
  if (name === undefined) {
    name = new Date(index * DAY_MS).toISOString().slice(0, 10);
    if (dayNames.size > 4096) dayNames.clear();
    dayNames.set(index, name);
  }
  return name;
}

/** A period of days as stored rollups are read: its whole calendar months, and the days outside them. */
export interface MonthSplit {
  /** The first and last whole month inside the period ('2026-03'), or null when it holds none. */
  months: { from: string; to: string } | null;
  /** The days before the first whole month and after the last (every day of the period when no month is whole). */
  days: { from: string; to: string }[];
}

/** Splits the days `from`–`to` (yyyy-mm-dd, both included) into whole months and the days at either end. */
export function splitByMonth(from: string, to: string): MonthSplit {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (!(start <= end)) return { months: null, days: [{ from, to }] };
  const first = new Date(start);
  // The first whole month starts on the period's first day, or on the 1st after it.
  const firstMonth = first.getUTCDate() === 1 ? start : Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1);
  // The last whole month ends on the period's last day, or on the last day of the month before it.
  const last = new Date(end);
  const endsMonth = new Date(end + DAY_MS).getUTCDate() === 1;
  const afterLastMonth = endsMonth ? end + DAY_MS : Date.UTC(last.getUTCFullYear(), last.getUTCMonth(), 1);
  if (firstMonth >= afterLastMonth) return { months: null, days: [{ from, to }] };
  const days: { from: string; to: string }[] = [];
  if (start < firstMonth) days.push({ from, to: dayOf(firstMonth - DAY_MS) });
  if (afterLastMonth <= end) days.push({ from: dayOf(afterLastMonth), to });
  return { months: { from: dayOf(firstMonth).slice(0, 7), to: dayOf(afterLastMonth - DAY_MS).slice(0, 7) }, days };
}

/**
 * Rows for a batch received at `received` (the collector's clock). An event's day is taken from its `ts`
 * shifted by how far the page's clock was off when it sent the batch (`received - sent`), and never later
 * than `received`.
 */
export function toRows(envelope: Envelope, received: number): EventRow[] {
  const skew = received - envelope.sent;
  const weight = 1 / (envelope.sample ?? 1);
  const rows = envelope.events.map((event) => {
    const at = Math.min(Math.max(event.ts + skew, 0), received);
    return {
      id: event.id.toLowerCase(),
      site: envelope.site,
      type: event.type,
      day: dayOf(at),
      ts: event.ts,
      received,
      pv: event.pv,
      url: event.url,
      widget: event.widget ?? '',
      product: event.product ?? '',
      weight,
      data: extraData(event),
      key: rollupKey(event),
      value: event.type === 'conversion' ? (event.value ?? 0) * weight : 0,
      sharer: event.type === 'share' ? event.ref : null,
      order: event.type === 'conversion' ? orderKey(event.order_id) : null,
      via: event.type === 'conversion' ? (event.ref ?? null) : null,
      comment: event.type === 'nps' && event.comment?.trim() ? { score: event.score, text: event.comment, at } : null,
    };
  });
  // The schema bounds sample and value, so this cannot happen; if it ever did, refuse rather than store it.
  for (const row of rows) {
    if (!Number.isFinite(row.weight) || !Number.isFinite(row.value)) throw new RangeError('events: a weight or value is not a finite number');
  }
  return rows;
}

/**
 * An order id as orders are compared (a browser's conversion, the shop's confirmation): trimmed and in
 * Unicode normal form C, so " A-1" and "A-1", or "é" typed two ways, are one order.
 */
export function orderKey(orderId: string): string {
  return orderId.trim().normalize('NFC');
}

/** An increment to one rollup row (its counts already scaled by weight). */
export interface RollupDelta extends RollupRow {
  site: string;
}

export interface SharerRow {
  site: string;
  day: string;
  product: string;
  ref: string;
  weight: number;
}

/**
 * Rows as the rollups count them: a referral conversion that names no product is filed under the product
 * shared with its code (`shared`: site and code → product), not under "page-wide". The raw event keeps what
 * the page sent.
 */
export function attribute(rows: readonly EventRow[], shared: ReadonlyMap<string, string>): EventRow[] {
  // Shares stored in the same transaction are the latest of all; among them, as in the stores' lookup, the
  // latest day's, then the first product id.
  const products = new Map(shared);
  const batch = new Map<string, { day: string; product: string }>();
  for (const row of rows) {
    if (row.sharer === null || row.product === '') continue;
    const key = sharedKey(row.site, row.sharer);
    const seen = batch.get(key);
    if (!seen || row.day > seen.day || (row.day === seen.day && row.product < seen.product)) batch.set(key, { day: row.day, product: row.product });
  }
  for (const [key, { product }] of batch) products.set(key, product);
  return rows.map((row) => {
    if (row.via === null || row.product !== '') return row;
    const product = products.get(sharedKey(row.site, row.via));
    return product ? { ...row, product } : row;
  });
}

export const sharedKey = (site: string, ref: string): string => `${site}\u0000${ref}`;

/** The rollup increments and sharers for newly stored rows, sorted so concurrent writers lock alike. */
export function summariseRows(rows: readonly EventRow[]): { rollups: RollupDelta[]; sharers: SharerRow[] } {
  const rollups = new Map<string, RollupDelta>();
  const sharers = new Map<string, SharerRow>();
  for (const row of rows) {
    const id = [row.site, row.day, row.product, row.widget, row.type, row.key].join('\u0000');
    const delta = rollups.get(id);
    if (delta) {
      delta.n += row.weight;
      delta.value += row.value;
    } else {
      rollups.set(id, { site: row.site, day: row.day, product: row.product, widget: row.widget, type: row.type, key: row.key, n: row.weight, value: row.value });
    }
    if (row.sharer !== null) {
      const sid = [row.site, row.day, row.product, row.sharer].join('\u0000');
      const sharer = sharers.get(sid);
      if (sharer) sharer.weight = Math.max(sharer.weight, row.weight);
      else sharers.set(sid, { site: row.site, day: row.day, product: row.product, ref: row.sharer, weight: row.weight });
    }
  }
  const byKey = <T>(map: Map<string, T>) => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
  return { rollups: byKey(rollups), sharers: byKey(sharers) };
}

/** An increment to one per-site rollup row: a rollup delta without the product. */
export type SiteRollupDelta = Omit<RollupDelta, 'product'>;
/** A sharer without the product. */
export type SiteSharerRow = Omit<SharerRow, 'product'>;

/**
 * The same increments summed over products, for `zmot_site_rollups` and `zmot_site_sharers` (a code's largest
 * weight of the day), sorted like `summariseRows`'.
 */
export function summariseSites(summary: { rollups: readonly RollupDelta[]; sharers: readonly SharerRow[] }): { rollups: SiteRollupDelta[]; sharers: SiteSharerRow[] } {
  const rollups = new Map<string, SiteRollupDelta>();
  const sharers = new Map<string, SiteSharerRow>();
  for (const d of summary.rollups) {
    const id = [d.site, d.day, d.widget, d.type, d.key].join('\u0000');
    const delta = rollups.get(id);
    if (delta) {
      delta.n += d.n;
      delta.value += d.value;
    } else {
      rollups.set(id, { site: d.site, day: d.day, widget: d.widget, type: d.type, key: d.key, n: d.n, value: d.value });
    }
  }
  for (const s of summary.sharers) {
    const id = [s.site, s.day, s.ref].join('\u0000');
    const sharer = sharers.get(id);
    if (sharer) sharer.weight = Math.max(sharer.weight, s.weight);
    else sharers.set(id, { site: s.site, day: s.day, ref: s.ref, weight: s.weight });
  }
  const byKey = <T>(map: Map<string, T>) => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
  return { rollups: byKey(rollups), sharers: byKey(sharers) };
}
