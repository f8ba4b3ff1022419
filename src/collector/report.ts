/** The report as a readable text table, for `zmot report`. */
import { npsGroup, type CommentsAnswer, type NpsGroup } from '../report/types.js';
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
  return `${title}\n\n${summary(report.total)}\n\nPer day (days with events):\n${days}\n`;
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
