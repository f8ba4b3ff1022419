/**
 * Referral codes: short, URL-safe, unguessable. A visitor gets one per site, kept in first-party storage
 * when storage is allowed (else one per page view), and shares links that carry it as `?zmot_ref=CODE`.
 */
import { load, save } from './storage.js';

/** The query parameter a referral link carries. */
export const REF_PARAM = 'zmot_ref';

/** localStorage key of the visitor's own code. */
export const CODE_KEY = 'zmot:ref';

/** Lower-case letters and digits without i, l, o, u: easy to read aloud, safe in any URL, 5 bits each. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const LENGTH = 10; // 50 random bits

/** What a code from a link must look like before zmot believes it (any URL-safe token up to 64 chars). */
const CODE_PATTERN = /^[A-Za-z0-9_-]{4,64}$/;

export function isCode(value: unknown): value is string {
  return typeof value === 'string' && CODE_PATTERN.test(value);
}

/** A fresh code from `crypto.getRandomValues`: 10 characters, 50 bits (32 divides 256, so no bias). */
export function newCode(): string {
  let code = '';
  for (const byte of crypto.getRandomValues(new Uint8Array(LENGTH))) code += ALPHABET[byte & 31];
  return code;
}

let pageCode: string | undefined;

/** The visitor's code if they already have one; never creates one. */
export function storedCode(): string | undefined {
  const stored = load('local', CODE_KEY);
  return isCode(stored) ? stored : pageCode;
}

/** The code to show the visitor: their own if they have one, else one for this page view; stores nothing. */
export function shownCode(): string {
  return storedCode() ?? (pageCode ??= newCode());
}

/** Keeps the visitor's code (when storage is allowed): they answered as a promoter, or shared it. */
export function keepCode(code: string): void {
  save('local', CODE_KEY, code);
}

/** The visitor's own code, created on first use and kept when storage is allowed. */
export function referralCode(): string {
  let code = storedCode();
  if (!code) {
    code = newCode();
    pageCode = code;
  }
  // Kept (again) each time, so a code made while consent was pending is stored once it is granted.
  save('local', CODE_KEY, code);
  return code;
}

/** `url` with `zmot_ref=code` set (replacing any code already there); other parameters and the fragment stay. */
export function referralLink(url: string, code: string): string {
  const link = new URL(url);
  link.searchParams.set(REF_PARAM, code);
  return link.href;
}
