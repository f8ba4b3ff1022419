// <zmot-dashboard>: the Reviews page (contract section 8) — the pending queue with each review's labels and
// history, approve, reject for a reason of the fixed list, reply as the merchant, paging, by keyboard alone,
// the focus after a review leaves the queue, refusals, hostile text; and the review-collection funnel.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import '../../src/entries/zmot-dashboard.js';
import type { ZmotDashboard, ZmotExportDetail } from '../../src/elements/dashboard/dashboard.js';
import type { CollectionFunnel, ModeratedReview } from '../../src/report/types.js';
import { serveCollector } from '../support/collector.js';
import { startWorker, worker } from '../support/msw.js';
import { CURRENT, PREVIOUS, report } from '../support/reports.js';
import { HOSTILE, reviewsHandlers, sampleReviews } from '../support/reviews.js';

const SRC = 'https://stats.acme.test/z/';
const TOKEN = 'owner-secret';
const FROM = '2026-03-01';
const TO = '2026-03-30';

const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...root(el).querySelectorAll<T>(selector)];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const ids = (el: ZmotDashboard) => $$(el, '[data-review]').map((li) => li.dataset.review);
const focused = (el: ZmotDashboard) => root(el).activeElement as HTMLElement | null;
const announced = (el: ZmotDashboard) => text($(el, '[data-reviews-announce]'));
const problemOf = (el: ZmotDashboard, id: string) => text($(el, `[data-review="${id}"] .problem[role="alert"]`));

function collector(reviews?: ModeratedReview[], refuse?: (action: string, id: string) => Response | undefined) {
  const { handlers, state } = reviewsHandlers(SRC, reviews, refuse);
  serveCollector(SRC, FROM, ...handlers);
  return state;
}

async function mount(options: { lang?: string; page?: string } = {}): Promise<ZmotDashboard> {
  const el = await fixture<ZmotDashboard>(
    html`<zmot-dashboard lang=${options.lang ?? 'en'} src=${SRC} from=${FROM} to=${TO} page=${options.page ?? 'reviews'}></zmot-dashboard>`,
  );
  el.token = TOKEN;
  await waitUntil(() => text($(el, '[data-reviews-status]')).match(/\d/) || $(el, '[data-review]'), 'the reviews did not show', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

before(startWorker);
beforeEach(() => sessionStorage.clear());
afterEach(() => worker.resetHandlers());

describe('<zmot-dashboard>: reviews and moderation', () => {
  it('the pending queue first: each review’s rating, title, text, author, product, date and labels; passes axe', async () => {
    const state = collector();
    const el = await mount();
    expect(text($(el, '#reviews-title'))).to.equal('Reviews and moderation');
    expect(Object.fromEntries(state.asked[0]!.searchParams)).to.deep.equal({ site: 'acme', status: 'pending', limit: '20', offset: '0' });
    expect($<HTMLSelectElement>(el, '[data-review-status]')!.value).to.equal('pending');
    expect(ids(el)).to.deep.equal(['r1', 'r2', 'r3']);
    expect(text($(el, '[data-reviews-status]'))).to.equal('Reviews 1–3 of 3');
    const first = $(el, '[data-review="r1"]')!;
    expect(text(first.querySelector('h4'))).to.equal('Sturdy and quiet');
    expect(text(first.querySelector('.meta'))).to.equal('★★★★☆ 4 of 5 stars Anna K., Buyer, Kern GmbH sku-42 Mar 29, 2026');
    expect(first.querySelector('.stars')!.getAttribute('aria-hidden')).to.equal('true');
    expect(first.querySelector('.text')!.textContent).to.equal('Runs every night without a sound.\nSecond line.');
    expect([...first.querySelectorAll('.labels li')].map(text)).to.deep.equal(['Verified purchase', 'Invited', 'Incentivized: 10 % off the next order']);
    // Without a title, the heading names the author; no verification, no invitation, no incentive.
    expect(text($(el, '[data-review="r3"] h4'))).to.equal('Broke after a week');
    expect(text($(el, '[data-review="r2"] h4'))).to.equal('Review by <b>Mallory</b>');
    expect([...$(el, '[data-review="r2"]')!.querySelectorAll('.labels li')].map(text)).to.deep.equal(['Not verified']);
    // The period pickers and the CSV belong to the report; the page switch says where the owner is.
    expect($(el, 'input[type="date"]')).to.equal(null);
    expect($$(el, 'nav.pages button').map((b) => [text(b), b.getAttribute('aria-current')])).to.deep.equal([
      ['Report', 'false'],
      ['Reviews', 'page'],
    ]);
    await expect(el).to.be.accessible();
  });

  it('the page switch: from the report to the reviews and back, with the token in the header only', async () => {
    const state = collector();
    const el = await fixture<ZmotDashboard>(html`<zmot-dashboard src=${SRC} from=${FROM} to=${TO}></zmot-dashboard>`);
    el.token = TOKEN;
    await waitUntil(() => $(el, '[data-card="impressions"]'), 'the report did not show', { timeout: 5000 });
    expect(state.asked).to.have.length(0);
    $<HTMLButtonElement>(el, 'nav.pages [data-page="reviews"]')!.click();
    await waitUntil(() => $(el, '[data-review]'), 'the reviews did not show');
    expect(el.getAttribute('page')).to.equal('reviews');
    expect($(el, '[data-card="impressions"]')).to.equal(null);
    expect(state.asked[0]!.searchParams.has('token')).to.equal(false);
    $<HTMLButtonElement>(el, 'nav.pages [data-page="report"]')!.click();
    await waitUntil(() => $(el, '[data-card="impressions"]'), 'the report did not come back');
    expect(el.hasAttribute('page')).to.equal(false);
  });

  it('approve: the collector is told, with the token; the review leaves the queue, the result is said and the focus goes to the next review', async () => {
    const state = collector();
    const el = await mount();
    $<HTMLButtonElement>(el, '[data-review="r1"] [data-action="approve"]')!.click();
    await waitUntil(() => !ids(el).includes('r1'), 'r1 did not leave the queue');
    expect(state.moderated).to.deep.equal([{ id: 'r1', action: 'approve', body: {}, authorization: `Bearer ${TOKEN}` }]);
    expect(announced(el)).to.equal('The review by Anna K. is approved.');
    expect($(el, '[data-reviews-announce]')!.getAttribute('role')).to.equal('status');
    expect(focused(el)).to.equal($(el, '[data-review="r2"] h4'));
    await waitUntil(() => text($(el, '[data-reviews-status]')) === 'Reviews 1–2 of 2', 'the count did not follow');
    expect(ids(el)).to.deep.equal(['r2', 'r3']);
    // It is among the approved now.
    const status = $<HTMLSelectElement>(el, '[data-review-status]')!;
    status.value = 'approved';
    status.dispatchEvent(new Event('change'));
    await waitUntil(() => ids(el).join() === 'r1,r4', 'the approved list');
    expect(state.asked.at(-1)!.searchParams.get('status')).to.equal('approved');
  });

  it('reject needs a reason from the list (never the rating); the reason chosen is sent', async () => {
    const state = collector();
    const el = await mount();
    const form = $(el, '[data-review="r3"] form.reject')!;
    const select = form.querySelector('select')!;
    expect([...select.options].map((o) => [o.value, text(o)])).to.deep.equal([
      ['', 'Choose a reason'],
      ['spam', 'Spam or advertising'],
      ['offensive', 'Offensive or abusive'],
      ['personal-data', 'Contains personal data'],
      ['off-topic', 'Not about the product'],
      ['not-genuine', 'Not a genuine experience'],
    ]);
    expect(text(select.closest('label'))).to.match(/^Reason to reject/);
    form.querySelector<HTMLButtonElement>('[data-action="reject"]')!.click();
    await el.updateComplete;
    expect(state.moderated).to.have.length(0);
    expect(problemOf(el, 'r3')).to.equal('Choose the reason for rejecting this review.');
    expect(select.getAttribute('aria-invalid')).to.equal('true');
    expect(focused(el)).to.equal(select);
    select.value = 'off-topic';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(select.getAttribute('aria-invalid')).to.equal('false');
    form.querySelector<HTMLButtonElement>('[data-action="reject"]')!.click();
    await waitUntil(() => !ids(el).includes('r3'), 'r3 did not leave the queue');
    expect(state.moderated).to.deep.equal([{ id: 'r3', action: 'reject', body: { reason: 'off-topic' }, authorization: `Bearer ${TOKEN}` }]);
    expect(announced(el)).to.equal('The review by Bo is rejected: Not about the product.');
    // The last review left: the focus goes to the one before.
    expect(focused(el)).to.equal($(el, '[data-review="r2"] h4'));
  });

  it('reply: the body is sent and shown under the review, which stays in the queue; history records it', async () => {
    const state = collector();
    const el = await mount();
    const item = $(el, '[data-review="r1"]')!;
    const details = item.querySelector<HTMLDetailsElement>('details.reply-form')!;
    expect(text(details.querySelector('summary'))).to.equal('Reply');
    details.open = true;
    const area = details.querySelector('textarea')!;
    expect(text(area.closest('label'))).to.equal('Your reply as the shop');
    expect(area.maxLength).to.equal(2000);
    // An empty reply is said at the field, not sent.
    details.querySelector<HTMLButtonElement>('[data-action="reply"]')!.click();
    await el.updateComplete;
    expect(state.moderated).to.have.length(0);
    expect(problemOf(el, 'r1')).to.equal('Write the reply first.');
    expect(focused(el)).to.equal(area);
    area.value = '  Thank you, Anna — glad it is quiet.  ';
    details.querySelector<HTMLButtonElement>('[data-action="reply"]')!.click();
    await waitUntil(() => $(el, '[data-review="r1"] [data-reply]'), 'the reply did not show');
    expect(state.moderated).to.deep.equal([{ id: 'r1', action: 'reply', body: { body: 'Thank you, Anna — glad it is quiet.' }, authorization: `Bearer ${TOKEN}` }]);
    expect(text($(el, '[data-review="r1"] [data-reply]'))).to.equal('Your reply (Mar 30, 2026) Thank you, Anna — glad it is quiet.');
    expect(announced(el)).to.equal('Your reply to Anna K. is saved.');
    expect(problemOf(el, 'r1')).to.equal('');
    expect(ids(el)).to.deep.equal(['r1', 'r2', 'r3']);
    expect(text(details.querySelector('summary'))).to.equal('Change the reply');
    expect(area.value).to.equal('Thank you, Anna — glad it is quiet.');
    expect($$(el, '[data-review="r1"] .history li').map((li) => li.dataset.history)).to.deep.equal(['submitted', 'replied']);
  });

  it('history: every step with its time, a rejection’s reason and a reply’s text; a rejected review says why', async () => {
    collector();
    const el = await mount();
    const status = $<HTMLSelectElement>(el, '[data-review-status]')!;
    status.value = 'approved';
    status.dispatchEvent(new Event('change'));
    await waitUntil(() => ids(el).join() === 'r4', 'the approved list');
    const item = $(el, '[data-review="r4"]')!;
    expect(text(item.querySelector('details.history summary'))).to.equal('History');
    // In the owner's own time zone.
    const at = (iso: string) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
    expect([...item.querySelectorAll('.history li')].map((li) => text(li))).to.deep.equal([
      `${at('2026-03-05T10:00:00.000Z')} Submitted`,
      `${at('2026-03-05T18:00:00.000Z')} Rejected: Contains personal data`,
      `${at('2026-03-06T07:00:00.000Z')} Approved`,
      `${at('2026-03-06T08:00:00.000Z')} Replied Thank you, Chen!`,
    ]);
    expect(item.querySelector('time')!.getAttribute('datetime')).to.equal('2026-03-05T10:00:00.000Z');
    // An approved review can still be rejected, not approved again.
    expect(item.querySelector('[data-action="approve"]')).to.equal(null);
    expect(item.querySelector('[data-action="reject"]')).to.exist;
    status.value = 'rejected';
    status.dispatchEvent(new Event('change'));
    await waitUntil(() => ids(el).join() === 'r5', 'the rejected list');
    expect(text($(el, '[data-review="r5"] .verdict'))).to.equal('Rejected: Spam or advertising');
    expect($(el, '[data-review="r5"] [data-action="reject"]')).to.equal(null);
    expect($(el, '[data-review="r5"] [data-action="approve"]')).to.exist;
  });

  it('keyboard only: reject one review and approve the next, the focus staying in the queue', async () => {
    const state = collector();
    const el = await mount();
    $<HTMLSelectElement>(el, '[data-review-status]')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal($(el, '[data-review="r1"] [data-action="approve"]'));
    await sendKeys({ press: 'Tab' });
    const reason = $<HTMLSelectElement>(el, '[data-review="r1"] select[name="reason"]')!;
    expect(focused(el)).to.equal(reason);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(reason.value).to.equal('offensive');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal($(el, '[data-review="r1"] [data-action="reject"]'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !ids(el).includes('r1'), 'r1 did not leave the queue');
    expect(state.moderated.map((m) => [m.id, m.action, m.body])).to.deep.equal([['r1', 'reject', { reason: 'offensive' }]]);
    expect(focused(el)).to.equal($(el, '[data-review="r2"] h4'));
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal($(el, '[data-review="r2"] [data-action="approve"]'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !ids(el).includes('r2'), 'r2 did not leave the queue');
    expect(focused(el)).to.equal($(el, '[data-review="r3"] h4'));
    // The reply form opens and sends from the keyboard too.
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal($(el, '[data-review="r3"] details.reply-form summary'));
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal($(el, '[data-review="r3"] textarea'));
    await sendKeys({ type: 'Sorry about the lid.' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '[data-review="r3"] [data-reply]'), 'the reply did not show');
    expect(state.moderated.at(-1)).to.deep.include({ id: 'r3', action: 'reply', body: { body: 'Sorry about the lid.' } });
  });

  it('the queue emptied: the focus goes to the status line, which says so', async () => {
    const only = sampleReviews().filter((r) => r.id === 'r3');
    collector(only);
    const el = await mount();
    $<HTMLButtonElement>(el, '[data-review="r3"] [data-action="approve"]')!.click();
    await waitUntil(() => ids(el).length === 0, 'r3 did not leave the queue');
    expect(focused(el)).to.equal($(el, '[data-reviews-status]'));
    await waitUntil(() => text($(el, '[data-reviews-status]')) === 'No reviews with this status.', 'the empty queue is said');
  });

  it('a refused token on a moderation shows the sign-in again, saying so', async () => {
    collector(undefined, () => HttpResponse.json({ error: 'authorization: the owner token is required' }, { status: 401 }));
    const el = await mount();
    $<HTMLButtonElement>(el, '[data-review="r1"] [data-action="approve"]')!.click();
    await waitUntil(() => $(el, '#token'), 'the sign-in did not show');
    expect(el.token).to.equal(undefined);
    expect(text($(el, '#token-problem'))).to.contain('did not accept this token');
    expect(focused(el)).to.equal($(el, '#token'));
  });

  it('a 400 from the collector is said at the review, which stays; the buttons work again', async () => {
    collector(undefined, (action) => (action === 'reject' ? HttpResponse.json({ error: 'reason: must be one of spam, offensive' }, { status: 400 }) : undefined));
    const el = await mount();
    const select = $<HTMLSelectElement>(el, '[data-review="r2"] select[name="reason"]')!;
    select.value = 'spam';
    const button = $<HTMLButtonElement>(el, '[data-review="r2"] [data-action="reject"]')!;
    button.focus();
    button.click();
    await waitUntil(() => problemOf(el, 'r2') !== '', 'the refusal is said');
    expect(problemOf(el, 'r2')).to.equal('Not saved: reason: must be one of spam, offensive');
    expect(ids(el)).to.deep.equal(['r1', 'r2', 'r3']);
    expect(button.getAttribute('aria-disabled')).to.equal('false');
    expect(announced(el)).to.equal('');
    // The keyboard focus stayed on the button.
    expect(focused(el)).to.equal(button);
  });

  it('a list the collector cannot give is said, with a way to try again', async () => {
    let fail = true;
    const { handlers } = reviewsHandlers(SRC);
    serveCollector(SRC, FROM, http.get(`${SRC}v1/reviews`, () => (fail ? HttpResponse.json({ error: 'status: pending, approved or rejected' }, { status: 400 }) : undefined)), ...handlers);
    const el = await fixture<ZmotDashboard>(html`<zmot-dashboard src=${SRC} from=${FROM} to=${TO} page="reviews"></zmot-dashboard>`);
    el.token = TOKEN;
    await waitUntil(() => text($(el, '[data-reviews-status]')).startsWith('The reviews'), 'the failure is said', { timeout: 5000 });
    expect(text($(el, '[data-reviews-status] .problem'))).to.equal('The reviews could not be loaded: status: pending, approved or rejected');
    fail = false;
    $$<HTMLButtonElement>(el, '[data-reviews-status] button').find((b) => text(b) === 'Try again')!.click();
    await waitUntil(() => ids(el).length === 3, 'the reviews after trying again');
  });

  it('hostile review text stays text: nothing parsed, nothing run', async () => {
    collector();
    const el = await mount();
    const body = $(el, '[data-review="r2"] .text')!;
    expect(body.textContent).to.equal(HOSTILE);
    expect(body.children).to.have.length(0);
    expect(body.dir).to.equal('auto');
    expect(text($(el, '[data-review="r2"] .author'))).to.equal('<b>Mallory</b>');
    expect($(el, '[data-review="r2"] b')).to.equal(null);
    expect(root(el).querySelector('img, script')).to.equal(null);
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
    expect(getComputedStyle($(el, '[data-review="r1"] .text')!).whiteSpace).to.equal('pre-wrap');
  });

  it('pages of 20: next and previous ask the collector for the offset', async () => {
    const many = Array.from({ length: 25 }, (_, i): ModeratedReview => ({
      ...sampleReviews()[2]!,
      id: `p${i}`,
      title: `Review ${i}`,
      date: new Date(Date.parse('2026-03-29T00:00:00Z') - i * 3_600_000).toISOString(),
    }));
    const state = collector(many);
    const el = await mount();
    expect(ids(el)).to.have.length(20);
    expect(text($(el, '[data-reviews-status]'))).to.equal('Reviews 1–20 of 25');
    const [previous, next] = $$<HTMLButtonElement>(el, 'nav.paging button');
    expect(text(previous)).to.equal('Previous page');
    expect(previous!.disabled).to.equal(true);
    next!.click();
    await waitUntil(() => ids(el).length === 5, 'the second page');
    expect(state.asked.at(-1)!.searchParams.get('offset')).to.equal('20');
    expect(text($(el, '[data-reviews-status]'))).to.equal('Reviews 21–25 of 25');
    expect(next!.disabled).to.equal(true);
    expect(focused(el)).to.equal($(el, '[data-review="p20"] h4'));
    previous!.click();
    await waitUntil(() => ids(el).length === 20, 'back to the first page');
    expect(state.asked.at(-1)!.searchParams.get('offset')).to.equal('0');
  });

  it('reads in German and in Arabic', async () => {
    collector();
    const de = await mount({ lang: 'de' });
    expect(text($(de, '#reviews-title'))).to.equal('Bewertungen und Moderation');
    expect([...$(de, '[data-review="r1"]')!.querySelectorAll('.labels li')].map(text)).to.deep.equal([
      'Verifizierter Kauf',
      'Eingeladen',
      'Mit Anreiz: 10 % off the next order',
    ]);
    expect(text($(de, '[data-review="r1"] [data-action="approve"]'))).to.equal('Freigeben');
    const ar = await mount({ lang: 'ar' });
    expect(text($(ar, '#reviews-title'))).to.equal('المراجعات والإشراف');
    expect(text($(ar, '[data-reviews-status]'))).to.equal('المراجعات 1–3 من 3');
  });
});

const COLLECTION: CollectionFunnel = {
  invitations: 200,
  viewed: 150,
  started: 60,
  submitted: 45,
  approved: 36,
  rejected: 6,
  byVerification: [
    { verification: 'none', count: 12, rating: 3.5 },
    { verification: 'purchase', count: 24, rating: 4.25 },
  ],
};

/** The collector's report, with the funnel in the current period; `events` per period (none: a site without widgets yet). */
function withCollection(collection: CollectionFunnel | undefined, events = { previous: PREVIOUS, current: CURRENT }): void {
  serveCollector(
    SRC,
    FROM,
    http.get(`${SRC}v1/metrics`, ({ request }) => {
      const url = new URL(request.url);
      const to = url.searchParams.get('to')!;
      const answer = report('acme', url.searchParams.get('from')!, to, to < FROM ? events.previous : events.current);
      return HttpResponse.json(collection && to >= FROM ? { ...answer, collection } : answer);
    }),
  );
}

describe('<zmot-dashboard>: the review-collection funnel', () => {
  const rows = (el: ZmotDashboard, table: string) =>
    $$(el, `table[data-table="${table}"] tbody tr`).map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => text(cell)));

  it('invitations → seen → started → submitted → approved, and rejected, with each step’s rate; the mean rating by verification', async () => {
    withCollection(COLLECTION);
    const el = await fixture<ZmotDashboard>(html`<zmot-dashboard src=${SRC} from=${FROM} to=${TO}></zmot-dashboard>`);
    el.token = TOKEN;
    await waitUntil(() => $(el, 'table[data-table="collection"]'), 'the collection funnel did not show', { timeout: 5000 });
    expect(text($(el, '#collection-title'))).to.equal('Review collection');
    expect($$(el, 'table[data-table="collection"] thead th').map(text)).to.deep.equal(['Step', 'Count', 'Of the step before']);
    expect(rows(el, 'collection')).to.deep.equal([
      ['Invitations created', '200', '–'],
      ['Review form seen', '150', '75%'],
      ['Review form started', '60', '40%'],
      ['Reviews submitted', '45', '75%'],
      ['Approved', '36', '80%'],
      ['Rejected', '6', '13.3%'],
    ]);
    expect(rows(el, 'verification')).to.deep.equal([
      ['Verified purchase', '24', '4.25'],
      ['Not verified', '12', '3.50'],
    ]);
    await expect(el).to.be.accessible();

    const button = $$<HTMLButtonElement>(el, 'button').find((b) => text(b) === 'Download CSV')!;
    setTimeout(() => button.click());
    const event = (await oneEvent(el, 'zmot-export')) as CustomEvent<ZmotExportDetail>;
    event.preventDefault();
    const prefix = `acme,${FROM},${TO},collection,`;
    const csv = event.detail.csv.split('\r\n').filter((l) => l.startsWith(prefix)).map((l) => l.slice(prefix.length));
    expect(csv).to.deep.equal([
      'invitations,count,200,',
      'invitations,ofPrevious,,',
      'viewed,count,150,',
      'viewed,ofPrevious,0.75,',
      'started,count,60,',
      'started,ofPrevious,0.4,',
      'submitted,count,45,',
      'submitted,ofPrevious,0.75,',
      'approved,count,36,',
      'approved,ofPrevious,0.8,',
      'rejected,count,6,',
      'rejected,ofPrevious,0.133333333,',
      'purchase,approved,24,',
      'purchase,rating,4.25,',
      'none,approved,12,',
      'none,rating,3.5,',
    ]);
  });

  it('in German; and absent when the site collects no reviews', async () => {
    withCollection(COLLECTION);
    const de = await fixture<ZmotDashboard>(html`<zmot-dashboard lang="de" src=${SRC} from=${FROM} to=${TO}></zmot-dashboard>`);
    de.token = TOKEN;
    await waitUntil(() => $(de, 'table[data-table="collection"]'), 'the collection funnel did not show', { timeout: 5000 });
    expect(text($(de, '#collection-title'))).to.equal('Bewertungen sammeln');
    expect(rows(de, 'collection')[5]).to.deep.equal(['Abgelehnt', '6', '13,3 %']);
    expect(rows(de, 'verification')[0]).to.deep.equal(['Verifizierter Kauf', '24', '4,25']);

    // Newer handlers answer first.
    withCollection(undefined);
    const none = await fixture<ZmotDashboard>(html`<zmot-dashboard src=${SRC} from=${FROM} to=${TO}></zmot-dashboard>`);
    none.token = TOKEN;
    await waitUntil(() => $(none, '[data-card="impressions"]'), 'the report did not show', { timeout: 5000 });
    expect($(none, '[data-section="collection"]')).to.equal(null);
  });

  it('a site with invitations but no widget events yet shows its funnel, not "No events yet"', async () => {
    withCollection({ ...COLLECTION, viewed: 0, started: 0 }, { previous: {}, current: {} });
    const el = await fixture<ZmotDashboard>(html`<zmot-dashboard src=${SRC} from=${FROM} to=${TO}></zmot-dashboard>`);
    el.token = TOKEN;
    await waitUntil(() => $(el, 'table[data-table="collection"]') || $(el, '[data-state="empty"]'), 'the report did not show', { timeout: 5000 });
    expect($(el, '[data-state="empty"]')).to.equal(null);
    expect(rows(el, 'collection')[0]).to.deep.equal(['Invitations created', '200', '–']);
  });
});
