/**
 * Formatting a testimonial's untrusted text for display: dates (relative and absolute, through `Intl`),
 * initials for a missing avatar, language names, and text stripped of invisible characters.
 */
import type { ReviewDate } from './select.js';

const DAY = 86_400_000;

// Zero-width characters and bidirectional controls: they carry no visible text of their own. The joiners
// (U+200C, U+200D) are apart because they hold emoji sequences such as 👩‍💻 together.
const INVISIBLE = /[\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
const JOINERS = /[\u200C\u200D]/g;

/** The text with invisible characters removed and whitespace trimmed: "" when nothing would show. */
export function visibleText(value: string | undefined): string {
  return value ? value.replace(INVISIBLE, '').replace(JOINERS, '').trim() : '';
}

/** Wraps text in first-strong isolate … pop directional isolate, so its direction never leaks into a sentence. */
export function isolate(value: string): string {
  return `\u2068${value}\u2069`;
}

const formats = new Map<string, Intl.RelativeTimeFormat | Intl.DateTimeFormat | Intl.DisplayNames>();

function cached<T extends Intl.RelativeTimeFormat | Intl.DateTimeFormat | Intl.DisplayNames>(key: string, make: () => T): T {
  let format = formats.get(key) as T | undefined;
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format;
}

/** The calendar day number of a date: its own day for a date without a time, else the visitor's local day. */
function dayNumber(time: number, dateOnly: boolean): number {
  if (dateOnly) return Math.floor(time / DAY);
  const d = new Date(time);
  return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY;
}

/** "today", "yesterday", "3 days ago", "2 weeks ago", "5 months ago", "2 years ago"; a future date is "today". */
export function relativeDate(locale: string, date: ReviewDate, now = Date.now()): string {
  const format = cached(`r${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  const days = Math.max(0, dayNumber(now, false) - dayNumber(date.time, date.dateOnly));
  if (days < 7) return format.format(-days, 'day');
  if (days < 30) return format.format(-Math.round(days / 7), 'week');
  if (days < 365) return format.format(-Math.min(11, Math.max(1, Math.round(days / 30.44))), 'month');
  return format.format(-Math.max(1, Math.round(days / 365.25)), 'year');
}

/** The date as the language writes it: "Oct 1, 2026", "1. Okt. 2026" … */
export function absoluteDate(locale: string, date: ReviewDate): string {
  const zone = date.dateOnly ? 'UTC' : undefined;
  return cached(`d${locale}${zone ?? ''}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: zone })).format(
    date.time,
  );
}

/** The date as `datetime` wants it. */
export function machineDate(date: ReviewDate): string {
  const iso = new Date(date.time).toISOString();
  return date.dateOnly ? iso.slice(0, 10) : iso;
}

/** A valid BCP 47 tag for `lang`, or `undefined`. */
export function languageTag(lang: string | undefined): string | undefined {
  if (!lang) return undefined;
  try {
    return Intl.getCanonicalLocales(lang.trim())[0];
  } catch {
    return undefined;
  }
}

const base = (tag: string) => tag.split('-')[0]!.toLowerCase();

/** True when two language tags name different languages (`en-GB` and `en` are the same language). */
export function differentLanguage(a: string, b: string): boolean {
  return base(a) !== base(b);
}

/** "German" for `de`, in the page's language. */
export function languageName(locale: string, tag: string): string {
  try {
    return cached(`l${locale}`, () => new Intl.DisplayNames(locale, { type: 'language' })).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

// The first user-perceived character of a word: a flag (two regional indicators), or a character with its
// marks, emoji modifiers and zero-width-joined sequel (👩‍💻). Close enough to Intl.Segmenter for initials,
// which would cost some 20 ms to start.
const FIRST = /^(?:\p{RI}{2}|\P{M}[\p{M}\u{1F3FB}-\u{1F3FF}]*(?:\u200D\P{M}[\p{M}\u{1F3FB}-\u{1F3FF}]*)*)/u;

function firstGrapheme(word: string): string {
  return FIRST.exec(word)?.[0] ?? '';
}

/** Up to two initials from a name ("Ana Silva" → "AS"); whole graphemes, so emoji stay whole. */
export function initials(name: string): string {
  const words = name
    .replace(INVISIBLE, '')
    .split(/\s+/)
    .filter((word) => visibleText(word));
  const first = words[0];
  if (!first) return '';
  const last = words.length > 1 ? words[words.length - 1]! : '';
  return (firstGrapheme(first) + (last ? firstGrapheme(last) : '')).toLocaleUpperCase();
}
