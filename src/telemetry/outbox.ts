/**
 * The outbox: events not yet acknowledged, kept in `localStorage` so they survive a reload or a closed tab
 * and go out on the next page view. Each page view writes only its own slot (`zmot:outbox:<id>`), so tabs
 * never overwrite each other; a slot is taken over by another page view once its page has gone (it was
 * marked closed on `pagehide`/hidden) or has not written for ten minutes (the tab was killed).
 * Capped by count and age; a full or blocked storage (quota, private mode, sandboxed frames) only means
 * the events live in memory.
 */
import type { ZmotEvent } from './event.js';
import { uuidv7 } from './ids.js';

/** One queued event with what its envelope needs: endpoint, site and sampling rate. */
export interface Entry {
  p: string;
  s: string;
  r: number;
  e: ZmotEvent;
}

interface Slot {
  /** When the slot was last written. */
  t: number;
  /** 1 when its page has gone (or is hidden): another page view may take the events. */
  c: 0 | 1;
  q: Entry[];
}

export const OUTBOX_PREFIX = 'zmot:outbox:';
/** The most events one slot keeps (the newest). */
export const OUTBOX_MAX = 250;
/** Events older than this are not sent any more. */
export const OUTBOX_MAX_AGE = 3 * 24 * 3600 * 1000;
/** A slot its page has not written for this long belongs to a page that is gone. */
export const OUTBOX_STALE = 10 * 60 * 1000;

let key = '';
let warned = false;

function storage(): Storage | undefined {
  try {
    return localStorage;
  } catch {
    return undefined;
  }
}

function read(store: Storage, slotKey: string): Slot | undefined {
  try {
    const slot = JSON.parse(store.getItem(slotKey) ?? 'null') as Slot | null;
    return slot && Array.isArray(slot.q) ? slot : undefined;
  } catch {
    return undefined;
  }
}

const fresh = (entries: Entry[], now: number): Entry[] => entries.filter((x) => now - x.e.ts < OUTBOX_MAX_AGE);

/** Writes this page view's unacknowledged events; `closed` lets another page view take them over. */
export function save(entries: readonly Entry[], closed: boolean): void {
  const store = storage();
  if (!store) return;
  key ||= OUTBOX_PREFIX + uuidv7();
  const now = Date.now();
  let q = fresh(entries.slice(-OUTBOX_MAX), now);
  try {
    if (!q.length) return store.removeItem(key);
    for (;;) {
      try {
        return store.setItem(key, JSON.stringify({ t: now, c: closed ? 1 : 0, q }));
      } catch (error) {
        // Quota: keep the newest half and try again, down to one event.
        if (q.length < 2) throw error;
        q = q.slice(q.length >> 1);
      }
    }
  } catch {
    try {
      store.removeItem(key);
    } catch {
      // Storage refuses even that: memory only.
    }
    if (!warned) console.warn('zmot: browser storage is full or blocked; unsent events will not outlive this page');
    warned = true;
  }
}

/** The ids this page view's slot holds now (another page view may have taken it over). */
export function stored(): Set<string> {
  const store = storage();
  const slot = store && key ? read(store, key) : undefined;
  return new Set(slot?.q.map((x) => x.e.id));
}

/** Takes over the slots of page views that have gone, and returns their events. */
export function claim(): Entry[] {
  const store = storage();
  const found: Entry[] = [];
  if (!store) return found;
  const now = Date.now();
  try {
    for (let i = store.length; i--; ) {
      const slotKey = store.key(i);
      if (!slotKey?.startsWith(OUTBOX_PREFIX) || slotKey === key) continue;
      const slot = read(store, slotKey);
      if (slot && !slot.c && now - slot.t < OUTBOX_STALE) continue;
      store.removeItem(slotKey);
      if (slot) found.push(...fresh(slot.q, now));
    }
  } catch {
    // Blocked storage: nothing to take.
  }
  return found;
}

/** Removes every zmot outbox slot (consent withdrawn). */
export function wipe(): void {
  const store = storage();
  try {
    for (let i = store?.length ?? 0; i--; ) {
      const slotKey = store!.key(i);
      if (slotKey?.startsWith(OUTBOX_PREFIX)) store!.removeItem(slotKey);
    }
  } catch {
    // Nothing stored.
  }
}
