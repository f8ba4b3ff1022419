// <zmot-dashboard>'s charts: legends without placeholder dashes, axes in the element's language, and in a
// right-to-left language time and scores running from the right with the count axis on the right.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type uPlot from 'uplot';
import '../../src/entries/zmot-dashboard.js';
import type { ZmotDashboard } from '../../src/elements/dashboard/dashboard.js';
import type { ChartController } from '../../src/elements/dashboard/chart.js';
import { reputationSeries } from '../../src/elements/dashboard/model.js';
import { serveCollector } from '../support/collector.js';
import { startWorker, worker } from '../support/msw.js';

const SRC = 'https://stats.acme.test/z/';
const FROM = '2026-03-01';
const TO = '2026-03-30';

function collector(): void {
  serveCollector(SRC, FROM);
}

async function mount(lang: string): Promise<ZmotDashboard> {
  const el = await fixture<ZmotDashboard>(html`<zmot-dashboard lang=${lang} dir=${lang === 'ar' ? 'rtl' : 'ltr'} src=${SRC} from=${FROM} to=${TO}></zmot-dashboard>`);
  el.token = 'owner-secret';
  // The report's three charts and the reputation's.
  await waitUntil(() => ['zmot', 'umot', 'nps', 'reputation'].every((id) => el.shadowRoot!.querySelector(`[data-chart="${id}"] .uplot`)), 'the charts did not show', {
    timeout: 8000,
  });
  return el;
}

function plot(el: ZmotDashboard, chart: string): uPlot {
  const box = el.shadowRoot!.querySelector(`[data-chart="${chart}"]`)!;
  return (el as unknown as { charts: ChartController }).charts.plotIn(box)!;
}

/** The labels uPlot drew on an axis. */
const ticks = (p: uPlot, axis: number) => ((p.axes[axis] as { _values?: string[] })._values ?? []).filter(Boolean);

before(startWorker);
beforeEach(() => sessionStorage.clear());
afterEach(() => worker.resetHandlers());

describe('<zmot-dashboard> charts', () => {
  it('legends name the series, with no placeholder dash before a hover', async () => {
    collector();
    const el = await mount('en');
    const legends = [...el.shadowRoot!.querySelectorAll('.u-legend')];
    expect(legends).to.have.length(4);
    for (const legend of legends) {
      const values = [...legend.querySelectorAll<HTMLElement>('.u-value')].filter((v) => v.offsetParent !== null);
      expect(values.map((v) => v.textContent)).to.deep.equal([]);
    }
    expect([...legends[0]!.querySelectorAll('.u-label')].map((l) => l.textContent)).to.deep.equal(['Rendered', 'Viewable impressions', 'Interactions']);
  });

  for (const lang of ['de', 'ja', 'en']) {
    it(`${lang}: the day axis in the language's own date format`, async () => {
      collector();
      const el = await mount(lang);
      const format = new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', timeZone: 'UTC' });
      const days = Array.from({ length: 30 }, (_, i) => format.format(Date.UTC(2026, 2, 1 + i)));
      const labels = ticks(plot(el, 'zmot'), 0);
      expect(labels.length).to.be.greaterThan(1);
      for (const label of labels) expect(days, label).to.include(label);
    });
  }

  it('ar (right to left): days and scores run from the right, counts on the right', async () => {
    collector();
    const el = await mount('ar');
    const line = plot(el, 'zmot');
    const first = Date.UTC(2026, 2, 1) / 1000;
    const last = Date.UTC(2026, 2, 30) / 1000;
    expect(line.valToPos(first, 'x')).to.be.greaterThan(line.valToPos(last, 'x'));
    expect(line.axes[1]!.side).to.equal(1);
    const nps = plot(el, 'nps');
    expect(nps.valToPos(0, 'x')).to.be.greaterThan(nps.valToPos(10, 'x'));
    expect(nps.axes[1]!.side).to.equal(1);
  });

  it('en (left to right): days and scores run from the left, counts on the left', async () => {
    collector();
    const el = await mount('en');
    const line = plot(el, 'zmot');
    expect(line.valToPos(Date.UTC(2026, 2, 1) / 1000, 'x')).to.be.lessThan(line.valToPos(Date.UTC(2026, 2, 30) / 1000, 'x'));
    expect(line.axes[1]!.side).to.equal(3);
  });
  it('the reputation day by day: each product’s combined score from the previous close to each snapshot, on an axis around the values, with its data table', async () => {
    collector();
    const el = await mount('en');
    const figure = el.shadowRoot!.querySelector('[data-figure="reputation"]')!;
    expect(figure.querySelector('figcaption')!.textContent).to.equal('Combined score (of 5), day by day');
    expect(figure.querySelector('[data-chart]')!.getAttribute('aria-hidden')).to.equal('true');
    const rows = [...figure.querySelectorAll('table[data-table="reputation-daily"] tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent!.trim()));
    expect(rows).to.have.length(30);
    expect(rows[0]).to.deep.equal(['Mar 1, 2026', '4.33'], 'the previous period’s close until the first snapshot');
    expect(rows[18]).to.deep.equal(['Mar 19, 2026', '4.33']);
    expect(rows[19]).to.deep.equal(['Mar 20, 2026', '4.40'], 'the snapshot of that day');
    expect(rows[29]).to.deep.equal(['Mar 30, 2026', '4.40'], 'and kept until the next one');
    const line = plot(el, 'reputation');
    expect([line.scales.y!.min, line.scales.y!.max]).to.deep.equal([3.5, 5]);
    expect([...figure.querySelectorAll('.u-legend .u-label')].map((l) => l.textContent)).to.deep.equal(['sku-42']);
    await expect(el).to.be.accessible();
  });
  it('the reputation chart leaves out days and products without a review (a score of 0 is no score)', () => {
    const point = (day: string, rating: number, count: number) => ({ day, rating, count });
    const source = (previous: ReturnType<typeof point> | null, days: ReturnType<typeof point>[]) => ({
      source: '*', name: '', rating: days.at(-1)?.rating ?? 0, count: days.at(-1)?.count ?? 0, previous, replyShare: null, medianReplyDays: null, days,
    });
    const answer = {
      site: 'acme',
      from: '2026-03-01',
      to: '2026-03-04',
      products: [
        { product: 'never-reviewed', combined: source(point('2026-02-20', 0, 0), [point('2026-03-02', 0, 0)]), sources: [] },
        { product: 'first-review-later', combined: source(null, [point('2026-03-02', 0, 0), point('2026-03-03', 4.5, 2)]), sources: [] },
      ],
    };
    expect(reputationSeries(answer, ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04'])).to.deep.equal([
      { product: 'first-review-later', values: [null, null, 4.5, 4.5] },
    ]);
  });
});
