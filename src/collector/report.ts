/** The report as a readable text table, for `zmot report`. */
import { npsGroup, type CollectionFunnel, type CommentsAnswer, type LiftReport, type NpsGroup } from '../report/types.js';
import type { PeriodMetrics, Report } from './metrics.js';

const count = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));
const percent = (r: number | null): string => (r === null ? '–' : `${(r * 100).toFixed(1)}%`);
const decimal = (r: number | null, digits = 2): string => (r === null ? '–' : r.toFixed(digits));
const money = (m: Record<string, number>): string =>
  Object.keys(m).length === 0 ? '–' : Object.entries(m).map(([c, v]) => `${v.toFixed(2)} ${c}`).join(', ');

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function summary(m: PeriodMetrics): string {
  const { zmot, umot } = m;
  const channels = Object.entries(umot.sharesByChannel).map(([c, n]) => `${c} ${count(n)}`).join(', ');
  const rows: [string, string][] = [
    ['ZMOT', ''],
    ['  renders', count(zmot.renders)],
    ['  viewable impressions', count(zmot.impressions)],
    ['  viewability rate', percent(zmot.viewabilityRate)],
    ['  interactions', count(zmot.interactions)],
    ['  interaction rate', percent(zmot.interactionRate)],
    ['  errors', count(zmot.errors)],
    ['UMOT', ''],
    ['  NPS', `${decimal(umot.nps.score, 1)} (${count(umot.nps.responses)} responses: ${count(umot.nps.promoters)} promoters, ${count(umot.nps.passives)} passives, ${count(umot.nps.detractors)} detractors)`],
    ['  shares', `${count(umot.shares)}${channels ? ` (${channels})` : ''}`],
    ['  sharing visitors', count(umot.sharers)],
    ['  share rate', percent(umot.shareRate)],
    ['  referral landings', count(umot.referralLandings)],
    ['  conversions', `${count(umot.conversions)} (${count(umot.referralConversions)} from referrals)`],
    ['  referral conversion rate', percent(umot.referralConversionRate)],
    ['  referral revenue', money(umot.referralRevenue)],
    ['  K (viral coefficient)', decimal(umot.k, 3)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => (v ? `${k.padEnd(width)}  ${v}` : k)).join('\n');
}

/** A ratio as a signed percentage: 0.08 → "+8.0%". */
const signed = (r: number): string => `${r >= 0 ? '+' : '−'}${Math.abs(r * 100).toFixed(1)}%`;

/** The holdout's lift in plain words (docs/lift.md), with what could make it wrong. */
export function formatLift(lift: LiftReport): string {
  const browsers = count(lift.shown.browsers + lift.holdout.browsers);
  const lines = [
    lift.relative === null || !lift.interval
      ? `Measured lift: not yet (${count(lift.shown.browsers)} browsers shown the widgets, ${count(lift.holdout.browsers)} held out).`
      : `Measured lift: showing zmot's widgets changed conversions by ${signed(lift.relative)} (95% interval ${signed(lift.interval[0])} to ${signed(lift.interval[1])}) across ${browsers} browsers.`,
    table(
      ['arm', 'browsers', 'conversions', 'rate', `revenue/browser (${lift.currency})`],
      (['shown', 'holdout'] as const).map((arm) => [
        arm,
        count(lift[arm].browsers),
        count(lift[arm].conversions),
        percent(lift[arm].rate),
        decimal(lift[arm].revenuePerBrowser),
      ]),
    ),
  ];
  if (lift.mde !== null) lines.push(`Smallest lift this sample can detect (80% power): ${signed(lift.mde)}.`);
  if (lift.interval && lift.interval[0] < 0 && lift.interval[1] > 0) lines.push('The interval spans zero: no effect is proven either way yet.');
  if (lift.srm) lines.push(`Warning: the arms' sizes are not what a ${percent(lift.share)} holdout predicts (sample-ratio mismatch); do not trust these numbers until the cause is found.`);
  if (lift.mixed) lines.push('Warning: browsers were assigned under more than one holdout share in this period; the figures mix two experiments.');
  return lines.join('\n');
}

/** The review-collection funnel in one line, and the mean rating by verification in another. */
export function formatCollection(funnel: CollectionFunnel): string {
  const steps = `Collecting reviews: ${count(funnel.invitations)} invitations, ${count(funnel.viewed)} forms seen, ${count(funnel.started)} started, ${count(funnel.submitted)} submitted, ${count(funnel.approved)} approved, ${count(funnel.rejected)} rejected.`;
  const ratings = funnel.byVerification
    .map((v) => `${v.verification === 'purchase' ? 'verified purchases' : 'not verified'} ${v.count} (${v.rating === null ? '–' : `${v.rating.toFixed(2)}★`})`)
    .join(', ');
  return `${steps}
Approved by verification: ${ratings}.`;
}

export function formatReport(report: Report): string {
  const title = `zmot report for site ${report.site}${report.product ? `, product ${report.product}` : ''}, ${report.from} to ${report.to}`;
  const active = report.days.filter((d) => d.zmot.renders + d.zmot.impressions + d.zmot.interactions + d.umot.nps.responses + d.umot.shares + d.umot.referralLandings + d.umot.conversions > 0);
  const days = active.length
    ? table(
        ['day', 'renders', 'impr.', 'viewable', 'interact.', 'NPS', 'answers', 'shares', 'landings', 'conv.', 'ref. conv.', 'K'],
        active.map((d) => [
          d.day,
          count(d.zmot.renders),
          count(d.zmot.impressions),
          percent(d.zmot.viewabilityRate),
          count(d.zmot.interactions),
          decimal(d.umot.nps.score, 0),
          count(d.umot.nps.responses),
          count(d.umot.shares),
          count(d.umot.referralLandings),
          count(d.umot.conversions),
          count(d.umot.referralConversions),
          decimal(d.umot.k),
        ]),
      )
    : 'No events in this period.';
  const lift = report.lift ? `\n${formatLift(report.lift)}\n` : '';
  const collection = report.collection ? `\n${formatCollection(report.collection)}\n` : '';
  return `${title}\n\n${summary(report.total)}\n${lift}${collection}\nPer day (days with events):\n${days}\n`;
}

/**
 * Visitors' text made safe for a terminal: control characters (escape sequences that could move the cursor,
 * recolour or retitle the terminal, line breaks that could fake a row) become spaces.
 */
export function terminalText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g, ' ').trim();
}

/** What customers said, for `zmot report --comments`: one block per comment, newest first. */
export function formatComments(answer: CommentsAnswer, group?: NpsGroup): string {
  const title = `What customers said${group ? ` (${group}s)` : ''}: ${answer.total} comment${answer.total === 1 ? '' : 's'}${answer.total > answer.comments.length ? `, the newest ${answer.comments.length} shown` : ''}`;
  const blocks = answer.comments.map((c) => {
    const head = `${c.date.slice(0, 16).replace('T', ' ')} UTC  score ${c.score} (${npsGroup(c.score)})  ${c.product ? `product ${terminalText(c.product)}` : 'page-wide'}${c.handled ? '  followed up' : ''}  id ${c.id}`;
    return `${head}\n  ${terminalText(c.comment)}`;
  });
  return `${title}\n${blocks.length ? `\n${blocks.join('\n\n')}\n` : ''}`;
}
