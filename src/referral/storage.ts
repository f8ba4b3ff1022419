/**
 * First-party storage for referrals, JSON in `localStorage` / `sessionStorage`, only when the telemetry's
 * consent rules allow storage across page views (consent granted, no Global Privacy Control, no Do Not
 * Track). Otherwise nothing is written and nothing is read back: the page works from memory. Storage that
 * throws (private modes, sandboxed frames, a full quota) counts as absent; nothing here ever throws.
 */
import { storageAllowed } from '../telemetry/consent.js';

export type Area = 'local' | 'session';

function area(name: Area): Storage | undefined {
  try {
    return name === 'local' ? localStorage : sessionStorage;
  } catch {
    return undefined;
  }
}

export function load(name: Area, key: string): unknown {
  if (!storageAllowed()) return undefined;
  try {
    const raw = area(name)?.getItem(key);
    return raw == null ? undefined : (JSON.parse(raw) as unknown);
  } catch {
    return undefined;
  }
}

/** Writes `value` when storage is allowed; says whether it did. */
export function save(name: Area, key: string, value: unknown): boolean {
  if (!storageAllowed()) return false;
  try {
    area(name)?.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function remove(name: Area, key: string): void {
  try {
    area(name)?.removeItem(key);
  } catch {
    // Storage unavailable: nothing to remove.
  }
}
