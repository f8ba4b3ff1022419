/**
 * The queue and its transport. Events wait in memory and go out in batches: 5 s after the first one, at
 * 20, and with `navigator.sendBeacon` when the page is hidden or left. A batch is the contract's JSON
 * envelope sent as `text/plain` (no CORS preflight) without credentials. Network errors, 5xx, 408 and 429
 * are retried with jittered exponential backoff (honouring `Retry-After`) and on `online`; other 4xx drop
 * the batch with one console warning. Unacknowledged events are mirrored into the outbox (`outbox.ts`).
 */
import { MAX_BATCH_BYTES, MAX_BATCH_EVENTS } from './limits.js';
import { config, onConfigure } from '../config.js';
import { fetchOptions } from '../fetch-options.js';
import { claim, OUTBOX_PREFIX, save, wipe, type Entry } from './outbox.js';
import { newPageView } from './page.js';
import { warnOnce } from './warn.js';
import { sendingAllowed as granted, storageAllowed as storable } from './consent.js';

export const FLUSH_DELAY = 5000;
export const FLUSH_AT = 20;
/** Outbox writes are at most this often. */
export const SAVE_DELAY = 1000;
/** Bytes of one request body: beacons and keep-alive requests must stay under 64 KB (the collector's limit). */
export const MAX_BODY = MAX_BATCH_BYTES - 4 * 1024;
/** Events in one request: the collector's limit. */
export const MAX_EVENTS = MAX_BATCH_EVENTS;
/** Events kept in memory at most (the oldest go first). */
export const MAX_QUEUE = 1000;
export const BACKOFF_BASE = 1000;
export const BACKOFF_MAX = 5 * 60 * 1000;
/** A request unanswered for this long counts as failed (and is retried). */
export const REQUEST_TIMEOUT = 30 * 1000;

interface Batch {
  entries: Entry[];
  body: string;
}

interface Retry {
  /** Failures in a row. */
  n: number;
  /** Not before this time (ms). */
  at: number;
  /** The endpoint said so (`Retry-After`): even `flush()` waits. */
  told: boolean;
}

let queue: Entry[] = [];
/**
 * Sent by beacon since the page was last visible. A beacon is queued, never confirmed: if the endpoint is
 * down it is lost, so these stay in the outbox slot of a page that has gone, and the next page view sends
 * them again (the collector keeps each id once). Forgotten once the page is visible again.
 */
let beaconed: Entry[] = [];
const sending = new Set<Entry>();
/** Every send under way, so `flush()` can wait for them all. */
let running = Promise.resolve();
let encoder: TextEncoder | undefined;
const retries = new Map<string, Retry>();
let timer: ReturnType<typeof setTimeout> | undefined;
/** The page is hidden or gone: the outbox slot is marked closed. */
let away = false;
let saving = false;
let started = false;
let consent = config.consent;


/**
 * Mirrors the queue into the outbox within a second (one write for many events; leaving the page writes at
 * once), so events survive a reload, a closed tab or a crash.
 */
function persist(): void {
  if (saving) return;
  saving = true;
  setTimeout(() => {
    saving = false;
    if (storable()) save([...queue, ...beaconed], away);
  }, SAVE_DELAY);
}

/** Adds an event to the queue and sends it when its batch is due. */
export function enqueue(entry: Entry): void {
  if (queue.length >= MAX_QUEUE) queue.shift();
  queue.push(entry);
  persist();
  if (!granted() || away) return;
  if (queue.length - sending.size >= FLUSH_AT) void flush();
  else timer ??= setTimeout(() => void flush(), FLUSH_DELAY);
}

/** Groups entries by envelope (endpoint, site, rate) and cuts each group into request bodies. */
function batches(entries: Entry[]): Batch[][] {
  const groups = new Map<string, Entry[]>();
  for (const x of entries) {
    const id = `${x.p} ${x.s} ${x.r}`;
    groups.set(id, [...(groups.get(id) ?? []), x]);
  }
  const out: Batch[][] = [];
  for (const group of groups.values()) {
    const list: Batch[] = [];
    out.push(list);
    const { s, r } = group[0]!;
    const head = `{"v":1,"site":${JSON.stringify(s)},"sent":${Date.now()},${r < 1 ? `"sample":${r},` : ''}"events":[`;
    let batch: Entry[] = [];
    let json: string[] = [];
    let size = head.length + 2;
    const close = () => batch.length && list.push({ entries: batch, body: `${head}${json.join(',')}]}` });
    for (const x of group) {
      const event = JSON.stringify(x.e);
      const bytes = (encoder ??= new TextEncoder()).encode(event).length + 1; // (a Blob is 50 times slower)
      if (batch.length && (size + bytes > MAX_BODY || batch.length >= MAX_EVENTS)) {
        close();
        batch = [];
        json = [];
        size = head.length + 2;
      }
      batch.push(x);
      json.push(event);
      size += bytes;
    }
    close();
  }
  return out;
}

/** Queued entries not in flight whose endpoint may be asked now (`all`: unless it said `Retry-After`). */
function ready(all: boolean): Entry[] {
  const now = Date.now();
  return queue.filter((x) => {
    const retry = retries.get(x.p);
    return !sending.has(x) && !(retry && retry.at > now && (retry.told || !all));
  });
}

function done(entries: Entry[]): void {
  const gone = new Set(entries);
  queue = queue.filter((x) => !gone.has(x));
}

function backoff(endpoint: string, retryAfter: string | null): void {
  const retry = retries.get(endpoint) ?? { n: 0, at: 0, told: false };
  let wait = Math.min(BACKOFF_MAX, BACKOFF_BASE * 2 ** retry.n) * (0.5 + Math.random() / 2);
  const seconds = Number(retryAfter);
  const told = retryAfter ? (Number.isNaN(seconds) ? Date.parse(retryAfter) - Date.now() : seconds * 1000) : NaN;
  retry.told = told >= 0;
  if (retry.told) wait = told;
  retry.n += 1;
  const at = (retry.at = Date.now() + wait);
  retries.set(endpoint, retry);
  setTimeout(() => {
    if (retry.at === at) retry.at = 0;
    void flush();
  }, wait);
}

/** Sends one batch; true when it is settled (accepted, or refused for good). */
async function post({ entries, body }: Batch): Promise<boolean> {
  const endpoint = entries[0]!.p;
  let status = 0;
  let retryAfter: string | null = null;
  const request = (keepalive: boolean) =>
    fetch(endpoint, fetchOptions({ method: 'POST', body, credentials: 'omit', keepalive, signal: AbortSignal.timeout(REQUEST_TIMEOUT) }));
  try {
    // Keep-alive lets a request finish after the page is gone; the browser refuses it beyond 64 KB in flight
    // for the whole page, and then the request goes without (not while the page goes: it would not finish).
    const response = await request(true).catch((error: unknown) => (away ? Promise.reject(error) : request(false)));
    status = response.status;
    retryAfter = response.headers.get('retry-after');
  } catch {
    // Offline, blocked, or refused by CORS: retried.
  }
  entries.forEach((x) => sending.delete(x));
  const retry = !status || status >= 500 || status === 408 || status === 429;
  if (retry) backoff(endpoint, retryAfter);
  else {
    retries.delete(endpoint);
    if (status >= 300) warnOnce(`HTTP ${status} from ${endpoint}: events dropped`);
    done(entries);
  }
  persist();
  return !retry;
}

/**
 * Sends what is queued now. `all` (for `zmot.flush()`) also asks endpoints that are backing off, unless
 * they answered with `Retry-After`. Resolves when every request under way has been answered; never rejects.
 */
export function flush(all = false): Promise<void> {
  return (running = Promise.all([running, send(all)]).then(() => undefined));
}

async function send(all: boolean): Promise<void> {
  clearTimeout(timer);
  timer = undefined;
  if (!granted()) return;
  const entries = ready(all);
  entries.forEach((x) => sending.add(x));
  await Promise.all(
    batches(entries).map(async (list) => {
      // One request at a time per envelope; after a failure the rest wait for the retry.
      for (let i = 0; i < list.length; i++) {
        if (await post(list[i]!)) continue;
        list.slice(i + 1).forEach((batch) => batch.entries.forEach((x) => sending.delete(x)));
        break;
      }
    }),
  );
}

/**
 * The page is hidden or left: beacon what can go, and mark the rest in the outbox for the next page view.
 * If the page comes back after another page view took them over, both may send them: the collector keeps
 * each id once.
 */
function leave(): void {
  away = true;
  clearTimeout(timer);
  timer = undefined;
  if (granted() && navigator.onLine) {
    for (const batch of batches(ready(false)).flat()) {
      let queued = false;
      try {
        queued = navigator.sendBeacon(batch.entries[0]!.p, batch.body);
      } catch {
        // An endpoint the beacon cannot reach: the keep-alive request below.
      }
      if (queued) {
        done(batch.entries);
        beaconed.push(...batch.entries);
      } else {
        batch.entries.forEach((x) => sending.add(x));
        void post(batch);
      }
    }
  }
  if (storable()) save([...queue, ...beaconed], true);
}

/** The page is visible again: carry on. */
function back(): void {
  if (!away) return;
  away = false;
  beaconed = [];
  persist();
  if (queue.length) timer ??= setTimeout(() => void flush(), FLUSH_DELAY);
}

/** Takes over the events earlier page views left in the outbox, one tab at a time. */
function adopt(): void {
  if (!storable()) return;
  const take = () => {
    const found = claim();
    if (!found.length) return;
    queue = [...found, ...queue].slice(-MAX_QUEUE);
    persist();
    void flush();
  };
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (locks) locks.request(OUTBOX_PREFIX, take).catch(take);
  else take();
}

function consentChanged(): void {
  if (config.consent === consent) return;
  consent = config.consent;
  if (consent === 'denied') {
    queue = [];
    beaconed = [];
    retries.clear();
    clearTimeout(timer);
    timer = undefined;
    wipe();
  } else if (consent === 'granted') {
    adopt();
    persist();
    if (queue.length) void flush();
  }
}

/** Listens to the page's lifecycle and picks up what earlier page views left. Once per page. */
export function startTransport(): void {
  if (started) return;
  started = true;
  consent = config.consent;
  addEventListener('pagehide', leave);
  addEventListener('pageshow', (event) => {
    if (!event.persisted) return;
    // Back from the back/forward cache: a new page view.
    newPageView();
    back();
  });
  document.addEventListener('visibilitychange', () => (document.visibilityState === 'hidden' ? leave() : back()));
  addEventListener('online', () => {
    retries.clear();
    adopt();
    void flush();
  });
  onConfigure(consentChanged);
  adopt();
}

/** What is queued and not yet acknowledged (for tests and `zmot.flush()` callers). */
export function queued(): readonly Entry[] {
  return queue;
}

/** Settles when every request under way has been answered (tests: none may outlive the test that made it). */
export function inFlight(): Promise<void> {
  return running;
}

/** Forgets the queue, timers and retries (tests). */
export function resetTransport(): void {
  queue = [];
  beaconed = [];
  sending.clear();
  retries.clear();
  clearTimeout(timer);
  timer = undefined;
  away = false;
  saving = false;
  consent = config.consent;
}
