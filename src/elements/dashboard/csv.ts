/**
 * The CSV export: everything the dashboard shows, one value a row (`section,item,metric,value,previous`),
 * so a spreadsheet can filter and pivot it. Numbers are plain (rates as fractions, money in its currency);
 * cells a spreadsheet would run as formulas are quoted with a leading apostrophe. Customers' comments, their
 * text untrusted, come last: five rows each (`comment,ID,date|score|product|handled|text,…`). While a holdout
 * runs, `lift` rows give each arm's counts and rates and the lift with its interval. When the site collects
 * reviews, `collection` rows give each step's count and share of the step before, and the approved reviews'
 * count and mean rating per verification (`purchase`, `none`).
 */
import type { CommentItem } from '../../report/types.js';
import { PRODUCT_COLUMNS, UMOT_SERIES, WIDGET_COLUMNS, ZMOT_SERIES, column, type View } from './model.js';

type Cell = string | number | null | undefined;

/** One CSV field: formula-looking text defused, quoted when it holds a comma, quote or line break. */
export function csvField(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  let text = typeof cell === 'number' ? String(Math.round(cell * 1e9) / 1e9) : cell;
  // A spreadsheet runs a cell as a formula when it starts with one of these, even after spaces.
  if (typeof cell === 'string' && /^[\s]*[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function viewCsv(view: View, comments: readonly CommentItem[] = []): string {
  const header = ['site', 'from', 'to', 'section', 'item', 'metric', 'value', 'previous'];
  const rows: Cell[][] = [];
  const add = (section: string, item: string, metric: string, value: Cell, previous?: Cell) =>
    rows.push([view.site, view.from, view.to, section, item, metric, value, previous]);

  for (const card of view.cards) {
    if (card.kind === 'money') {
      add('summary', card.currency ?? '', card.id, card.value, card.previous);
      for (const [currency, amount] of card.others ?? []) add('summary', currency, card.id, amount);
    } else {
      add('summary', '', card.id, card.value, card.previous);
    }
  }
  add('summary', '', 'previousFrom', view.previous.from);
  add('summary', '', 'previousTo', view.previous.to);
  for (const step of view.funnel) add('funnel', step.id, 'count', step.value);
  view.days.forEach((day, i) => {
    for (const id of [...ZMOT_SERIES, ...UMOT_SERIES]) add('daily', day, id, view.series[id][i]);
  });
  view.npsScores.forEach((n, score) => add('nps', String(score), 'answers', n));
  for (const row of view.products) for (const id of PRODUCT_COLUMNS) add('product', row.key, id, column(row, id));
  for (const row of view.widgets) for (const id of WIDGET_COLUMNS) add('widget', row.key, id, column(row, id));
  for (const [channel, shares] of view.channels) add('channel', channel, 'shares', shares);
  if (view.lift) {
    const { lift } = view;
    for (const arm of ['shown', 'holdout'] as const) {
      for (const metric of ['browsers', 'conversions', 'rate', 'revenuePerBrowser'] as const) add('lift', arm, metric, lift[arm][metric]);
      add('lift', arm, 'revenue', lift[arm].revenue);
    }
    add('lift', '', 'relative', lift.relative);
    add('lift', '', 'intervalLow', lift.interval?.[0]);
    add('lift', '', 'intervalHigh', lift.interval?.[1]);
    add('lift', '', 'srm', String(lift.srm));
    add('lift', '', 'mde', lift.mde);
    add('lift', '', 'share', lift.share);
    add('lift', lift.currency, 'currency', lift.currency);
  }
  for (const step of view.collection ?? []) {
    add('collection', step.id, 'count', step.value);
    add('collection', step.id, 'ofPrevious', step.ofPrevious);
  }
  for (const row of view.collection ? view.byVerification : []) {
    add('collection', row.verification, 'approved', row.count);
    add('collection', row.verification, 'rating', row.rating);
  }
  for (const c of comments) {
    add('comment', c.id, 'date', c.date);
    add('comment', c.id, 'score', c.score);
    add('comment', c.id, 'product', c.product);
    add('comment', c.id, 'handled', String(c.handled));
    add('comment', c.id, 'text', c.comment);
  }
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The export's file name: `zmot-SITE-FROM-TO.csv`, the site id cut to safe characters. */
export function csvFileName(view: View): string {
  return `zmot-${view.site.replace(/[^A-Za-z0-9._-]/g, '_')}-${view.from}-${view.to}.csv`;
}
