// The drop-in's <zmot-dashboard>: a loader that imports the dashboard module on first connection and shows it.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { APP_TAG, setDashboardModule, ZmotDashboardLoader } from '../../src/elements/dashboard/loader.js';
import type { ZmotDashboard } from '../../src/elements/dashboard/dashboard.js';
import { worker } from '../support/msw.js';
import { CURRENT, report, commentsAnswer, reputationAnswer, liveAnswer } from '../support/reports.js';

customElements.define('zmot-dashboard', ZmotDashboardLoader);

const SRC = 'https://stats.acme.test/';
const app = (el: Element) => el.shadowRoot?.querySelector<ZmotDashboard>(APP_TAG) ?? null;

// The modules this test imports pass the worker untouched; the collector's API is mocked.
before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
afterEach(() => {
  worker.resetHandlers();
  sessionStorage.clear();
});

/** The collector's answers for site acme: sites, reports, live, reputation, comments. */
function serveCollector(): void {
  worker.use(
    http.get(`${SRC}v1/sites`, () => HttpResponse.json({ sites: [{ id: 'acme', first: '2026-03-01', last: '2026-03-30' }] })),
    http.get(`${SRC}v1/live`, () => HttpResponse.json(liveAnswer())),
    http.get(`${SRC}v1/reputation`, ({ request }) => HttpResponse.json(reputationAnswer(new URL(request.url)))),
    http.get(`${SRC}v1/comments`, ({ request }) => HttpResponse.json(commentsAnswer(new URL(request.url)))),
    http.get(`${SRC}v1/metrics`, ({ request }) => {
      const url = new URL(request.url);
      return HttpResponse.json(report('acme', url.searchParams.get('from')!, url.searchParams.get('to')!, CURRENT));
    }),
  );
}

describe('<zmot-dashboard> loader', () => {
  it('when the module cannot be loaded: says so and warns', async () => {
    setDashboardModule(new URL('/nowhere/zmot-dashboard.js', location.href).href);
    const original = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => warnings.push(String(args[0]));
    try {
      const el = await fixture<ZmotDashboardLoader>(html`<zmot-dashboard src=${SRC}></zmot-dashboard>`);
      await waitUntil(() => el.shadowRoot?.querySelector('p'), 'the failure shows', { timeout: 5000 });
      expect(el.shadowRoot!.querySelector('p')!.textContent).to.equal('The dashboard could not be loaded.');
      expect(warnings).to.deep.equal([`zmot: could not load the dashboard from ${new URL('/nowhere/zmot-dashboard.js', location.href).href}`]);
    } finally {
      console.warn = original;
    }
  });

  it('imports the dashboard on first connection and shows it with its attributes and token', async () => {
    serveCollector();
    expect(customElements.get(APP_TAG)).to.equal(undefined, 'nothing loaded before an element connects');
    setDashboardModule(new URL('/src/entries/zmot-dashboard.ts', location.href).href);
    const el = await fixture<ZmotDashboardLoader>(html`<zmot-dashboard src=${SRC} site="acme" from="2026-03-01" to="2026-03-30"></zmot-dashboard>`);
    el.token = 'owner-secret';
    await waitUntil(() => app(el), 'the dashboard shows', { timeout: 10000 });
    const inner = app(el)!;
    expect(customElements.get('zmot-dashboard')).to.equal(ZmotDashboardLoader);
    expect(inner.getAttribute('site')).to.equal('acme');
    expect(inner.src).to.equal(SRC);
    expect(inner.token).to.equal('owner-secret');
    await waitUntil(() => inner.shadowRoot!.querySelector('[data-card="impressions"]'), 'the report shows', { timeout: 5000 });
    el.setAttribute('to', '2026-03-29');
    expect(inner.to).to.equal('2026-03-29');
    el.removeAttribute('site');
    expect(inner.hasAttribute('site')).to.equal(false);
    expect(inner.getAttribute('exportparts')).to.contain('card');
    await expect(el).to.be.accessible();
  });

  it('forwards the members the manifest documents, and follows the period the owner picks', async () => {
    serveCollector();
    setDashboardModule(new URL('/src/entries/zmot-dashboard.ts', location.href).href);
    const el = await fixture<ZmotDashboardLoader>(html`<zmot-dashboard src=${SRC} site="acme" from="2026-03-01" to="2026-03-30"></zmot-dashboard>`);
    expect([el.src, el.site, el.from, el.to, el.product]).to.deep.equal([SRC, 'acme', '2026-03-01', '2026-03-30', undefined]);
    expect(el.toCSV()).to.equal(undefined, 'no report yet');
    el.token = 'owner-secret';
    await waitUntil(() => app(el)?.shadowRoot?.querySelector('[data-card="impressions"]'), 'the report shows', { timeout: 10000 });
    const inner = app(el)!;
    expect(el.toCSV()).to.equal(inner.toCSV());
    expect(el.toCSV()).to.contain('acme');
    // Properties set on the loader reach the dashboard.
    el.from = '2026-03-02';
    expect(inner.from).to.equal('2026-03-02');
    // The dashboard's own change of period (the owner picking one) comes back to the loader's attributes.
    inner.from = '2026-03-10';
    inner.to = '2026-03-20';
    await inner.updateComplete;
    await waitUntil(() => el.getAttribute('from') === '2026-03-10' && el.getAttribute('to') === '2026-03-20', 'the loader follows');
    expect(el.from).to.equal('2026-03-10');
    el.signOut();
    expect(inner.token).to.equal(undefined);
    expect(el.token).to.equal(undefined);
    await waitUntil(() => inner.shadowRoot!.querySelector('[part~="sign-in"]'), 'the sign-in shows');
  });
});
