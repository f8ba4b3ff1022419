/**
 * The site's ZMOT and UMOT report, computed from the daily rollups (definitions in docs/collector.md).
 * Counts are scaled by 1 / sample, so they may be fractional when pages sample; rates are null when their
 * denominator is 0.
 */
import { SiteSchema } from '../telemetry/schema.js';
import { NO_CURRENCY } from './store/rows.js';
import type { CollectionCounts, ConfirmedConversion } from './store/types.js';
import { BREAKDOWNS, type BreakdownKind, type BreakdownRow, type CollectionFunnel, type LiftReport, type PeriodMetrics, type Report } from '../report/types.js';
import { analyseLift, type Arm } from './lift.js';
import type { RangeQuery, RollupRow, Store } from './store/types.js';

export type { BreakdownKind, BreakdownRow, LiftReport, PeriodMetrics, Report, UmotMetrics, ZmotMetrics } from '../report/types.js';

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);
/** Drops float noise from summed weights (0.1 + 0.2 …) without hiding real fractions. */
const tidy = (n: number): number => Math.round(n * 1e6) / 1e6;

function tidyRecord(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, tidy(v)]));
}

/** Confirmed conversions as rollup rows: keyed like the rollups, valued with the shop's value when it gave one. */
export function confirmedRows(conversions: readonly ConfirmedConversion[]): RollupRow[] {
  return conversions.map((c) => {
    const data = (c.data ? JSON.parse(c.data) : {}) as { ref?: string; value?: number; currency?: string };
    const currency = c.currency ?? data.currency ?? NO_CURRENCY;
    const value = (c.value ?? data.value ?? 0) * c.weight;
    return { day: c.day, product: c.product, widget: c.widget, type: 'conversion', key: `${data.ref ? 'ref' : 'direct'}:${currency}`, n: c.weight, value };
  });
}

/** Conversions, referral conversions and their revenue per currency, from conversion rollup rows. */
function conversionTotals(rows: readonly RollupRow[]): { conversions: number; referralConversions: number; revenue: Record<string, number>; referralRevenue: Record<string, number> } {
  let conversions = 0, referralConversions = 0;
  const revenue: Record<string, number> = {};
  const referralRevenue: Record<string, number> = {};
  for (const row of rows) {
    if (row.type !== 'conversion') continue;
    const [kind, currency = NO_CURRENCY] = row.key.split(':');
    conversions += row.n;
    if (row.value > 0) revenue[currency] = (revenue[currency] ?? 0) + row.value;
    if (kind === 'ref') {
      referralConversions += row.n;
      if (row.value > 0) referralRevenue[currency] = (referralRevenue[currency] ?? 0) + row.value;
    }
  }
  return { conversions, referralConversions, revenue, referralRevenue };
}

/** What confirmations add to a set of metrics: the confirmed conversions among them, and whether the site confirms. */
export interface Confirmed {
  rows: readonly RollupRow[];
  confirming: boolean;
}

/**
 * The metrics of a set of rollup rows (one day's or a whole period's) and the sharers in it; with
 * `confirmed`, the confirmed conversions apart, and K and referral revenue from them when the site confirms.
 */
export function computeMetrics(rows: readonly RollupRow[], sharers: number, confirmed?: Confirmed): PeriodMetrics {
  let renders = 0, impressions = 0, recommendImpressions = 0, interactions = 0, errors = 0;
  let promoters = 0, passives = 0, detractors = 0;
  let shares = 0, referralLandings = 0, selfLandings = 0;
  const sharesByChannel: Record<string, number> = {};
  const npsScores: number[] = Array.from({ length: 11 }, () => 0);
  const { conversions, referralConversions, revenue, referralRevenue } = conversionTotals(rows);
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
        if (Number.isInteger(score) && score >= 0 && score <= 10) npsScores[score] += row.n;
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
    }
  }
  const responses = promoters + passives + detractors;
  const sure = confirmed && conversionTotals(confirmed.rows);
  const confirming = confirmed?.confirming === true;
  const sharesPerSharer = ratio(shares, sharers);
  const conversionsPerShare = ratio(confirming && sure ? sure.referralConversions : referralConversions, shares);
  const metrics: PeriodMetrics = {
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
      npsScores: npsScores.map(tidy),
      shares: tidy(shares),
      sharesByChannel: tidyRecord(sharesByChannel),
      sharers: tidy(sharers),
      shareRate: ratio(shares, recommendImpressions),
      referralLandings: tidy(referralLandings),
      selfLandings: tidy(selfLandings),
      conversions: tidy(conversions),
      referralConversions: tidy(referralConversions),
      referralConversionRate: ratio(referralConversions, referralLandings),
      referralRevenue: tidyRecord(confirming && sure ? sure.referralRevenue : referralRevenue),
      revenue: tidyRecord(revenue),
      k: sharesPerSharer === null || conversionsPerShare === null ? null : sharesPerSharer * conversionsPerShare,
    },
  };
  if (sure) {
    metrics.umot.confirmed = {
      conversions: tidy(sure.conversions),
      referralConversions: tidy(sure.referralConversions),
      revenue: tidyRecord(sure.revenue),
      referralRevenue: tidyRecord(sure.referralRevenue),
    };
    metrics.umot.unconfirmedConversions = tidy(conversions - sure.conversions);
    metrics.umot.confirming = confirming;
  }
  return metrics;
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

/** The `site` of an owner's query: required, and a site id (`SiteSchema`) — no site has any other name. */
export function siteParam(value: string | undefined): string {
  if (!value) throw new QueryError('site: required');
  const result = SiteSchema.safeParse(value);
  if (!result.success) throw new QueryError(`site: ${result.error.issues[0]!.message}`);
  return result.data;
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
  // Counted, not listed: `from=0001-01-01` would list 3.65 million days (4.5 s and 330 MB, the collector frozen).
  const days = (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS + 1;
  if (days > MAX_RANGE_DAYS) throw new QueryError(`from: the period may span at most ${MAX_RANGE_DAYS} days`);
  return { from: start, to: end };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Breakdown rows by renders (then viewable impressions, then key). */
function sortBreakdown(rows: BreakdownRow[]): BreakdownRow[] {
  return rows.sort(
    (a, b) => b.zmot.renders - a.zmot.renders || b.zmot.impressions - a.zmot.impressions || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

export interface ReportOptions {
  /** Splits of the whole period to add as `breakdown`. */
  breakdown?: readonly BreakdownKind[];
}

/**
 * The report of a period, from sums the database makes: the rollups per day over every product (the site's
 * daily rollups), per product over the period when the product breakdown is asked for, and the sharing
 * visitors per day, per period and per product. What is left to add up here is a few rows per day.
 */
export async function buildReport(store: Store, query: RangeQuery, options: ReportOptions = {}): Promise<Report> {
  const kinds = options.breakdown ?? [];
  const byProduct = kinds.includes('product');
  // Confirmed conversions only when the site confirms orders at all: most never do, and then reading the
  // period's orders would be wasted.
  const confirming = await store.confirms(query.site);
  const [dayRows, productRows, sharers, conversions, policy] = await Promise.all([
    store.dayRollups(query),
    byProduct ? store.productRollups(query) : Promise.resolve([]),
    store.sharerCounts(query, byProduct),
    confirming ? store.confirmedConversions(query) : Promise.resolve([]),
    store.sitePolicy(query.site),
  ]);
  const rowsByDay = groupBy(dayRows, (r) => r.day);
  const sharersByDay = new Map(sharers.byDay.map((s) => [s.day, s.weight]));
  const sharersByProduct = new Map(sharers.byProduct.map((s) => [s.product, s.weight]));
  const sure = confirmedRows(conversions);
  const sureByDay = groupBy(sure, (r) => r.day);
  const report: Report = {
    site: query.site,
    from: query.from,
    to: query.to,
    product: query.product ?? null,
    total: computeMetrics(dayRows, sharers.total, { rows: sure, confirming }),
    days: daysBetween(query.from, query.to).map((day) => ({
      day,
      ...computeMetrics(rowsByDay.get(day) ?? [], sharersByDay.get(day) ?? 0, { rows: sureByDay.get(day) ?? [], confirming }),
    })),
  };
  if (kinds.length > 0) {
    report.breakdown = {};
    for (const kind of kinds) {
      const sureByKey = groupBy(sure, (r) => r[kind]);
      const sharersOf =
        kind === 'product'
          ? (key: string) => sharersByProduct.get(key) ?? 0
          : // Shares come from the recommend widget, so per widget its sharers are all the period's sharers.
            (key: string) => (key === 'recommend' ? sharers.total : 0);
      const groups = groupBy(kind === 'product' ? productRows : dayRows, (r) => r[kind]);
      report.breakdown[kind] = sortBreakdown(
        [...groups].map(([key, group]) => ({ key, ...computeMetrics(group, sharersOf(key), { rows: sureByKey.get(key) ?? [], confirming }) })),
      );
    }
  }
  // Browsers are assigned to the site, not to a product: a product's lift divides by the site's browsers.
  const assignments = query.product ? await store.dayRollups({ ...query, product: undefined }) : dayRows;
  const lift = liftReport(dayRows, assignments);
  if (lift) report.lift = lift;
  if (policy.collects) report.collection = collectionFunnel(dayRows, await store.collection(query));
  return report;
}

/** The widget name `<zmot-review-form>` reports its events under. */
export const REVIEW_FORM_WIDGET = 'review-form';

/**
 * The review-collection funnel (contract §8): invitations and reviews from the store (honest counts, not
 * telemetry), the form's viewable impressions and starts (interaction `start`) from the period's rollups.
 */
export function collectionFunnel(rows: readonly RollupRow[], counts: CollectionCounts): CollectionFunnel {
  let viewed = 0;
  let started = 0;
  for (const row of rows) {
    if (row.widget !== REVIEW_FORM_WIDGET) continue;
    if (row.type === 'impression') viewed += row.n;
    else if (row.type === 'interaction' && row.key === 'start') started += row.n;
  }
  return {
    invitations: counts.invitations,
    viewed: tidy(viewed),
    started: tidy(started),
    submitted: counts.submitted,
    approved: counts.approved,
    rejected: counts.rejected,
    byVerification: counts.byVerification.map((v) => ({ verification: v.verification, count: v.count, rating: v.count === 0 ? null : tidy(v.sum / v.count) })),
  };
}

/**
 * The holdout's lift (contract §10) from a period's rollups: `assignments` (the site's, whatever the product)
 * count each arm's browsers by their `ARM:SHARE` key; conversion rows keyed `KIND:CUR:ARM` give each arm's
 * conversions and revenue (in the most frequent currency). Undefined when no browser was assigned.
 */
export function liftReport(rows: readonly RollupRow[], assignments: readonly RollupRow[]): LiftReport | undefined {
  const byShare = new Map<string, { shown: number; holdout: number }>();
  for (const row of assignments) {
    if (row.type !== 'assignment') continue;
    const [arm, share = ''] = row.key.split(':');
    const counts = byShare.get(share) ?? { shown: 0, holdout: 0 };
    if (arm === 'shown' || arm === 'holdout') counts[arm] += row.n;
    byShare.set(share, counts);
  }
  if (!byShare.size) return undefined;
  // The experiment most browsers were assigned under.
  const [share, browsers] = [...byShare].sort(([, a], [, b]) => b.shown + b.holdout - (a.shown + a.holdout))[0]!;
  const conversions = { shown: 0, holdout: 0 };
  const revenue = new Map<string, { n: number; shown: number; holdout: number }>();
  for (const row of rows) {
    if (row.type !== 'conversion') continue;
    const [, currency = NO_CURRENCY, arm] = row.key.split(':');
    if (arm !== 'shown' && arm !== 'holdout') continue;
    conversions[arm] += row.n;
    const money = revenue.get(currency) ?? { n: 0, shown: 0, holdout: 0 };
    money.n += row.n;
    money[arm] += row.value;
    revenue.set(currency, money);
  }
  const [currency, money] = [...revenue].sort(([, a], [, b]) => b.n - a.n)[0] ?? [NO_CURRENCY, { n: 0, shown: 0, holdout: 0 }];
  const arm = (name: 'shown' | 'holdout'): Arm => ({ browsers: tidy(browsers[name]), conversions: tidy(conversions[name]), revenue: tidy(money[name]) });
  const shareValue = Number(share);
  const lift = analyseLift(arm('shown'), arm('holdout'), share && shareValue > 0 && shareValue <= 0.5 ? shareValue : 0);
  const { srmP: _p, ...rest } = lift;
  return { ...rest, share: share ? shareValue : null, mixed: byShare.size > 1, currency };
}

/** Reads `?breakdown=product,widget`: a comma-separated list of `BREAKDOWNS`; absent or empty means none. */
export function parseBreakdown(value: string | undefined): BreakdownKind[] {
  if (!value) return [];
  const kinds = value.split(',').map((k) => k.trim()).filter(Boolean);
  for (const kind of kinds) {
    if (!(BREAKDOWNS as readonly string[]).includes(kind)) throw new QueryError(`breakdown: must be a comma-separated list of ${BREAKDOWNS.join(', ')}`);
  }
  return [...new Set(kinds)] as BreakdownKind[];
}
