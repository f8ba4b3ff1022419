// The demo site's 60 days, as scripts/dashboard-screenshot.ts and scripts/bench-lighthouse-dashboard.ts show
// them: a seeded, repeatable mix of the demo's three products, its widgets, NPS answers (some with a comment),
// shares, referral landings and conversions, posted to a collector over HTTP, and the demo's review feeds.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseImport } from '../src/collector/import.js';
import type { Store } from '../src/collector/store/types.js';
import type { ZmotEvent } from '../src/telemetry/schema.js';

const COMMENTS: [string, number][] = [
  ['Delivery took three weeks and nobody answered my e-mails.', 0.3],
  ['The sole came off after two months of trail running.', 0.25],
  ['Good product, but the size chart is wrong: order one size up.', 0.25],
  ['Setup was confusing; the import failed twice.', 0.2],
];

export const DAY = 86_400_000;
export const DEMO_SITE = 'demo';
const PRODUCTS = [
  { id: 'ledgerly-cloud', weight: 1, path: 'b2b.html' },
  { id: 'trail-runner-2', weight: 0.8, path: 'shoe.html' },
  { id: 'ridge-hiker', weight: 0.35, path: 'shoe.html' },
];
const CHANNELS: [string, number][] = [['copy', 0.34], ['whatsapp', 0.26], ['email', 0.18], ['linkedin', 0.12], ['x', 0.06], ['facebook', 0.04]];

// A small seeded generator (mulberry32), so the screenshot is the same on every run.
let seed = 42;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const count = (mean: number) => Math.max(0, Math.round(mean * (0.8 + random() * 0.4)));
const pick = <T>(items: [T, number][]): T => {
  let r = random();
  for (const [item, p] of items) if ((r -= p) < 0) return item;
  return items[items.length - 1]![0];
};
const times = <T>(n: number, f: () => T): T[] => Array.from({ length: n }, f);

function dayEvents(dayIndex: number, ts: number): ZmotEvent[] {
  const events: ZmotEvent[] = [];
  const growth = 0.75 + dayIndex / 120; // traffic grows over the 60 days
  const weekday = new Date(ts).getUTCDay();
  const week = weekday === 0 || weekday === 6 ? 0.7 : 1;
  for (const product of PRODUCTS) {
    const base = { ts, url: `https://demo.zmot.example/demo/${product.path}`, product: product.id };
    const e = (type: string, widget: string | undefined, extra: object = {}): ZmotEvent =>
      ({ id: randomUUID(), type, pv: randomUUID().slice(0, 8), widget, ...base, ...extra }) as ZmotEvent;
    const views = count(140 * product.weight * growth * week);
    const ratingSeen = count(views * 0.64);
    events.push(...times(views, () => e('render', 'rating')), ...times(ratingSeen, () => e('impression', 'rating')));
    events.push(...times(count(ratingSeen * 0.07), () => e('interaction', 'rating', { action: 'filter' })));
    const testimonials = count(views * 0.7);
    const testimonialsSeen = count(testimonials * 0.48);
    events.push(...times(testimonials, () => e('render', 'testimonials')), ...times(testimonialsSeen, () => e('impression', 'testimonials')));
    events.push(...times(count(testimonialsSeen * 0.14), () => e('interaction', 'testimonials', { action: pick([['page', 0.5], ['sort', 0.3], ['expand', 0.2]]) })));
    const prompts = count(views * 0.3);
    const promptsSeen = count(prompts * 0.55);
    events.push(...times(prompts, () => e('render', 'recommend')), ...times(promptsSeen, () => e('impression', 'recommend')));
    const answers = count(promptsSeen * 0.22 * (0.9 + dayIndex / 300));
    let promoters = 0;
    for (let i = 0; i < answers; i++) {
      const score = pick<number>([[10, 0.3], [9, 0.24], [8, 0.14], [7, 0.1], [6, 0.06], [5, 0.05], [4, 0.03], [3, 0.03], [2, 0.02], [1, 0.01], [0, 0.02]]);
      if (score >= 9) promoters++;
      const comment = score <= 6 && random() < 0.5 ? pick(COMMENTS) : undefined;
      events.push(e('nps', 'recommend', { score, ...(comment ? { comment } : {}) }));
    }
    for (let i = 0; i < Math.round(promoters * 0.45); i++) {
      const ref = `R${Math.floor(random() * 1e6).toString(36).toUpperCase()}`;
      events.push(e('share', 'recommend', { channel: pick(CHANNELS), ref }));
      const landings = count(1.7);
      for (let j = 0; j < landings; j++) {
        events.push(e('referral_landing', undefined, { ref }));
        if (random() < 0.16) {
          events.push(e('conversion', undefined, { order_id: randomUUID().slice(0, 12), ref, value: Math.round(49 + random() * 80), currency: 'EUR', product: undefined }));
        }
      }
    }
    events.push(...times(count(views * 0.012), () => e('conversion', undefined, { order_id: randomUUID().slice(0, 12), value: Math.round(49 + random() * 80), currency: 'EUR', product: undefined })));
  }
  return events;
}

/** Noon UTC today: the last of the demo's days. */
export const demoToday = (): number => Date.parse(new Date().toISOString().slice(0, 10)) + DAY / 2;

/** Imports the demo's review feeds as of 40 days before `today` (the reputation's snapshot). */
export async function importDemoFeeds(store: Store, today: number): Promise<void> {
  const feeds = new URL('../demo/feeds/', import.meta.url).pathname;
  for (const file of readdirSync(feeds).filter((f) => f.endsWith('.json'))) {
    await store.importFeeds(DEMO_SITE, parseImport(readFileSync(join(feeds, file), 'utf8'), 'json').feeds, { now: today - 40 * DAY });
  }
}

/**
 * Posts the 60 days ending `today` to the collector at `url`, setting its clock (`setClock`, the collector's
 * `now`) to each day first; resolves to the number of events.
 */
export async function postDemoEvents(url: string, today: number, setClock: (ms: number) => void): Promise<number> {
  let posted = 0;
  for (let d = 0; d < 60; d++) {
    const clock = today - (59 - d) * DAY;
    setClock(clock);
    const events = dayEvents(d, clock);
    for (let i = 0; i < events.length; i += 200) {
      const response = await fetch(`${url}/v1/events`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ v: 1, site: DEMO_SITE, sent: clock, events: events.slice(i, i + 200) }),
      });
      if (response.status !== 202) throw new Error(`POST /v1/events: ${response.status} ${await response.text()}`);
    }
    posted += events.length;
  }
  setClock(today);
  return posted;
}
