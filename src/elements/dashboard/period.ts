/**
 * Reporting periods: whole UTC days as yyyy-mm-dd, inclusive, as the collector counts them, and the previous
 * period of the same length that the dashboard compares with.
 */
const DAY_MS = 86_400_000;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
/** The longest period the collector reports on. */
export const MAX_DAYS = 366;
/** The preset lengths the period picker offers, in days. */
export const PRESETS = [7, 30, 90, 365] as const;
export const DEFAULT_DAYS = 30;

export interface Period {
  from: string;
  to: string;
}

/** Milliseconds at midnight UTC of a yyyy-mm-dd day; NaN when it is not a real date. */
export function dayTime(day: string): number {
  const t = Date.parse(`${day}T00:00:00Z`);
  return DAY_RE.test(day) && !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === day ? t : NaN;
}

export function isDay(value: string | undefined | null): value is string {
  return typeof value === 'string' && !Number.isNaN(dayTime(value));
}

export function addDays(day: string, days: number): string {
  return new Date(dayTime(day) + days * DAY_MS).toISOString().slice(0, 10);
}

export function today(now = Date.now()): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** Days in a period, both ends included. */
export function length(period: Period): number {
  return Math.round((dayTime(period.to) - dayTime(period.from)) / DAY_MS) + 1;
}

/** The `days` days ending with `to`. */
export function lastDays(days: number, to: string): Period {
  return { from: addDays(to, -(days - 1)), to };
}

/** The period of the same length that ends the day before this one starts. */
export function previous(period: Period): Period {
  const to = addDays(period.from, -1);
  return { from: addDays(to, -(length(period) - 1)), to };
}

/** Why a period cannot be reported on, or null when it can. */
export function periodProblem(period: Partial<Period>): 'from' | 'to' | 'order' | 'long' | null {
  if (!isDay(period.from)) return 'from';
  if (!isDay(period.to)) return 'to';
  if (period.from > period.to) return 'order';
  if (length(period as Period) > MAX_DAYS) return 'long';
  return null;
}

/** Every day of a period, in order. */
export function days(period: Period): string[] {
  const list: string[] = [];
  for (let t = dayTime(period.from); t <= dayTime(period.to); t += DAY_MS) list.push(new Date(t).toISOString().slice(0, 10));
  return list;
}
