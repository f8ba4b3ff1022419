/**
 * The model the report is tested against: `buildReport` as it was before it read sums from the database
 * (commit af852e9), kept verbatim apart from its name. It reads every rollup and sharer row of the period and
 * adds them up here, which is slow on a large site and obviously right.
 */
import { computeMetrics, confirmedRows, daysBetween, type Confirmed, type ReportOptions } from '../../src/collector/metrics.js';
import type { RangeQuery, RollupRow, SharerDayRow, Store } from '../../src/collector/store/types.js';
import type { BreakdownKind, BreakdownRow, Report } from '../../src/report/types.js';

/** Per (day, ref): a sharing visitor counted once a day however many products they shared. */
function sharersPerDay(rows: readonly SharerDayRow[]): { byDay: Map<string, number>; total: number } {
  const perDayRef = new Map<string, number>();
  const perRef = new Map<string, number>();
  for (const s of rows) {
    const id = `${s.day}\u0000${s.ref}`;
    perDayRef.set(id, Math.max(perDayRef.get(id) ?? 0, s.weight));
    perRef.set(s.ref, Math.max(perRef.get(s.ref) ?? 0, s.weight));
  }
  const byDay = new Map<string, number>();
  for (const [id, weight] of perDayRef) {
    const day = id.slice(0, id.indexOf('\u0000'));
    byDay.set(day, (byDay.get(day) ?? 0) + weight);
  }
  return { byDay, total: [...perRef.values()].reduce((a, b) => a + b, 0) };
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

function breakdownBy(kind: BreakdownKind, rows: readonly RollupRow[], sharerRows: readonly SharerDayRow[], confirmed: Confirmed): BreakdownRow[] {
  const sharersByProduct = groupBy(sharerRows, (s) => s.product);
  const sureByKey = groupBy(confirmed.rows, (r) => r[kind]);
  const result = [...groupBy(rows, (r) => r[kind])].map(([key, group]): BreakdownRow => {
    const sharers = kind === 'product' ? (sharersByProduct.get(key) ?? []) : key === 'recommend' ? sharerRows : [];
    return { key, ...computeMetrics(group, sharersPerDay(sharers).total, { rows: sureByKey.get(key) ?? [], confirming: confirmed.confirming }) };
  });
  return result.sort(
    (a, b) => b.zmot.renders - a.zmot.renders || b.zmot.impressions - a.zmot.impressions || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

export async function modelReport(store: Store, query: RangeQuery, options: ReportOptions = {}): Promise<Report> {
  const [rows, sharerRows, conversions, confirming] = await Promise.all([
    store.rollups(query),
    store.sharers(query),
    store.confirmedConversions(query),
    store.confirms(query.site),
  ]);
  const rowsByDay = groupBy(rows, (r) => r.day);
  const sharers = sharersPerDay(sharerRows);
  const sure = confirmedRows(conversions);
  const sureByDay = groupBy(sure, (r) => r.day);
  const report: Report = {
    site: query.site,
    from: query.from,
    to: query.to,
    product: query.product ?? null,
    total: computeMetrics(rows, sharers.total, { rows: sure, confirming }),
    days: daysBetween(query.from, query.to).map((day) => ({
      day,
      ...computeMetrics(rowsByDay.get(day) ?? [], sharers.byDay.get(day) ?? 0, { rows: sureByDay.get(day) ?? [], confirming }),
    })),
  };
  if (options.breakdown?.length) {
    report.breakdown = {};
    for (const kind of options.breakdown) report.breakdown[kind] = breakdownBy(kind, rows, sharerRows, { rows: sure, confirming });
  }
  return report;
}
