// <zmot-dashboard sync-url>: the site and period in the page's address — shareable, and the back button
// returns to the period before.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../../src/entries/zmot-dashboard.js';
import type { ZmotDashboard } from '../../src/elements/dashboard/dashboard.js';
import { lastDays, today } from '../../src/elements/dashboard/period.js';
import { startWorker, worker } from '../support/msw.js';
import { reviewsHandlers } from '../support/reviews.js';
import { BREAKDOWN, commentsAnswer, CURRENT, report, reputationAnswer, liveAnswer } from '../support/reports.js';

const SRC = 'https://stats.acme.test/z/';
const SITES = [
  { id: 'acme', first: '2026-01-01', last: '2026-03-30' },
  { id: 'beta', first: '2025-12-01', last: '2026-02-01' },
];

function collector(): URL[] {
  const asked: URL[] = [];
  worker.use(
    http.get(`${SRC}v1/sites`, () => HttpResponse.json({ sites: SITES })),
    http.get(`${SRC}v1/metrics`, ({ request }) => {
      const url = new URL(request.url);
      if (url.searchParams.get('breakdown')) asked.push(url);
      return HttpResponse.json(report(url.searchParams.get('site')!, url.searchParams.get('from')!, url.searchParams.get('to')!, CURRENT, BREAKDOWN));
    }),
    http.get(`${SRC}v1/live`, () => HttpResponse.json(liveAnswer())),
    http.get(`${SRC}v1/reputation`, ({ request }) => HttpResponse.json(reputationAnswer(new URL(request.url)))),
    http.get(`${SRC}v1/comments`, ({ request }) => HttpResponse.json(commentsAnswer(new URL(request.url)))),
  );
  return asked;
}

const params = () => Object.fromEntries(['site', 'from', 'to'].map((n) => [n, new URL(location.href).searchParams.get(n)]));
const asks = (asked: URL[], site: string, from: string, to: string) =>
  asked.some((u) => u.searchParams.get('site') === site && u.searchParams.get('from') === from && u.searchParams.get('to') === to);

let start: string;
before(startWorker);
beforeEach(() => {
  sessionStorage.clear();
  start = location.href;
});
afterEach(() => {
  worker.resetHandlers();
  history.replaceState(null, '', start);
});

describe('<zmot-dashboard sync-url>', () => {
  it('opens on the site and period the address names', async () => {
    const asked = collector();
    const url = new URL(location.href);
    url.searchParams.set('site', 'beta');
    url.searchParams.set('from', '2026-01-05');
    url.searchParams.set('to', '2026-01-20');
    history.replaceState(null, '', url);
    const el = await fixture<ZmotDashboard>(html`<zmot-dashboard sync-url src=${SRC}></zmot-dashboard>`);
    el.token = 'owner-secret';
    await waitUntil(() => asks(asked, 'beta', '2026-01-05', '2026-01-20'), 'the address’s report is asked for', { timeout: 5000 });
    expect(el.period).to.deep.equal({ from: '2026-01-05', to: '2026-01-20' });
  });

  it('a period picked goes into the address as a new history entry; Back returns to the one before', async () => {
    const asked = collector();
    const url = new URL(location.href);
    url.searchParams.set('site', 'acme');
    url.searchParams.set('from', '2026-03-01');
    url.searchParams.set('to', '2026-03-30');
    history.replaceState(null, '', url);
    const el = await fixture<ZmotDashboard>(html`<zmot-dashboard sync-url src=${SRC}></zmot-dashboard>`);
    el.token = 'owner-secret';
    await waitUntil(() => el.shadowRoot!.querySelector('[data-card="impressions"]'), 'the report shows', { timeout: 5000 });
    const length = history.length;
    const preset = [...el.shadowRoot!.querySelectorAll('select')].find((s) => s.closest('label')?.textContent?.startsWith('Period'))!;
    preset.value = '7';
    preset.dispatchEvent(new Event('change'));
    const week = lastDays(7, today());
    expect(params()).to.deep.equal({ site: 'acme', ...week });
    expect(history.length).to.equal(length + 1);
    await waitUntil(() => asks(asked, 'acme', week.from, week.to), 'the week is asked for', { timeout: 5000 });

    const popped = new Promise((resolve) => addEventListener('popstate', resolve, { once: true }));
    history.back();
    await popped;
    await el.updateComplete;
    await waitUntil(() => el.shadowRoot!.querySelector('[aria-busy="false"]'), 'the period before shows', { timeout: 5000 });
    expect(el.period).to.deep.equal({ from: '2026-03-01', to: '2026-03-30' });
    expect(el.site).to.equal('acme');
  });

  it('language-picker: the 12 languages by their own names; a choice turns the dashboard into it and goes into the address', async () => {
    collector();
    const el = await fixture<ZmotDashboard>(html`<zmot-dashboard sync-url language-picker src=${SRC}></zmot-dashboard>`);
    const select = () => el.shadowRoot!.querySelector<HTMLSelectElement>('.languages select')!;
    expect(select().closest('label')!.textContent!.trim()).to.match(/^Language/);
    expect([...select().options].map((o) => [o.value, o.lang, o.textContent])).to.deep.include.members([
      ['en', 'en', 'English'],
      ['de', 'de', 'Deutsch'],
      ['pl', 'pl', 'polski'],
      ['ja', 'ja', '日本語'],
      ['ar', 'ar', 'العربية'],
    ]);
    expect(select().options).to.have.length(12);
    select().value = 'de';
    select().dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.lang).to.equal('de');
    expect(new URL(location.href).searchParams.get('lang')).to.equal('de');
    await waitUntil(() => el.shadowRoot!.querySelector('#token')?.closest('label')?.textContent?.includes('Eigentümer-Token'), 'German shows');
    expect(select().value).to.equal('de');
    await expect(el).to.be.accessible();
  });

  it('without sync-url the address is left alone', async () => {
    const asked = collector();
    const el = await fixture<ZmotDashboard>(html`<zmot-dashboard src=${SRC} from="2026-03-01" to="2026-03-30"></zmot-dashboard>`);
    el.token = 'owner-secret';
    await waitUntil(() => el.shadowRoot!.querySelector('[data-card="impressions"]'), 'the report shows', { timeout: 5000 });
    const before = location.href;
    const preset = [...el.shadowRoot!.querySelectorAll('select')].find((s) => s.closest('label')?.textContent?.startsWith('Period'))!;
    preset.value = '7';
    preset.dispatchEvent(new Event('change'));
    expect(location.href).to.equal(before);
    const week = lastDays(7, today());
    await waitUntil(() => asks(asked, 'acme', week.from, week.to), 'the week is asked for', { timeout: 5000 });
    await waitUntil(() => el.shadowRoot!.querySelector('[aria-busy="false"]'), 'the week shows', { timeout: 5000 });
  });

  it('the Reviews page goes into the address (?page=reviews); Back returns to the report, and the address opens it', async () => {
    collector();
    worker.use(...reviewsHandlers(SRC).handlers);
    const el = await fixture<ZmotDashboard>(html`<zmot-dashboard sync-url src=${SRC}></zmot-dashboard>`);
    el.token = 'owner-secret';
    await waitUntil(() => el.shadowRoot!.querySelector('[data-card]'), 'the report did not show', { timeout: 5000 });
    el.shadowRoot!.querySelector<HTMLButtonElement>('nav.pages [data-page="reviews"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[data-review]'), 'the reviews did not show');
    expect(new URL(location.href).searchParams.get('page')).to.equal('reviews');
    history.back();
    await waitUntil(() => el.page === undefined && el.shadowRoot!.querySelector('[data-card]'), 'Back did not return to the report');
    const reviews = new URL(location.href);
    reviews.searchParams.set('page', 'reviews');
    history.replaceState(null, '', reviews);
    const other = await fixture<ZmotDashboard>(html`<zmot-dashboard sync-url src=${SRC}></zmot-dashboard>`);
    other.token = 'owner-secret';
    await waitUntil(() => other.shadowRoot!.querySelector('[data-review]'), 'the address did not open the reviews', { timeout: 5000 });
  });
});
