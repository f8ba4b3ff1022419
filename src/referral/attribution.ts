/**
 * Landing attribution and conversions, on every page the script runs on, with no element needed.
 *
 * - A visit with `?zmot_ref=CODE` sends `referral_landing` once per code per browser session, takes the
 *   parameter out of the address bar (`history.replaceState`, no reload) and keeps the code for the
 *   attribution window: the last touch by default, the first with `data-attribution="first"`.
 * - A visitor landing on their own code is not a referral: the event says `self: true` and nothing is kept.
 * - A flood of codes is not: after `MAX_LANDINGS` different codes in a browser session, further ones are
 *   neither sent nor kept (the earlier attribution stands).
 * - `conversion()` sends `conversion` with the kept code while inside the window; an order id already sent
 *   from this browser is not sent again.
 * Storage follows the consent rules (see `storage.ts`); without it, all of this lasts for the page view.
 */
import { config, onConfigure } from '../config.js';
import { track } from '../telemetry/index.js';
import { CODE_KEY, isCode, REF_PARAM, storedCode } from './code.js';
import { load, remove, save } from './storage.js';

/** localStorage: the referral this visitor is attributed to, `{ ref, ts }`. */
export const TOUCH_KEY = 'zmot:touch';
/** localStorage: order ids already sent (the latest 50). */
export const ORDERS_KEY = 'zmot:orders';
/** sessionStorage: codes whose landing was already sent in this browser session. */
export const LANDED_KEY = 'zmot:landed';

const DAY = 86_400_000;
/** Different codes one browser session lands on before zmot stops believing them. */
export const MAX_LANDINGS = 10;
const MAX_ORDERS = 50;
const MAX_ORDER_ID = 128;

export interface Touch {
  ref: string;
  /** When the visitor landed, ms since the epoch. */
  ts: number;
}

export interface ConversionInput {
  /** The order's id in the site's shop; one conversion per order id. */
  orderId: string | number;
  /** The order's value, a number ≥ 0 (a numeric string is accepted). */
  value?: number | string;
  /** ISO 4217 code such as `EUR`. */
  currency?: string;
}

// What this page view knows when storage is not allowed.
let pageTouch: Touch | undefined;
const pageLanded = new Set<string>();
const pageOrders = new Set<string>();

function isTouch(value: unknown): value is Touch {
  const touch = value as Touch | null | undefined;
  return typeof touch === 'object' && touch !== null && isCode(touch.ref) && Number.isFinite(touch.ts);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** The referral the visitor is attributed to now, if they landed through one within the window. */
export function currentReferral(now = Date.now()): Touch | undefined {
  const stored = load('local', TOUCH_KEY);
  const touch = isTouch(stored) ? stored : pageTouch;
  if (!touch) return undefined;
  if (now - touch.ts >= config.attributionDays * DAY || touch.ts > now) {
    remove('local', TOUCH_KEY);
    pageTouch = undefined;
    return undefined;
  }
  return touch;
}

function keep(ref: string, now: number): void {
  if (config.attribution === 'first' && currentReferral(now)) return;
  pageTouch = { ref, ts: now };
  save('local', TOUCH_KEY, pageTouch);
}

let watching = false;

/** Forgets the visitor's code, referral, orders and landings (consent withdrawn with `zmot.consent(false)`). */
export function forget(): void {
  for (const key of [CODE_KEY, TOUCH_KEY, ORDERS_KEY]) remove('local', key);
  remove('session', LANDED_KEY);
  pageTouch = undefined;
  pageLanded.clear();
}

/** Takes `zmot_ref` out of the address bar, keeping every other parameter, the fragment and history state. */
function stripParam(url: URL): void {
  url.searchParams.delete(REF_PARAM);
  try {
    history.replaceState(history.state, '', url.href);
  } catch {
    // A sandboxed or opaque-origin document: the parameter stays visible, nothing else changes.
  }
}

/**
 * Handles a landing on this page: reads `zmot_ref`, strips it, sends `referral_landing` and keeps the code.
 * Called once by the drop-in when it starts; calling it again on the same URL does nothing.
 */
export function startAttribution(): void {
  if (!watching) {
    watching = true;
    onConfigure(() => {
      if (config.consent === 'denied') forget();
    });
  }
  try {
    const url = new URL(location.href);
    if (!url.searchParams.has(REF_PARAM)) return;
    const ref = url.searchParams.get(REF_PARAM);
    stripParam(url);
    if (!isCode(ref)) return;
    const self = ref === storedCode();
    const landed = strings(load('session', LANDED_KEY));
    const known = landed.includes(ref) || pageLanded.has(ref);
    if (!known && Math.max(landed.length, pageLanded.size) >= MAX_LANDINGS) return;
    if (!known) {
      pageLanded.add(ref);
      save('session', LANDED_KEY, [...landed, ref]);
      track(document, { type: 'referral_landing', ref, ...(self ? { self: true } : {}) });
    }
    if (!self) keep(ref, Date.now());
  } catch (error) {
    console.warn('zmot: could not read the referral', error);
  }
}

/**
 * Reports an order: `conversion` with the referral code while the visitor is inside the attribution
 * window. The same order id is sent once per browser (once per page view when storage is not allowed).
 */
export function conversion(input: ConversionInput): void {
  try {
    const orderId = String(input?.orderId ?? '').trim().slice(0, MAX_ORDER_ID);
    if (!orderId) {
      console.warn('zmot.conversion: an orderId is required');
      return;
    }
    const orders = strings(load('local', ORDERS_KEY));
    if (orders.includes(orderId) || pageOrders.has(orderId)) return;
    pageOrders.add(orderId);
    save('local', ORDERS_KEY, [...orders, orderId].slice(-MAX_ORDERS));

    const event: { type: 'conversion'; order_id: string; ref?: string; value?: number; currency?: string } = {
      type: 'conversion',
      order_id: orderId,
    };
    const ref = currentReferral()?.ref;
    if (ref) event.ref = ref;
    if (input.value !== undefined && input.value !== null && input.value !== '') {
      const value = Number(input.value);
      if (Number.isFinite(value) && value >= 0 && value <= 1e12) event.value = value;
      else console.warn(`zmot.conversion: value ${String(input.value)} left out (a number ≥ 0 is expected)`);
    }
    if (input.currency) {
      const currency = String(input.currency).trim().toUpperCase();
      if (/^[A-Z]{3}$/.test(currency)) event.currency = currency;
      else console.warn(`zmot.conversion: currency ${String(input.currency)} left out (an ISO 4217 code is expected)`);
    }
    track(document, event);
  } catch (error) {
    console.warn('zmot.conversion: not sent', error);
  }
}
