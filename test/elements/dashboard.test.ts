import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { delay, http, HttpResponse } from 'msw';
import '../../src/entries/zmot-dashboard.js';
import type { ZmotDashboard, ZmotExportDetail } from '../../src/elements/dashboard/dashboard.js';
import type { Report } from '../../src/report/types.js';
import { startWorker, worker } from '../support/msw.js';
import { BREAKDOWN, CURRENT, PREVIOUS, report, commentsAnswer, reputationAnswer, liveAnswer } from '../support/reports.js';

const SRC = 'https://stats.acme.test/z/';
const TOKEN = 'owner-secret';
const FROM = '2026-03-01';
const TO = '2026-03-30';
const PREV_FROM = '2026-01-30';
const PREV_TO = '2026-02-28';
const SITES = [
  { id: 'acme', first: '2026-01-01', last: '2026-03-30' },
  { id: 'beta', first: '2025-12-01', last: '2026-02-01' },
  { id: 'new-shop', first: null, last: null },
];

const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...root(el).querySelectorAll<T>(selector)];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

interface Seen {
  url: URL;
  authorization: string | null;
}

/** Answers like a collector with acme's numbers; records every request. */
function collector(options: { sites?: unknown; metrics?: (url: URL) => Report | Response | Promise<Response> } = {}) {
  const seen: Seen[] = [];
  const authorised = (request: Request) => request.headers.get('authorization') === `Bearer ${TOKEN}`;
  const refuse = () => HttpResponse.json({ error: 'authorization: the owner token is required' }, { status: 401 });
  worker.use(
    http.get(`${SRC}v1/sites`, ({ request }) => {
      seen.push({ url: new URL(request.url), authorization: request.headers.get('authorization') });
      if (!authorised(request)) return refuse();
      return HttpResponse.json(options.sites ?? { sites: SITES });
    }),
    http.get(`${SRC}v1/live`, () => HttpResponse.json(liveAnswer())),
    http.get(`${SRC}v1/reputation`, ({ request }) => HttpResponse.json(reputationAnswer(new URL(request.url)))),
    http.get(`${SRC}v1/comments`, ({ request }) => HttpResponse.json(commentsAnswer(new URL(request.url)))),
    http.get(`${SRC}v1/metrics`, async ({ request }) => {
      const url = new URL(request.url);
      seen.push({ url, authorization: request.headers.get('authorization') });
      if (!authorised(request)) return refuse();
      if (options.metrics) {
        const answer = await options.metrics(url);
        return answer instanceof Response ? answer : HttpResponse.json(answer);
      }
      const site = url.searchParams.get('site')!;
      const from = url.searchParams.get('from')!;
      const to = url.searchParams.get('to')!;
      const isPrevious = to < FROM;
      return HttpResponse.json(
        report(site, from, to, isPrevious ? PREVIOUS : CURRENT, url.searchParams.get('breakdown') ? BREAKDOWN : undefined),
      );
    }),
  );
  return seen;
}

async function mount(template = html`<zmot-dashboard src=${SRC} from=${FROM} to=${TO}></zmot-dashboard>`): Promise<ZmotDashboard> {
  return fixture<ZmotDashboard>(template);
}

async function signIn(el: ZmotDashboard, token = TOKEN): Promise<void> {
  const input = $<HTMLInputElement>(el, '#token')!;
  input.focus();
  await sendKeys({ type: token });
  await sendKeys({ press: 'Enter' });
}

async function shown(el: ZmotDashboard): Promise<ZmotDashboard> {
  await waitUntil(() => $(el, '[data-card="impressions"]'), 'the report did not show', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

async function state(el: ZmotDashboard, name: string): Promise<HTMLElement> {
  await waitUntil(() => $(el, `[data-state="${name}"]`), `the ${name} state did not show`, { timeout: 5000 });
  return $<HTMLElement>(el, `[data-state="${name}"]`)!;
}

function card(el: ZmotDashboard, id: string): { value: string; change: string; spoken: string; note: string } {
  const c = $(el, `[data-card="${id}"]`)!;
  return {
    value: text(c.querySelector('.value')),
    change: text(c.querySelector('.change > [aria-hidden="true"]') ?? c.querySelector('.change')),
    spoken: text(c.querySelector('.change .sr') ?? c.querySelector('.change')),
    note: text(c.querySelector('.note')),
  };
}

function tableRows(el: ZmotDashboard, table: string): string[][] {
  return $$(el, `table[data-table="${table}"] tbody tr`).map((tr) => [...tr.children].map((cell) => text(cell)));
}

before(startWorker);
beforeEach(() => sessionStorage.clear());
afterEach(async () => {
  worker.resetHandlers();
  await emulateMedia({ colorScheme: 'light' });
});

describe('<zmot-dashboard>: signing in', () => {
  it('asks for the token first, with a labelled field, and passes axe', async () => {
    const seen = collector();
    const el = await mount();
    const input = $<HTMLInputElement>(el, '#token')!;
    expect(input.type).to.equal('password');
    expect(text(input.closest('label'))).to.equal('Owner token');
    expect(seen).to.have.length(0, 'nothing is asked before a token is given');
    await expect(el).to.be.accessible();
  });

  it('keyboard: an empty token is refused in words; typing one and pressing Enter loads the report with it in the header only', async () => {
    const seen = collector();
    const el = await mount();
    $(el, '#token')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text($(el, '#token-problem'))).to.equal('Enter the owner token.');
    expect($(el, '#token')!.getAttribute('aria-invalid')).to.equal('true');
    expect(root(el).activeElement?.id).to.equal('token');
    await signIn(el);
    await shown(el);
    expect(seen.length).to.be.greaterThan(0);
    for (const request of seen) {
      expect(request.authorization).to.equal(`Bearer ${TOKEN}`);
      expect(request.url.href).not.to.contain(TOKEN);
    }
    expect(sessionStorage.getItem(`zmot-dashboard-token ${SRC}`)).to.equal(TOKEN);
  });

  it('wrong token: says so, forgets it and asks again', async () => {
    collector();
    sessionStorage.setItem(`zmot-dashboard-token ${SRC}`, 'stale');
    const el = await mount();
    await waitUntil(() => text($(el, '#token-problem')), 'no message for the refused token', { timeout: 5000 });
    expect(text($(el, '#token-problem'))).to.equal(
      `The collector at ${SRC} did not accept this token. Check the token the collector was started with and try again.`,
    );
    expect($(el, '#token-problem')!.getAttribute('role')).to.equal('alert');
    expect(sessionStorage.getItem(`zmot-dashboard-token ${SRC}`)).to.equal(null);
    expect(el.token).to.equal(undefined);
    await expect(el).to.be.accessible();
    await signIn(el);
    await shown(el);
  });

  it('a token kept in session storage skips the sign-in; signing out forgets it', async () => {
    collector();
    sessionStorage.setItem(`zmot-dashboard-token ${SRC}`, TOKEN);
    const el = await shown(await mount());
    const out = $$<HTMLButtonElement>(el, 'button').find((b) => text(b) === 'Sign out')!;
    out.click();
    await el.updateComplete;
    expect($(el, '#token')).to.exist;
    expect(sessionStorage.getItem(`zmot-dashboard-token ${SRC}`)).to.equal(null);
  });
});

describe('<zmot-dashboard>: the report', () => {
  it('asks for the period with breakdowns and for the previous period of the same length', async () => {
    const seen = collector();
    const el = await mount();
    el.token = TOKEN;
    await shown(el);
    const metrics = seen.filter((s) => s.url.pathname.endsWith('/v1/metrics')).map((s) => Object.fromEntries(s.url.searchParams));
    expect(metrics).to.deep.include({ site: 'acme', from: FROM, to: TO, breakdown: 'product,widget' });
    expect(metrics).to.deep.include({ site: 'acme', from: PREV_FROM, to: PREV_TO });
    expect(text($(el, '.period-note'))).to.equal('Mar 1 – 30, 2026, compared with Jan 30 – Feb 28, 2026');
  });

  it('headline cards: each number with its change against the previous period, in words for screen readers', async () => {
    collector();
    const el = await mount();
    el.token = TOKEN;
    await shown(el);
    expect(card(el, 'impressions')).to.deep.equal({ value: '1,200', change: '▲ 50% from 800', spoken: 'up 50% from 800', note: 'of 2,000 widgets rendered' });
    expect(card(el, 'viewabilityRate')).to.include({ value: '60%', change: '▲ 10 pts from 50%' });
    expect(card(el, 'interactionRate')).to.include({ value: '8%', change: 'no change from 8%' });
    expect(card(el, 'nps')).to.deep.equal({ value: '60', change: '▲ 40 pts from 20', spoken: 'up 40 pts from 20', note: 'from 20 answers' });
    expect(card(el, 'shareRate')).to.include({ value: '5%', change: 'no change from 5%', note: 'shares (10) per viewable recommend prompt' });
    expect(card(el, 'referralLandings')).to.include({ value: '16', change: '▼ 20% from 20', spoken: 'down 20% from 20' });
    expect(card(el, 'conversions')).to.include({ value: '30', change: 'no change from 30', note: '4 through referrals' });
    expect(card(el, 'referralRevenue')).to.include({ value: '€320.00', change: '▲ 100% from €160.00' });
    expect(card(el, 'k')).to.include({ value: '0.50', change: '▲ 0.10 from 0.40' });
    expect($(el, '[data-card="referralLandings"] .change')!.classList.contains('down')).to.equal(true);
  });

  it('a previous period with nothing in it: one note says so, instead of one on every card', async () => {
    collector({
      metrics: (url) => {
        const from = url.searchParams.get('from')!;
        const to = url.searchParams.get('to')!;
        return to < FROM ? report('acme', from, to, {}) : report('acme', from, to, CURRENT, url.searchParams.get('breakdown') ? BREAKDOWN : undefined);
      },
    });
    const el = await mount();
    el.token = TOKEN;
    await shown(el);
    expect($$(el, '[data-note="nothing-before"]').map((p) => text(p))).to.deep.equal([
      'Nothing was counted in the previous period (Jan 30 – Feb 28, 2026), so the cards show no change.',
    ]);
    expect($$(el, '.card .change')).to.have.length(0);
    expect(text(root(el) as unknown as Element)).to.not.contain('nothing in the previous period');
    await expect(el).to.be.accessible();
  });

  it('a previous period with something in it: no such note', async () => {
    collector();
    const el = await mount();
    el.token = TOKEN;
    await shown(el);
    expect($(el, '[data-note="nothing-before"]')).to.equal(null);
    expect($$(el, '.card .change')).to.have.length(9);
  });

  it('reputation over time: each product’s combined score and each source, with the change since the previous period, answers and time to answer', async () => {
    collector();
    const el = await mount();
    el.token = TOKEN;
    await shown(el);
    await waitUntil(() => $(el, 'table[data-table="reputation"] tbody tr'), 'the reputation shows', { timeout: 5000 });
    expect(text($(el, '#reputation-title'))).to.equal('Reputation over time');
    expect(tableRows(el, 'reputation')).to.deep.equal([
      ['sku-42 · Combined (as the widgets show it)', '4.40', '173', '+0.07', '66.7%', '3 days'],
      ['sku-42 · Your own reviews', '3.00', '3', '-1.00', '66.7%', '3 days'],
      ['sku-42 · G2', '4.60', '120', '–', '–', '–'],
    ]);
  });

  it('the funnel from rendered widgets to conversions from referrals, each step against the one before', async () => {
    collector();
    const el = await mount();
    el.token = TOKEN;
    await shown(el);
    const rows = $$(el, 'table.funnel tbody tr').map((tr) => [...tr.children].slice(0, 3).map((c) => text(c)));
    expect(rows).to.deep.equal([
      ['Widgets rendered', '2,000', '–'],
      ['Seen (viewable)', '1,200', '60%'],
      ['Interactions', '96', '8%'],
      ['NPS answers', '20', '20.8%'],
      ['Promoters (9–10)', '14', '70%'],
      ['Shares', '10', '71.4%'],
      ['Referral landings', '16', '160%'],
      ['Conversions from referrals', '4', '25%'],
    ]);
  });

  it('daily charts drawn by uPlot, hidden from screen readers, each with a data table they can reach', async () => {
    collector();
    const el = await mount();
    el.token = TOKEN;
    await shown(el);
    await waitUntil(() => $(el, '[data-chart="reputation"]'), 'the reputation did not show', { timeout: 5000 });
    const charts = $$(el, '[data-chart]');
    expect(charts.map((c) => c.dataset.chart)).to.deep.equal(['zmot', 'umot', 'nps', 'reputation']);
    for (const chart of charts) {
      expect(chart.getAttribute('aria-hidden')).to.equal('true');
      expect(chart.querySelector('.uplot canvas'), chart.dataset.chart).to.exist;
    }
    const zmot = tableRows(el, 'zmot');
    expect(zmot).to.have.length(30);
    expect(zmot[29]).to.deep.equal(['Mar 30, 2026', '2,000', '1,200', '96']);
    expect(zmot[0]).to.deep.equal(['Mar 1, 2026', '0', '0', '0']);
    expect(tableRows(el, 'umot')[29]).to.deep.equal(['Mar 30, 2026', '20', '10', '16', '4']);
    const summary = $(el, 'details summary')!;
    summary.focus();
    await sendKeys({ press: 'Enter' });
    expect((summary.parentElement as HTMLDetailsElement).open).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('charts follow their box’s width and the colour scheme', async () => {
    collector();
    const el = await mount();
    el.style.width = '900px';
    el.token = TOKEN;
    await shown(el);
    const box = $(el, '[data-chart="nps"]')!;
    const canvas = () => box.querySelector('canvas')!;
    await waitUntil(() => Math.abs(canvas().getBoundingClientRect().width - box.clientWidth) < 2, 'the chart fills its box');
    el.style.width = '500px';
    await waitUntil(() => Math.abs(canvas().getBoundingClientRect().width - box.clientWidth) < 2, 'the chart follows its box');
    const lightCanvas = canvas();
    const pixels = (c: HTMLCanvasElement) => c.toDataURL();
    const light = pixels(lightCanvas);
    await emulateMedia({ colorScheme: 'dark' });
    await waitUntil(() => box.querySelector('canvas') && box.querySelector('canvas') !== lightCanvas, 'redrawn for the dark scheme');
    expect(pixels(canvas())).not.to.equal(light);
    await expect(el).to.be.accessible();
  });

  it('the NPS distribution 0–10 in words, in a chart and in a table', async () => {
    collector();
    const el = await mount();
    el.token = TOKEN;
    await shown(el);
    const section = $(el, '[data-chart="nps"]')!.closest('figure')!;
    expect(text(section.querySelector('p'))).to.equal('NPS 60: 70% promoters, 20% passives, 10% detractors.');
    const rows = tableRows(el, 'nps');
    expect(rows).to.have.length(11);
    expect(rows[0]).to.deep.equal(['0', '1', '5%']);
    expect(rows[10]).to.deep.equal(['10', '9', '45%']);
  });

  it('the measured lift while a holdout runs: in words, its groups in a table, the caveats; none without a holdout', async () => {
    const LIFT = {
      shown: { browsers: 38000, conversions: 1140, revenue: 45600, rate: 0.03, revenuePerBrowser: 1.2 },
      holdout: { browsers: 2000, conversions: 54, revenue: 2160, rate: 0.027, revenuePerBrowser: 1.08 },
      relative: 0.111, interval: [-0.154, 0.452], confidence: 0.95, srm: true, mde: 0.33, share: 0.05, mixed: false, currency: 'EUR',
    } as const;
    collector({
      metrics: (url) => ({
        ...report(url.searchParams.get('site')!, url.searchParams.get('from')!, url.searchParams.get('to')!, CURRENT, BREAKDOWN),
        lift: structuredClone(LIFT) as unknown as Report['lift'],
      }),
    });
    const el = await mount();
    el.token = TOKEN;
    await shown(el);
    const section = $(el, '[data-section="lift"]')!;
    expect(text(section.querySelector('h3'))).to.equal('Measured lift (holdout)');
    expect(text(section.querySelector('[data-lift="result"]'))).to.equal(
      'Showing zmot’s widgets changed conversions by +11.1% (95 % interval -15.4% to +45.2%) across 40,000 browsers.',
    );
    expect(text(section.querySelector('[data-lift="srm"]'))).to.match(/^Warning: the two groups are not the sizes a 5% holdout should give/);
    expect(section.querySelector('[data-lift="srm"]')!.getAttribute('role')).to.equal('alert');
    expect(section.querySelector('[data-lift="liftSpansZero"]')).to.exist;
    expect(text(section.querySelector('[data-lift="mde"]'))).to.equal('With this many browsers, only a change of +33% or more would show.');
    expect(tableRows(el, 'lift')).to.deep.equal([
      ['Shown the widgets', '38,000', '1,140', '3%', '€1.20'],
      ['Held out', '2,000', '54', '2.7%', '€1.08'],
    ]);
    await expect(el).to.be.accessible();
    // The CSV carries it too, numbers plain.
    const lift = el.toCSV()!.split('\r\n').filter((line) => line.includes(',lift,'));
    expect(lift).to.include(`acme,${FROM},${TO},lift,holdout,browsers,2000,`);
    expect(lift).to.include(`acme,${FROM},${TO},lift,,relative,0.111,`);
    expect(lift).to.include(`acme,${FROM},${TO},lift,,intervalLow,-0.154,`);
    expect(lift).to.include(`acme,${FROM},${TO},lift,,srm,true,`);
    // In Polish, the same sentence with Polish numbers.
    el.lang = 'pl';
    await waitUntil(() => text($(el, '[data-lift="result"]')).startsWith('Pokazywanie'), 'Polish', { timeout: 5000 });
    expect(text($(el, '[data-lift="result"]'))).to.contain('40 000');
  });

  it('no holdout, no lift section', async () => {
    collector();
    const el = await mount();
    el.token = TOKEN;
    await shown(el);
    expect($(el, '[data-section="lift"]')).to.equal(null);
  });

  it('breakdowns by product, widget and share channel; untrusted keys stay text', async () => {
    collector();
    const el = await mount();
    el.token = TOKEN;
    await shown(el);
    const products = tableRows(el, 'product');
    expect(products.map((r) => r[0])).to.deep.equal(['sku-42', '=cmd|calc', '(page-wide)']);
    expect(products[0]!.slice(0, 4)).to.deep.equal(['sku-42', '1,500', '900', '60%']);
    expect(tableRows(el, 'widget').map((r) => r.slice(0, 3))).to.deep.equal([
      ['rating', '1,200', '700'],
      ['recommend', '800', '500'],
    ]);
    expect(tableRows(el, 'channel').map((r) => r.slice(0, 3))).to.deep.equal([
      ['whatsapp', '6', '60%'],
      ['copy', '3', '30%'],
      ['email', '1', '10%'],
    ]);
    await expect(el).to.be.accessible();
  });

  it('long product lists show ten rows, and all of them on request', async () => {
    const many = Array.from({ length: 14 }, (_, i) => [`sku-${i}`, { renders: 100 - i }] as [string, { renders: number }]);
    collector({ metrics: (url) => report('acme', url.searchParams.get('from')!, url.searchParams.get('to')!, CURRENT, { product: many, widget: [] }) });
    const el = await mount();
    el.token = TOKEN;
    await shown(el);
    expect(tableRows(el, 'product')).to.have.length(10);
    const more = $<HTMLButtonElement>(el, 'button.more')!;
    expect(text(more)).to.equal('Show all 14 rows');
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    more.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(tableRows(el, 'product')).to.have.length(14);
    expect(more.getAttribute('aria-expanded')).to.equal('true');
  });
});

describe('<zmot-dashboard>: pickers', () => {
  it('picks the site with the latest events, and another with the keyboard', async () => {
    const seen = collector();
    const el = await mount(html`<zmot-dashboard src=${SRC}></zmot-dashboard>`);
    el.token = TOKEN;
    await shown(el);
    const select = $<HTMLSelectElement>(el, 'select')!;
    expect([...select.options].map((o) => o.value)).to.deep.equal(['acme', 'beta', 'new-shop']);
    expect(select.value).to.equal('acme');
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => el.site === 'beta', 'the site changes');
    expect(el.getAttribute('site')).to.equal('beta');
    await waitUntil(() => el.view?.site === 'beta', 'beta’s report loads');
    expect(seen.some((s) => s.url.searchParams.get('site') === 'beta')).to.equal(true);
  });

  it('defaults to the last 30 days; a preset sets the period, from today back', async () => {
    const seen = collector();
    const el = await mount(html`<zmot-dashboard src=${SRC} site="acme"></zmot-dashboard>`);
    el.token = TOKEN;
    await shown(el);
    const today = new Date().toISOString().slice(0, 10);
    expect(el.period.to).to.equal(today);
    const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000 + 1;
    expect(days(el.period.from, el.period.to)).to.equal(30);
    const preset = $$<HTMLSelectElement>(el, 'select')[1]!;
    expect(preset.value).to.equal('30');
    preset.value = '7';
    preset.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(days(el.from!, el.to!)).to.equal(7);
    expect(el.to).to.equal(today);
    await waitUntil(() => seen.some((s) => s.url.searchParams.get('from') === el.from), 'the new period is asked for');
  });

  it('custom dates: a start after the end is refused in words and nothing is asked', async () => {
    const seen = collector();
    const el = await mount();
    el.token = TOKEN;
    await shown(el);
    const [from] = $$<HTMLInputElement>(el, 'input[type="date"]');
    from!.value = '2026-04-02';
    from!.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(text($(el, '#period-problem'))).to.equal('The start date must not be after the end date.');
    expect(from!.getAttribute('aria-invalid')).to.equal('true');
    expect(seen.some((s) => s.url.searchParams.get('from') === '2026-04-02')).to.equal(false);
    expect($$<HTMLSelectElement>(el, 'select')[1]!.value).to.equal('custom');
    await expect(el).to.be.accessible();
  });
});

describe('<zmot-dashboard>: states', () => {
  it('loading: says so, busy, and passes axe', async () => {
    collector({
      metrics: async () => {
        await delay(400);
        return HttpResponse.json(report('acme', FROM, TO, CURRENT));
      },
    });
    const el = await mount();
    el.token = TOKEN;
    const loading = await state(el, 'loading');
    expect(text(loading)).to.equal('Loading the report…');
    expect(loading.querySelector('[role="status"]')).to.exist;
    expect($(el, '[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
    await shown(el);
    expect($(el, '[part="base"]')!.getAttribute('aria-busy')).to.equal('false');
  });

  it('empty: no events in the period, with the snippet that starts collecting', async () => {
    collector({ metrics: (url) => report('acme', url.searchParams.get('from')!, url.searchParams.get('to')!, {}) });
    const el = await mount();
    el.token = TOKEN;
    const empty = await state(el, 'empty');
    expect(text(empty.querySelector('h2'))).to.equal('No events yet');
    expect(text(empty.querySelector('p'))).to.contain('no events for acme from Mar 1, 2026 to Mar 30, 2026');
    expect(empty.querySelector('code')!.textContent).to.equal(
      `<script type="module" src="${SRC}zmot.js"
        data-site="acme"
        data-feed="${SRC}v1/feeds/acme/{product}"
        data-endpoint="${SRC}v1/events"></script>
<zmot-rating product="your-product-id"></zmot-rating>`,
    );
    await expect(el).to.be.accessible();
  });

  it('empty collector: no sites yet, with the snippet', async () => {
    collector({ sites: { sites: [] } });
    const el = await mount(html`<zmot-dashboard src=${SRC}></zmot-dashboard>`);
    el.token = TOKEN;
    const empty = await state(el, 'empty');
    expect(text(empty.querySelector('h2'))).to.equal('No sites yet');
    expect(empty.querySelector('code')!.textContent).to.contain('data-site="your-site-id"');
    await expect(el).to.be.accessible();
  });

  it('collector unreachable: a clear message, and Try again recovers', async () => {
    let down = true;
    collector({
      metrics: (url) => (down ? HttpResponse.error() : report('acme', url.searchParams.get('from')!, url.searchParams.get('to')!, CURRENT)),
    });
    const el = await mount();
    el.token = TOKEN;
    const panel = await state(el, 'unreachable');
    expect(panel.getAttribute('role')).to.equal('alert');
    expect(text(panel.querySelector('h2'))).to.equal('The collector cannot be reached');
    expect(text(panel.querySelector('p'))).to.match(
      new RegExp(`^No answer from the collector at ${SRC.replace(/\./g, '\\.')} \\(TypeError: Failed to fetch\\)\\. Check that it is running`),
    );
    await expect(el).to.be.accessible();
    down = false;
    const retry = panel.querySelector('button')!;
    retry.focus();
    await sendKeys({ press: 'Enter' });
    await shown(el);
  });

  it('a collector error (5xx) counts as unreachable; an answer that is not a report says the address is wrong', async () => {
    collector({ metrics: () => HttpResponse.json({ error: 'internal error' }, { status: 500 }) });
    const el = await mount();
    el.token = TOKEN;
    expect(text((await state(el, 'unreachable')).querySelector('p'))).to.contain('(internal error)');
    worker.resetHandlers();
    collector({ metrics: () => new HttpResponse('<!doctype html><p>Welcome</p>', { headers: { 'content-type': 'text/html' } }) });
    (el.shadowRoot!.querySelector('[data-state] button') as HTMLButtonElement).click();
    const invalid = await state(el, 'invalid');
    expect(text(invalid.querySelector('p'))).to.equal(
      `The server at ${SRC} did not answer like a zmot collector (HTTP 200). Check the dashboard’s src address.`,
    );
  });

  it('a question the collector refuses (400) shows its reason', async () => {
    collector({ metrics: () => HttpResponse.json({ error: 'from: the period may span at most 366 days' }, { status: 400 }) });
    const el = await mount();
    el.token = TOKEN;
    const panel = await state(el, 'request');
    expect(text(panel)).to.contain('from: the period may span at most 366 days');
  });
});

describe('<zmot-dashboard>: CSV export', () => {
  it('exports what is shown, one value a row, with formula-like cells defused', async () => {
    collector();
    const el = await mount();
    el.token = TOKEN;
    await shown(el);
    const button = $$<HTMLButtonElement>(el, 'button').find((b) => text(b) === 'Download CSV')!;
    setTimeout(() => button.click());
    const event = (await oneEvent(el, 'zmot-export')) as CustomEvent<ZmotExportDetail>;
    event.preventDefault();
    const { csv, filename } = event.detail;
    expect(filename).to.equal(`zmot-acme-${FROM}-${TO}.csv`);
    expect(csv).to.equal(el.toCSV());
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).to.equal('site,from,to,section,item,metric,value,previous');
    const has = (line: string) => expect(lines).to.include(`acme,${FROM},${TO},${line}`);
    has('summary,,impressions,1200,800');
    has('summary,,viewabilityRate,0.6,0.5');
    has('summary,,nps,60,20');
    has('summary,EUR,referralRevenue,320,160');
    has('summary,,k,0.5,0.4');
    has(`summary,,previousFrom,${PREV_FROM},`);
    has('funnel,converted,count,4,');
    has('daily,2026-03-30,renders,2000,');
    has('daily,2026-03-01,renders,0,');
    has('nps,10,answers,9,');
    has('product,sku-42,impressions,900,');
    has("product,'=cmd|calc,renders,500,");
    has('product,,referralConversions,4,');
    has('widget,rating,interactionRate,0.114285714,');
    has('channel,whatsapp,shares,6,');
    expect(lines.filter((l) => l.includes(',daily,'))).to.have.length(30 * 7);
  });
});
