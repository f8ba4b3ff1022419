/**
 * What the dashboard shows, computed from the period's report and the previous period's: the cards, the
 * funnel, the daily series, the NPS distribution, the breakdowns and the review-collection funnel. Rendering and the CSV export both read
 * this, so the file holds exactly what is on screen.
 */
import type { BreakdownRow, CollectionFunnel, LiftReport, PeriodMetrics, Report, ReputationAnswer, ReputationPoint } from '../../report/types.js';

/** How a value is shown and how its change is measured. */
export type ValueKind = 'count' | 'rate' | 'score' | 'decimal' | 'money';

export const CARD_IDS = [
  'impressions',
  'viewabilityRate',
  'interactionRate',
  'nps',
  'shareRate',
  'referralLandings',
  'conversions',
  'referralRevenue',
  'k',
] as const;
export type CardId = (typeof CARD_IDS)[number];

export interface Card {
  id: CardId;
  kind: ValueKind;
  value: number | null;
  previous: number | null;
  /** For money: the ISO 4217 code (XXX: none given). */
  currency?: string;
  /** For money: the period's other currencies, which have no change. */
  others?: [currency: string, amount: number][];
}

/** `up`/`down`/`same` with the size of the change (relative for counts and money, absolute otherwise). */
export type Change =
  | { direction: 'up' | 'down' | 'same'; amount: number; relative: boolean }
  | { direction: 'new' | 'none' };

export const FUNNEL_STEPS = ['rendered', 'viewable', 'interacted', 'answered', 'promoters', 'shared', 'landed', 'converted'] as const;
export type FunnelStepId = (typeof FUNNEL_STEPS)[number];

export interface FunnelStep {
  id: FunnelStepId;
  value: number;
  /** value / the step before's value; null for the first step or when the step before is 0. */
  ofPrevious: number | null;
}

export const ZMOT_SERIES = ['renders', 'impressions', 'interactions'] as const;
export const UMOT_SERIES = ['npsAnswers', 'shares', 'referralLandings', 'referralConversions'] as const;
export type SeriesId = (typeof ZMOT_SERIES)[number] | (typeof UMOT_SERIES)[number];

export const PRODUCT_COLUMNS = ['renders', 'impressions', 'viewabilityRate', 'interactions', 'npsAnswers', 'nps', 'shares', 'referralLandings', 'referralConversions'] as const;
export const WIDGET_COLUMNS = ['renders', 'impressions', 'viewabilityRate', 'interactions', 'interactionRate', 'errors'] as const;
export type ColumnId = (typeof PRODUCT_COLUMNS)[number] | (typeof WIDGET_COLUMNS)[number];

export const COLUMN_KINDS: Record<ColumnId, ValueKind> = {
  renders: 'count',
  impressions: 'count',
  viewabilityRate: 'rate',
  interactions: 'count',
  interactionRate: 'rate',
  errors: 'count',
  npsAnswers: 'count',
  nps: 'score',
  shares: 'count',
  referralLandings: 'count',
  referralConversions: 'count',
};

export interface View {
  site: string;
  from: string;
  to: string;
  previous: { from: string; to: string };
  cards: Card[];
  funnel: FunnelStep[];
  days: string[];
  series: Record<SeriesId, number[]>;
  npsScores: number[];
  npsScore: number | null;
  nps: PeriodMetrics['umot']['nps'];
  products: BreakdownRow[];
  widgets: BreakdownRow[];
  channels: [channel: string, shares: number][];
  /** True when nothing at all was counted in the period. */
  empty: boolean;
  /** True when nothing at all was counted in the previous period: the cards show no change, one note says why. */
  previousEmpty: boolean;
  /** The holdout's measured lift, while one runs (contract §10). */
  lift: LiftReport | undefined;
  /** The review-collection funnel, when the site collects reviews (contract §8). */
  collection: CollectionStep[] | undefined;
  /** Approved reviews' count and mean rating by how they were verified, purchase first. */
  byVerification: CollectionFunnel['byVerification'];
}

export const COLLECTION_STEPS = ['invitations', 'viewed', 'started', 'submitted', 'approved', 'rejected'] as const;
export type CollectionStepId = (typeof COLLECTION_STEPS)[number];

export interface CollectionStep {
  id: CollectionStepId;
  value: number;
  /**
   * value / the step before's value (approved and rejected: / submitted, both follow it); null for the first
   * step or when the step before is 0.
   */
  ofPrevious: number | null;
}

/** The collection funnel's steps with their rates: invitations → viewed → started → submitted → approved, and rejected. */
export function collectionSteps(c: CollectionFunnel): CollectionStep[] {
  return COLLECTION_STEPS.map((id, i) => {
    const before = id === 'invitations' ? undefined : c[id === 'rejected' ? 'submitted' : COLLECTION_STEPS[i - 1]!];
    return { id, value: c[id], ofPrevious: before ? c[id] / before : null };
  });
}

/** The verification rows, purchase then none, each present (count 0 and no rating when the collector sent none). */
function byVerification(c: CollectionFunnel | undefined): CollectionFunnel['byVerification'] {
  if (!c) return [];
  return (['purchase', 'none'] as const).map((verification) => c.byVerification.find((row) => row.verification === verification) ?? { verification, count: 0, rating: null });
}

export function series(m: PeriodMetrics, id: SeriesId): number {
  switch (id) {
    case 'renders':
      return m.zmot.renders;
    case 'impressions':
      return m.zmot.impressions;
    case 'interactions':
      return m.zmot.interactions;
    case 'npsAnswers':
      return m.umot.nps.responses;
    case 'shares':
      return m.umot.shares;
    case 'referralLandings':
      return m.umot.referralLandings;
    case 'referralConversions':
      return m.umot.referralConversions;
  }
}

export function column(m: PeriodMetrics, id: ColumnId): number | null {
  switch (id) {
    case 'viewabilityRate':
      return m.zmot.viewabilityRate;
    case 'interactionRate':
      return m.zmot.interactionRate;
    case 'errors':
      return m.zmot.errors;
    case 'nps':
      return m.umot.nps.score;
    default:
      return series(m, id);
  }
}

/** Money by currency, largest first. */
function amounts(record: Record<string, number> | undefined): [string, number][] {
  return Object.entries(record ?? {}).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

function cards(now: PeriodMetrics, before: PeriodMetrics | undefined): Card[] {
  const card = (id: CardId, kind: ValueKind, pick: (m: PeriodMetrics) => number | null): Card => ({
    id,
    kind,
    value: pick(now),
    previous: before ? pick(before) : null,
  });
  const revenue = amounts(now.umot.referralRevenue);
  const previousRevenue = amounts(before?.umot.referralRevenue);
  const currency = revenue[0]?.[0] ?? previousRevenue[0]?.[0] ?? 'XXX';
  return [
    card('impressions', 'count', (m) => m.zmot.impressions),
    card('viewabilityRate', 'rate', (m) => m.zmot.viewabilityRate),
    card('interactionRate', 'rate', (m) => m.zmot.interactionRate),
    card('nps', 'score', (m) => m.umot.nps.score),
    card('shareRate', 'rate', (m) => m.umot.shareRate),
    card('referralLandings', 'count', (m) => m.umot.referralLandings),
    card('conversions', 'count', (m) => m.umot.conversions),
    {
      id: 'referralRevenue',
      kind: 'money',
      currency,
      value: now.umot.referralRevenue[currency] ?? 0,
      previous: before ? (before.umot.referralRevenue[currency] ?? 0) : null,
      others: revenue.filter(([c]) => c !== currency),
    },
    card('k', 'decimal', (m) => m.umot.k),
  ];
}

export function change(card: Pick<Card, 'kind' | 'value' | 'previous'>): Change {
  const { value, previous, kind } = card;
  if (value === null && previous === null) return { direction: 'none' };
  if (value === null) return { direction: 'none' };
  if (previous === null || ((kind === 'count' || kind === 'money') && previous === 0 && value !== 0)) return { direction: 'new' };
  const relative = kind === 'count' || kind === 'money';
  const delta = relative ? (previous === 0 ? 0 : (value - previous) / previous) : value - previous;
  const amount = Math.abs(delta);
  // Changes too small to show at the precision shown count as none.
  const negligible = relative || kind === 'rate' ? amount < 0.0005 : kind === 'score' ? amount < 0.05 : amount < 0.005;
  if (negligible) return { direction: 'same', amount: 0, relative };
  return { direction: delta > 0 ? 'up' : 'down', amount, relative };
}

function funnel(m: PeriodMetrics): FunnelStep[] {
  const values: Record<FunnelStepId, number> = {
    rendered: m.zmot.renders,
    viewable: m.zmot.impressions,
    interacted: m.zmot.interactions,
    answered: m.umot.nps.responses,
    promoters: m.umot.nps.promoters,
    shared: m.umot.shares,
    landed: m.umot.referralLandings,
    converted: m.umot.referralConversions,
  };
  return FUNNEL_STEPS.map((id, i) => {
    const before = i > 0 ? values[FUNNEL_STEPS[i - 1]!] : 0;
    return { id, value: values[id], ofPrevious: i > 0 && before > 0 ? values[id] / before : null };
  });
}

function isEmpty(m: PeriodMetrics): boolean {
  const { zmot, umot } = m;
  return (
    zmot.renders + zmot.impressions + zmot.interactions + zmot.errors + umot.nps.responses + umot.shares + umot.referralLandings + umot.selfLandings + umot.conversions ===
    0
  );
}

export function buildView(current: Report, previous: Report | undefined): View {
  const allSeries = [...ZMOT_SERIES, ...UMOT_SERIES];
  const total = current.total;
  return {
    site: current.site,
    from: current.from,
    to: current.to,
    previous: previous ? { from: previous.from, to: previous.to } : { from: '', to: '' },
    cards: cards(total, previous?.total),
    funnel: funnel(total),
    days: current.days.map((d) => d.day),
    series: Object.fromEntries(allSeries.map((id) => [id, current.days.map((d) => series(d, id))])) as Record<SeriesId, number[]>,
    npsScores: Array.from({ length: 11 }, (_, i) => total.umot.npsScores?.[i] ?? 0),
    npsScore: total.umot.nps.score,
    nps: total.umot.nps,
    products: current.breakdown?.product ?? [],
    widgets: current.breakdown?.widget ?? [],
    channels: amounts(total.umot.sharesByChannel),
    // A site that only collects reviews so far (invitations sent, no widget events yet) has its funnel to show.
    empty: isEmpty(total) && !current.collection,
    previousEmpty: !previous || isEmpty(previous.total),
    lift: current.lift,
    collection: current.collection && collectionSteps(current.collection),
    byVerification: byVerification(current.collection),
  };
}

/** Products the reputation chart draws at most: one colour and dash each. */
export const REPUTATION_SERIES = 4;

/**
 * The combined score (of 5) of the most-reviewed products on each day of the period: the latest snapshot on or
 * before the day, the previous period's close before the period's first snapshot, null before any and while
 * a product has no review (its score of 0 is no score). Products that never had a review are left out.
 */
export function reputationSeries(answer: ReputationAnswer, days: readonly string[]): { product: string; values: (number | null)[] }[] {
  const score = (p: ReputationPoint | null | undefined) => (p && p.count > 0 ? p.rating : null);
  const products = answer.products
    .filter(({ combined }) => [combined.previous, ...combined.days].some((p) => score(p) !== null))
    .sort((a, b) => b.combined.count - a.combined.count || (a.product < b.product ? -1 : a.product > b.product ? 1 : 0));
  return products.slice(0, REPUTATION_SERIES).map(({ product, combined }) => {
    const byDay = new Map(combined.days.map((p) => [p.day, score(p)]));
    let current: number | null = score(combined.previous);
    const values = days.map((day) => (current = byDay.has(day) ? byDay.get(day)! : current));
    return { product, values };
  });
}
