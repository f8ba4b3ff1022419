// <zmot-dashboard>'s live view: the events of the last 30 minutes, updating while the page is open, polled
// with the ETag so an unchanged answer is a 304.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../../src/entries/zmot-dashboard.js';
import type { ZmotDashboard } from '../../src/elements/dashboard/dashboard.js';
import { serveCollector } from '../support/collector.js';
import { startWorker, worker } from '../support/msw.js';
import { liveAnswer } from '../support/reports.js';

const SRC = 'https://stats.acme.test/z/';
const FROM = '2026-03-01';
const TO = '2026-03-30';

const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const counts = (el: ZmotDashboard) =>
  Object.fromEntries([...el.shadowRoot!.querySelectorAll('.live li')].map((li) => [li.getAttribute('data-type'), text(li.querySelector('.value'))]));

before(startWorker);
beforeEach(() => sessionStorage.clear());
afterEach(() => worker.resetHandlers());

describe('<zmot-dashboard>: live', () => {
  it('shows the last 30 minutes’ events per type and updates by itself, asking with the ETag', async () => {
    const asked: (string | null)[] = [];
    let answer = liveAnswer();
    let etag = '"one"';
    serveCollector(
      SRC,
      FROM,
      http.get(`${SRC}v1/live`, ({ request }) => {
        const match = request.headers.get('if-none-match');
        asked.push(match);
        if (match === etag) return new HttpResponse(null, { status: 304, headers: { etag } });
        return HttpResponse.json(answer, { headers: { etag } });
      }),
    );
    const el = await fixture<ZmotDashboard>(html`<zmot-dashboard src=${SRC} from=${FROM} to=${TO} live-interval="200"></zmot-dashboard>`);
    el.token = 'owner-secret';
    await waitUntil(() => counts(el).render === '15', 'the live counts show', { timeout: 5000 });
    expect(text($(el, '#live-title'))).to.equal('Live: the last 30 minutes');
    expect(counts(el)).to.deep.equal({ render: '15', impression: '7', interaction: '0', nps: '1', share: '0', referral_landing: '0', conversion: '0' });
    expect(el.shadowRoot!.querySelectorAll('.minutes .minute')).to.have.length(30);
    await waitUntil(() => asked.includes('"one"'), 'the next look sends the ETag', { timeout: 3000 });
    expect(text($(el, '[data-live-checked]'))).to.match(/^Checked at /);

    answer = liveAnswer('acme', { share: 2 });
    etag = '"two"';
    await waitUntil(() => counts(el).share === '2', 'a new answer shows', { timeout: 3000 });
    await expect(el).to.be.accessible();
    el.remove();
  });
});
