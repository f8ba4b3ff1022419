/**
 * The site's ZMOT and UMOT report, computed from the daily rollups (definitions in docs/collector.md).
 * Counts are scaled by 1 / sample, so they may be fractional when pages sample; rates are null when their
 * denominator is 0.
 */
import { NO_CURRENCY } from './store/rows.js';
import type { RangeQuery, RollupRow, SharerDayRow, Store } from './store/types.js';

export interface ZmotMetrics {
  renders: number;
  /** Viewable impressions: ≥ 50% of a widget in view of a visible, focused tab for 1 s. */
  impressions: number;
  /** impressions / renders */
  viewabilityRate: number | null;
  interactions: number;
  /** interactions / impressions */
  interactionRate: number | null;
  errors: number;
}

export interface UmotMetrics {
  nps: { promoters: number; passives: number; detractors: number; responses: number; score: number | null };
  shares: number;
  sharesByChannel: Record<string, number>;
  /** Distinct referral codes that shared: the sharing visitors. */
  sharers: number;
  /** shares / viewable impressions of the recommend widget */
  shareRate: number | null;
  /** Landings through someone else's referral code (not the visitor's own). */
  referralLandings: number;
  /** Visitors landing on their own code; not referrals, reported apart. */
  selfLandings: number;
  conversions: number;
  referralConversions: number;
  /** referral conversions / referral landings */
  referralConversionRate: number | null;
  /** Sum of referral conversions' values, per currency (XXX: none given). */
  referralRevenue: Record<string, number>;
  revenue: Record<string, number>;
  /** (shares / sharers) × (referral conversions / shares) */
  k: number | null;
}

export interface PeriodMetrics {
  zmot: ZmotMetrics;
  umot: UmotMetrics;
}

export interface Report {
  site: string;
  from: string;
  to: string;
  product: string | null;
  total: PeriodMetrics;
  days: (PeriodMetrics & { day: string })[];
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);
/** Drops float noise from summed weights (0.1 + 0.2 …) without hiding real fractions. */
const tidy = (n: number): number => Math.round(n * 1e6) / 1e6;

function tidyRecord(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, tidy(v)]));
}

/** The metrics of a set of rollup rows (one day's or a whole period's) and the sharers in it. */
export function computeMetrics(rows: readonly RollupRow[], sharers: number): PeriodMetrics {
  let renders = 0, impressions = 0, recommendImpressions = 0, interactions = 0, errors = 0;
  let promoters = 0, passives = 0, detractors = 0;
  let shares = 0, referralLandings = 0, selfLandings = 0, conversions = 0, referralConversions = 0;
  const sharesByChannel: Record<string, number> = {};
  const revenue: Record<string, number> = {};
  const referralRevenue: Record<string, number> = {};
  for (const row of rows) {
    switch (row.type) {
      case 'render':
        renders += row.n;
        break;
      case 'impression':
        impressions += row.n;
        if (row.widget === 'recommend') recommendImpressions += row.n;
        break;
      case 'interaction':
        interactions += row.n;
        break;
      case 'error':
        errors += row.n;
        break;
      case 'nps': {
        const score = Number(row.key);
        if (score >= 9) promoters += row.n;
        else if (score >= 7) passives += row.n;
        else detractors += row.n;
        break;
      }
      case 'share':
        shares += row.n;
        sharesByChannel[row.key] = (sharesByChannel[row.key] ?? 0) + row.n;
        break;
      case 'referral_landing':
        if (row.key === 'self') selfLandings += row.n;
        else referralLandings += row.n;
        break;
      case 'conversion': {
        const [kind, currency = NO_CURRENCY] = row.key.split(':');
        conversions += row.n;
        if (row.value > 0) revenue[currency] = (revenue[currency] ?? 0) + row.value;
        if (kind === 'ref') {
          referralConversions += row.n;
          if (row.value > 0) referralRevenue[currency] = (referralRevenue[currency] ?? 0) + row.value;
        }
        break;
      }
    }
  }
  const responses = promoters + passives + detractors;
  const sharesPerSharer = ratio(shares, sharers);
  const conversionsPerShare = ratio(referralConversions, shares);
  return {
    zmot: {
      renders: tidy(renders),
      impressions: tidy(impressions),
      viewabilityRate: ratio(impressions, renders),
      interactions: tidy(interactions),
      interactionRate: ratio(interactions, impressions),
      errors: tidy(errors),
    },
    umot: {
      nps: {
        promoters: tidy(promoters),
        passives: tidy(passives),
        detractors: tidy(detractors),
        responses: tidy(responses),
        score: responses > 0 ? ((promoters - detractors) / responses) * 100 : null,
      },
      shares: tidy(shares),
      sharesByChannel: tidyRecord(sharesByChannel),
      sharers: tidy(sharers),
      shareRate: ratio(shares, recommendImpressions),
      referralLandings: tidy(referralLandings),
      selfLandings: tidy(selfLandings),
      conversions: tidy(conversions),
      referralConversions: tidy(referralConversions),
      referralConversionRate: ratio(referralConversions, referralLandings),
      referralRevenue: tidyRecord(referralRevenue),
      revenue: tidyRecord(revenue),
      k: sharesPerSharer === null || conversionsPerShare === null ? null : sharesPerSharer * conversionsPerShare,
    },
  };
}

const DAY_MS = 86_400_000;
export const MAX_RANGE_DAYS = 366;

/** Every day from `from` to `to`, inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

export class QueryError extends Error {
  override name = 'QueryError';
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

function parseDay(value: string, field: string): string {
  const t = Date.parse(`${value}T00:00:00Z`);
  if (!DAY_RE.test(value) || Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== value) {
    throw new QueryError(`${field}: must be a date as yyyy-mm-dd`);
  }
  return value;
}

/** The period asked for: `to` defaults to today (UTC), `from` to 29 days before `to`. */
export function resolveRange(from: string | undefined, to: string | undefined, now = Date.now()): { from: string; to: string } {
  const end = to ? parseDay(to, 'to') : new Date(now).toISOString().slice(0, 10);
  const start = from ? parseDay(from, 'from') : new Date(Date.parse(`${end}T00:00:00Z`) - 29 * DAY_MS).toISOString().slice(0, 10);
  if (start > end) throw new QueryError('from: must not be after to');
  if (daysBetween(start, end).length > MAX_RANGE_DAYS) throw new QueryError(`from: the period may span at most ${MAX_RANGE_DAYS} days`);
  return { from: start, to: end };
}

export async function buildReport(store: Store, query: RangeQuery): Promise<Report> {
  const [rows, sharerRows] = await Promise.all([store.rollups(query), store.sharers(query)]);
  const rowsByDay = new Map<string, RollupRow[]>();
  for (const row of rows) {
    const list = rowsByDay.get(row.day);
    if (list) list.push(row);
    else rowsByDay.set(row.day, [row]);
  }
  const sharersByDay = new Map<string, number>();
  const sharerWeights = new Map<string, number>();
  for (const s of sharerRows as SharerDayRow[]) {
    sharersByDay.set(s.day, (sharersByDay.get(s.day) ?? 0) + s.weight);
    sharerWeights.set(s.ref, Math.max(sharerWeights.get(s.ref) ?? 0, s.weight));
  }
  const totalSharers = [...sharerWeights.values()].reduce((a, b) => a + b, 0);
  return {
    site: query.site,
    from: query.from,
    to: query.to,
    product: query.product ?? null,
    total: computeMetrics(rows, totalSharers),
    days: daysBetween(query.from, query.to).map((day) => ({
      day,
      ...computeMetrics(rowsByDay.get(day) ?? [], sharersByDay.get(day) ?? 0),
    })),
  };
}
