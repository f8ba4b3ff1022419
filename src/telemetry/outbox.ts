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
import { warnOnce } from './warn.js';

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

/** Writes this page view's unacknowledged events; `closed` lets another page view take them over. */
export function save(entries: readonly Entry[], closed: boolean): void {
  try {
    key ||= OUTBOX_PREFIX + uuidv7();
    let q = entries.slice(-OUTBOX_MAX);
    if (!q.length) return localStorage.removeItem(key);
    for (;;) {
      try {
        return localStorage.setItem(key, JSON.stringify({ t: Date.now(), c: closed ? 1 : 0, q } satisfies Slot));
      } catch (error) {
        // Quota: keep the newest half and try again, down to one event.
        if (q.length < 2) throw error;
        q = q.slice(q.length >> 1);
      }
    }
  } catch {
    // Full, or blocked (private mode, sandboxed frame): memory only, and no stale slot left behind.
    try {
      localStorage.removeItem(key);
    } catch {
      // Blocked.
    }
    warnOnce('storage full or blocked: events kept in memory');
  }
}

/** Takes over the slots of page views that have gone, and returns their events. */
export function claim(): Entry[] {
  const found: Entry[] = [];
  const now = Date.now();
  try {
    for (let i = localStorage.length; i--; ) {
      const slotKey = localStorage.key(i)!;
      if (!slotKey.startsWith(OUTBOX_PREFIX) || slotKey === key) continue;
      let slot: Slot | undefined;
      try {
        slot = JSON.parse(localStorage.getItem(slotKey)!) as Slot;
      } catch {
        // Unreadable: removed.
      }
      if (slot && !slot.c && now - slot.t < OUTBOX_STALE) continue;
      localStorage.removeItem(slotKey);
      found.push(...(slot?.q ?? []).filter((x) => now - x.e.ts < OUTBOX_MAX_AGE));
    }
  } catch {
    // Blocked storage, or a slot someone else wrote: take what was found so far.
  }
  return found;
}

/** Removes every zmot outbox slot (consent withdrawn). */
export function wipe(): void {
  try {
    for (let i = localStorage.length; i--; ) {
      const slotKey = localStorage.key(i)!;
      if (slotKey.startsWith(OUTBOX_PREFIX)) localStorage.removeItem(slotKey);
    }
  } catch {
    // Blocked: nothing stored.
  }
}
