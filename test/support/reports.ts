// Metrics API answers for the dashboard's tests, built the way the collector builds them.
import { npsGroup, type BreakdownRow, type CommentItem, type CommentsAnswer, type PeriodMetrics, type LiveAnswer, type Report, type ReputationAnswer } from '../../src/report/types.js';

export interface Counts {
  renders?: number;
  impressions?: number;
  interactions?: number;
  /** NPS answers per score, 0 to 10. */
  scores?: number[];
  shares?: Record<string, number>;
  sharers?: number;
  recommendImpressions?: number;
  landings?: number;
  conversions?: number;
  referralConversions?: number;
  revenue?: Record<string, number>;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

export function metrics(c: Counts = {}): PeriodMetrics {
  const scores = c.scores ?? Array.from({ length: 11 }, () => 0);
  const promoters = (scores[9] ?? 0) + (scores[10] ?? 0);
  const passives = (scores[7] ?? 0) + (scores[8] ?? 0);
  const responses = scores.reduce((a, b) => a + b, 0);
  const detractors = responses - promoters - passives;
  const shares = Object.values(c.shares ?? {}).reduce((a, b) => a + b, 0);
  const sharers = c.sharers ?? 0;
  const refConversions = c.referralConversions ?? 0;
  const impressions = c.impressions ?? 0;
  const perSharer = ratio(shares, sharers);
  const perShare = ratio(refConversions, shares);
  return {
    zmot: {
      renders: c.renders ?? 0,
      impressions,
      viewabilityRate: ratio(impressions, c.renders ?? 0),
      interactions: c.interactions ?? 0,
      interactionRate: ratio(c.interactions ?? 0, impressions),
      errors: 0,
    },
    umot: {
      nps: { promoters, passives, detractors, responses, score: responses ? ((promoters - detractors) / responses) * 100 : null },
      npsScores: scores,
      shares,
      sharesByChannel: c.shares ?? {},
      sharers,
      shareRate: ratio(shares, c.recommendImpressions ?? 0),
      referralLandings: c.landings ?? 0,
      selfLandings: 0,
      conversions: c.conversions ?? 0,
      referralConversions: refConversions,
      referralConversionRate: ratio(refConversions, c.landings ?? 0),
      referralRevenue: c.revenue ?? {},
      revenue: c.revenue ?? {},
      k: perSharer === null || perShare === null ? null : perSharer * perShare,
    },
  };
}

function days(from: string, to: string): string[] {
  const list: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    list.push(new Date(t).toISOString().slice(0, 10));
  }
  return list;
}

/** A report whose total is `total`, all of it on the period's last day. */
export function report(site: string, from: string, to: string, total: Counts, breakdown?: { product?: [string, Counts][]; widget?: [string, Counts][] }): Report {
  const all = days(from, to);
  const row = (entries: [string, Counts][] | undefined): BreakdownRow[] | undefined => entries?.map(([key, c]) => ({ key, ...metrics(c) }));
  return {
    site,
    from,
    to,
    product: null,
    total: metrics(total),
    days: all.map((day, i) => ({ day, ...(i === all.length - 1 ? metrics(total) : metrics()) })),
    ...(breakdown ? { breakdown: { product: row(breakdown.product)!, widget: row(breakdown.widget)! } } : {}),
  };
}

/** The acme site's current period: numbers every test can check. */
export const CURRENT: Counts = {
  renders: 2000,
  impressions: 1200,
  interactions: 96,
  scores: [1, 0, 0, 0, 0, 0, 1, 2, 2, 5, 9],
  shares: { whatsapp: 6, copy: 3, email: 1 },
  sharers: 8,
  recommendImpressions: 200,
  landings: 16,
  conversions: 30,
  referralConversions: 4,
  revenue: { EUR: 320 },
};

/** The previous period of the same length. */
export const PREVIOUS: Counts = {
  renders: 1600,
  impressions: 800,
  interactions: 64,
  scores: [0, 0, 0, 0, 0, 1, 1, 2, 2, 2, 2],
  shares: { copy: 5 },
  sharers: 5,
  recommendImpressions: 100,
  landings: 20,
  conversions: 30,
  referralConversions: 2,
  revenue: { EUR: 160 },
};

export const BREAKDOWN = {
  product: [
    ['sku-42', { renders: 1500, impressions: 900, interactions: 80, scores: [1, 0, 0, 0, 0, 0, 1, 2, 2, 5, 9], shares: { whatsapp: 6, copy: 3, email: 1 }, landings: 0 }],
    ['=cmd|calc', { renders: 500, impressions: 300, interactions: 16 }],
    ['', { landings: 16, conversions: 30, referralConversions: 4 }],
  ] as [string, Counts][],
  widget: [
    ['rating', { renders: 1200, impressions: 700, interactions: 80 }],
    ['recommend', { renders: 800, impressions: 500, interactions: 16 }],
  ] as [string, Counts][],
};

/** What customers said in acme's period, newest first; one comment is hostile markup and a formula. */
export const COMMENTS: CommentItem[] = [
  { id: 'c4', score: 2, comment: 'Broke after a day.\nSecond line.', product: 'sku-42', date: '2026-03-29T09:30:00.000Z', handled: false },
  { id: 'c3', score: 10, comment: 'Best purchase this year', product: '=cmd|calc', date: '2026-03-20T12:00:00.000Z', handled: false },
  { id: 'c2', score: 7, comment: '=HYPERLINK("http://evil.example","x") <img src=x onerror="window.pwned=1">', product: '', date: '2026-03-12T08:00:00.000Z', handled: true },
  { id: 'c1', score: 5, comment: 'Delivery took three weeks', product: 'sku-42', date: '2026-03-02T18:00:00.000Z', handled: false },
];

/** `GET /v1/comments` over COMMENTS, as the collector filters them (group, product, limit). */
export function commentsAnswer(url: URL, comments: readonly CommentItem[] = COMMENTS): CommentsAnswer {
  const group = url.searchParams.get('group');
  const product = url.searchParams.get('product');
  const limit = Number(url.searchParams.get('limit') ?? 100);
  const matching = comments.filter(
    (c) => (group === null || npsGroup(c.score) === group) && (product === null || c.product === product),
  );
  return { comments: matching.slice(0, limit), total: matching.length };
}

/** `GET /v1/reputation` for acme: one product, its own reviews and G2, the combined score moving up. */
export function reputationAnswer(url: URL): ReputationAnswer {
  const point = (day: string, rating: number, count: number) => ({ day, rating, count });
  const site = url.searchParams.get('site') ?? 'acme';
  const from = url.searchParams.get('from') ?? '2026-03-01';
  const to = url.searchParams.get('to') ?? '2026-03-30';
  return {
    site,
    from,
    to,
    products: [
      {
        product: 'sku-42',
        combined: { source: '*', name: '', rating: 4.4, count: 173, previous: point('2026-02-27', 4.33, 152), replyShare: 2 / 3, medianReplyDays: 3, days: [point('2026-03-20', 4.4, 173)] },
        sources: [
          { source: 'own', name: '', rating: 3, count: 3, previous: point('2026-02-27', 4, 2), replyShare: 2 / 3, medianReplyDays: 3, days: [point('2026-03-20', 3, 3)] },
          { source: 'g2', name: 'G2', rating: 4.6, count: 120, previous: null, replyShare: null, medianReplyDays: null, days: [point('2026-03-20', 4.6, 120)] },
        ],
      },
    ],
  };
}

/** `GET /v1/live` for acme: thirty minutes ending at 12:29 UTC, with events in a few of them. */
export function liveAnswer(site = 'acme', extra: Record<string, number> = {}): LiveAnswer {
  const minutes = Array.from({ length: 30 }, (_, i): LiveAnswer['minutes'][number] => ({
    minute: new Date(Date.UTC(2026, 2, 30, 12, i)).toISOString(),
    counts: i === 29 ? { render: 12, impression: 7, ...extra } : i === 10 ? { render: 3, nps: 1 } : {},
  }));
  const total: Record<string, number> = {};
  for (const m of minutes) for (const [type, n] of Object.entries(m.counts)) total[type] = (total[type] ?? 0) + n;
  return { site, minutes, total };
}
