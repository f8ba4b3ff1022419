// <zmot-review-form>: the star radio group by keyboard, validation with its messages and focus, the live counts,
// the invitation token (read from the address, taken out of it, sent), the bot checks, the collector's answers
// (202, 400 naming a field, 429, no connection) with msw standing in for the collector, telemetry, and hostile text.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { configure } from '../../src/config.js';
import { clearFeedCache } from '../../src/feed/load.js';
import '../../src/entries/define.js';
import type { ZmotReviewForm } from '../../src/elements/review-form/review-form.js';
import { INVITE_KEY } from '../../src/elements/review-form/invitation.js';
import { HONEYPOT_FIELD, REVIEW_LIMITS } from '../../src/reviews/limits.js';
import type { ZmotEvent } from '../../src/telemetry/index.js';
import { captureWarnings } from '../support/elements.js';
import { startWorker, worker } from '../support/msw.js';

const COLLECTOR = 'https://collector.example/v1/reviews';
const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector);
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** Assertions name elements by these, never hold them: a failing comparison of DOM nodes stalls the runner. */
const who = (node: Element | null | undefined) => (node ? `${node.localName}${node.id ? `#${node.id}` : ''}${node instanceof HTMLInputElement && node.type === 'radio' ? `=${node.value}` : ''}` : 'nothing');
const star = (el: Element, n: number) => $<HTMLInputElement>(el, `input[name="rating"][value="${n}"]`)!;
const sendButton = (el: Element) => $<HTMLButtonElement>(el, 'button[type="submit"]')!;

/** Every `zmot-event` the page dispatches. */
const events: ZmotEvent[] = [];
const record = (event: Event) => events.push((event as CustomEvent<ZmotEvent>).detail);
const actions = () => events.flatMap((e) => (e.type === 'interaction' && e.widget === 'review-form' ? [e.action] : []));

/** A token as the collector makes them: base64url JSON payload, a dot, a signature (not checked by the form). */
function token(payload: object, signature = 'c2lnbmF0dXJl'): string {
  const bytes = new TextEncoder().encode(JSON.stringify(payload));
  const base64 = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${base64}.${signature}`;
}
const INVITE = { v: 1, s: 'demo', p: 'sku-42', i: 'inv-1', e: Date.now() + 86_400_000 };

/** The reviews the stand-in collector received, and how it answers each (in turn; the last one repeats). */
let received: Record<string, unknown>[] = [];
function collector(...answers: (() => Response)[]): void {
  let i = 0;
  worker.use(
    http.post(COLLECTOR, async ({ request }) => {
      received.push((await request.json()) as Record<string, unknown>);
      const answer = answers[Math.min(i++, answers.length - 1)]!;
      return answer();
    }),
  );
}
const accepted = () => HttpResponse.json({ id: 'rev-1', status: 'pending' }, { status: 202 });

async function mount(template: ReturnType<typeof html>): Promise<ZmotReviewForm> {
  const el = await fixture<ZmotReviewForm>(template);
  await el.updateComplete;
  return el;
}

/** Types into a field the way the browser reports it (value, then an `input` event). */
async function fill(el: ZmotReviewForm, id: string, value: string): Promise<void> {
  const field = $<HTMLInputElement | HTMLTextAreaElement>(el, `#${id}`)!;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

const BODY = 'Light, grippy and dry after every river crossing.';

/** A complete review: four stars, a title, the body, a name, consent. */
async function complete(el: ZmotReviewForm): Promise<void> {
  star(el, 4).click();
  await fill(el, 'title', 'Dry feet');
  await fill(el, 'body', BODY);
  await fill(el, 'name', 'Ana S.');
  $<HTMLInputElement>(el, '#consent')!.click();
  await el.updateComplete;
}

async function submit(el: ZmotReviewForm): Promise<void> {
  sendButton(el).click();
  await el.updateComplete;
}

/** The page's address as the test runner opened it, put back after each test. */
const address = location.href;

before(async () => {
  await startWorker();
  document.addEventListener('zmot-event', record);
});
beforeEach(() => {
  events.length = 0;
  received = [];
  clearFeedCache();
  configure({ feed: undefined, endpoint: undefined, site: 'demo', consent: 'granted' });
  sessionStorage.removeItem(INVITE_KEY);
});
afterEach(() => {
  worker.resetHandlers();
  history.replaceState(null, '', address);
});

describe('<zmot-review-form>: the rating', () => {
  it('is a radio group of five stars in a fieldset with a legend, each star named "n stars"', async () => {
    const el = await mount(html`<zmot-review-form product="sku-42" name="Trail Runner 2" action=${COLLECTOR}></zmot-review-form>`);
    expect(text($(el, '#heading'))).to.equal('Write a review of Trail Runner 2');
    expect($(el, 'form')!.getAttribute('aria-labelledby')).to.equal('heading');
    const fieldset = $(el, '[part~="rating"]')!;
    expect(fieldset.localName).to.equal('fieldset');
    expect(text(fieldset.querySelector('legend'))).to.equal('Your rating');
    const radios = [...fieldset.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((r) => `${r.value}: ${text(r.closest('label'))}`)).to.deep.equal(['1: 1 star', '2: 2 stars', '3: 3 stars', '4: 4 stars', '5: 5 stars']);
    expect(radios.every((r) => r.required && r.name === 'rating')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('is chosen with the keyboard: Tab into the group, arrows move and choose, Tab leaves it; stars fill up to the choice', async () => {
    const before = await fixture<HTMLButtonElement>(html`<div><button id="before">before</button><zmot-review-form product="sku-42" action=${COLLECTOR}></zmot-review-form></div>`);
    const el = before.querySelector('zmot-review-form')!;
    await el.updateComplete;
    before.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(who(root(el).activeElement)).to.equal(who(star(el, 1)));
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(star(el, 4).checked).to.equal(true);
    expect(who(root(el).activeElement)).to.equal(who(star(el, 4)));
    const filled = () => [...root(el).querySelectorAll('svg.star')].map((s) => s.classList.contains('on'));
    expect(filled()).to.deep.equal([true, true, true, true, false]);
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(star(el, 3).checked).to.equal(true);
    expect(filled()).to.deep.equal([true, true, true, false, false]);
    // The focus ring shows on the star beside the focused radio button.
    expect(getComputedStyle(star(el, 3).nextElementSibling!).outlineStyle).to.equal('solid');
    await sendKeys({ press: 'Tab' });
    expect(who(root(el).activeElement)).to.equal('input#title');
  });

  it('lays the stars out right to left in Arabic: the first star is rightmost', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="ar" dir="rtl"><zmot-review-form product="sku-42" action=${COLLECTOR}></zmot-review-form></div>`);
    const el = wrapper.firstElementChild as ZmotReviewForm;
    await el.updateComplete;
    await waitUntil(() => text($(el, 'legend')) === 'تقييمك', 'the Arabic messages load');
    const x = (n: number) => star(el, n).closest('label')!.getBoundingClientRect().left;
    expect(x(1)).to.be.greaterThan(x(5));
  });
});

describe('<zmot-review-form>: validation', () => {
  it('says what is missing by each field and in a summary, marks the fields invalid and focuses the first; nothing is sent', async () => {
    collector(accepted);
    const el = await mount(html`<zmot-review-form product="sku-42" action=${COLLECTOR}></zmot-review-form>`);
    await submit(el);
    expect([...root(el).querySelectorAll('[part~="errors"] li')].map((li) => text(li))).to.deep.equal([
      'Choose a rating from 1 to 5 stars.',
      'Write your review.',
      'Enter the name to show with your review.',
      'Agree to publication, or your review cannot be shown.',
    ]);
    expect(text($(el, '#rating-error'))).to.equal('Choose a rating from 1 to 5 stars.');
    expect($(el, '[part~="rating"]')!.getAttribute('aria-describedby')).to.equal('rating-error');
    expect(star(el, 1).getAttribute('aria-invalid')).to.equal('true');
    for (const [id, message] of [
      ['body', 'Write your review.'],
      ['name', 'Enter the name to show with your review.'],
      ['consent', 'Agree to publication, or your review cannot be shown.'],
    ] as const) {
      const field = $(el, `#${id}`)!;
      expect(field.getAttribute('aria-invalid'), id).to.equal('true');
      expect(field.getAttribute('aria-describedby')!.split(' '), id).to.include(`${id}-error`);
      expect(text($(el, `#${id}-error`)), id).to.equal(message);
    }
    expect($(el, '#title')!.hasAttribute('aria-invalid'), 'an optional field left empty is fine').to.equal(false);
    expect(who(root(el).activeElement)).to.equal(who(star(el, 1)));
    expect(received).to.have.length(0);
    expect(actions()).to.deep.equal(['invalid']);

    // A link in the summary takes the focus to its field.
    [...root(el).querySelectorAll<HTMLAnchorElement>('[part~="errors"] a')][2]!.click();
    expect(who(root(el).activeElement)).to.equal('input#name');
    // Each field's error goes as soon as it is corrected; the others stay until they are.
    await fill(el, 'name', 'Ana');
    expect($(el, '#name-error')).to.equal(null);
    expect($(el, '#name')!.hasAttribute('aria-invalid')).to.equal(false);
    expect(text($(el, '#body-error'))).to.equal('Write your review.');
    await expect(el).to.be.accessible();
  });

  it('asks for at least 20 characters of review, counting without the spaces around it', async () => {
    const el = await mount(html`<zmot-review-form product="sku-42" action=${COLLECTOR}></zmot-review-form>`);
    star(el, 5).click();
    await fill(el, 'body', `   ${'x'.repeat(REVIEW_LIMITS.bodyMin - 1)}   `);
    await submit(el);
    expect(text($(el, '#body-error'))).to.equal('Write at least 20 characters.');
    expect(who(root(el).activeElement)).to.equal('textarea#body');
    await fill(el, 'body', 'x'.repeat(REVIEW_LIMITS.bodyMin));
    expect($(el, '#body-error')).to.equal(null);
    expect($(el, '#body')!.getAttribute('maxlength')).to.equal(String(REVIEW_LIMITS.body));
    expect($(el, '#title')!.getAttribute('maxlength')).to.equal(String(REVIEW_LIMITS.title));
    expect($(el, '#name')!.getAttribute('maxlength')).to.equal(String(REVIEW_LIMITS.name));
  });
});

describe('<zmot-review-form>: the live count', () => {
  it('counts as one types, and announces politely only when the length crosses a limit', async () => {
    const el = await mount(html`<zmot-review-form product="sku-42" action=${COLLECTOR}></zmot-review-form>`);
    const live = $(el, '[role="status"]')!;
    expect(live.classList.contains('sr')).to.equal(true);
    const changes: string[] = [];
    new MutationObserver(() => changes.push(text(live))).observe(live, { childList: true, subtree: true, characterData: true });
    expect(text($(el, '#body-hint'))).to.equal('Between 20 and 5,000 characters.');
    expect($(el, '#body')!.getAttribute('aria-describedby')).to.equal('body-hint body-count');

    $(el, '#body')!.focus();
    await sendKeys({ type: 'Great shoes' });
    await el.updateComplete;
    expect(text($(el, '#body-count'))).to.equal('11 / 5,000');
    await sendKeys({ type: ' for wet trails' });
    await el.updateComplete;
    expect(text($(el, '#body-count'))).to.equal('26 / 5,000');
    await sendKeys({ type: ' and rocky paths.' });
    await el.updateComplete;
    expect(text($(el, '#body-count'))).to.equal('43 / 5,000');
    // 43 keys, one announcement: the review became long enough.
    expect(changes.filter(Boolean)).to.deep.equal(['Your review is long enough to send.']);

    await fill(el, 'body', 'x'.repeat(REVIEW_LIMITS.body - 60));
    expect(text(live)).to.equal('Characters left: 60');
    await fill(el, 'body', 'x'.repeat(REVIEW_LIMITS.body - 59));
    expect(text(live), 'not again on the next key').to.equal('Characters left: 60');
    await fill(el, 'body', 'x'.repeat(REVIEW_LIMITS.body));
    expect(text(live)).to.equal('Characters left: 0');
    await fill(el, 'body', 'Too short');
    expect(text(live)).to.equal('Characters still needed: 11');
    expect(text($(el, '#body-count'))).to.equal('9 / 5,000');
  });

  it('counts in the element’s language', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="de"><zmot-review-form product="sku-42" action=${COLLECTOR}></zmot-review-form></div>`);
    const el = wrapper.firstElementChild as ZmotReviewForm;
    await el.updateComplete;
    await fill(el, 'body', 'x'.repeat(1234));
    expect(text($(el, '#body-count'))).to.equal('1.234 / 5.000');
    expect(text($(el, '#body-hint'))).to.equal('Zwischen 20 und 5.000 Zeichen.');
  });
});

describe('<zmot-review-form>: sending', () => {
  it('sends the review as contract §8 has it, with the bot checks, then says it will be checked before it appears', async () => {
    collector(accepted);
    const el = await mount(html`<zmot-review-form product="sku-42" action=${COLLECTOR}></zmot-review-form>`);
    await complete(el);
    const honeypot = $<HTMLInputElement>(el, `[name="${HONEYPOT_FIELD}"]`)!;
    expect([honeypot.tabIndex, honeypot.autocomplete, honeypot.closest('[aria-hidden="true"]') !== null]).to.deep.equal([-1, 'off', true]);
    expect(honeypot.checkVisibility({ opacityProperty: true }), 'people never see it').to.equal(false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await submit(el);
    await waitUntil(() => $(el, '[part~="success"]'), 'the thanks show');
    expect(received).to.have.length(1);
    const { elapsed, ...review } = received[0]!;
    expect(review).to.deep.equal({
      site: 'demo',
      product: 'sku-42',
      rating: 4,
      title: 'Dry feet',
      body: BODY,
      author: { name: 'Ana S.' },
      lang: 'en',
      consent: true,
      website: '',
    });
    expect(elapsed).to.be.a('number').and.to.be.at.least(300);
    const success = $(el, '[part~="success"]')!;
    expect(text(success)).to.equal(
      'Thank you! Your review has been sent. Every review is checked before it is published: yours will appear once it is approved.',
    );
    expect(who(root(el).activeElement)).to.equal(who(success));
    expect($(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('sends what a bot put in the field people never see, and the milliseconds since the form appeared', async () => {
    collector(accepted);
    const el = await mount(html`<zmot-review-form product="sku-42" action=${COLLECTOR}></zmot-review-form>`);
    await complete(el);
    $<HTMLInputElement>(el, `[name="${HONEYPOT_FIELD}"]`)!.value = 'https://spam.example';
    await submit(el);
    await waitUntil(() => received.length === 1, 'the review is sent');
    expect(received[0]!.website).to.equal('https://spam.example');
    expect(received[0]!.elapsed).to.be.a('number').and.to.be.below(REVIEW_LIMITS.body);
  });

  it('with b2b asks for the job title and company and sends them with the name; the language is the element’s, or the one chosen', async () => {
    collector(accepted);
    const plain = await mount(html`<zmot-review-form product="sku-42" action=${COLLECTOR}></zmot-review-form>`);
    expect([$(plain, '#role'), $(plain, '#company')]).to.deep.equal([null, null]);
    const wrapper = await fixture<HTMLElement>(html`<div lang="de-AT"><zmot-review-form b2b product="sku-42" action=${COLLECTOR}></zmot-review-form></div>`);
    const el = wrapper.firstElementChild as ZmotReviewForm;
    await el.updateComplete;
    const select = $<HTMLSelectElement>(el, '#lang')!;
    expect(select.value).to.equal('de');
    expect([...select.options].map((o) => `${o.value}:${o.lang}:${o.textContent}`)).to.deep.equal([
      'en:en:English',
      'da:da:Dansk',
      'nl:nl:Nederlands',
      'de:de:Deutsch',
      'fr:fr:Français',
      'es:es:Español',
      'it:it:Italiano',
      'pt:pt:Português',
      'sv:sv:Svenska',
      'pl:pl:Polski',
      'ja:ja:日本語',
      'ar:ar:العربية',
    ]);
    expect(text(root(el).querySelector('label[for="role"]'))).to.equal('Position (optional)');
    await complete(el);
    await fill(el, 'role', 'Head of IT');
    await fill(el, 'company', 'Northwind');
    select.value = 'en';
    select.dispatchEvent(new Event('input', { bubbles: true }));
    await submit(el);
    await waitUntil(() => received.length === 1, 'the review is sent');
    expect(received[0]!.author).to.deep.equal({ name: 'Ana S.', role: 'Head of IT', company: 'Northwind' });
    expect(received[0]!.lang).to.equal('en');
  });

  it('sends to /v1/reviews beside the events endpoint when it has no action', async () => {
    configure({ consent: 'denied' });
    try {
      const el = await mount(html`<zmot-review-form product="sku-42" endpoint="https://c.example/v1/events"></zmot-review-form>`);
      expect(el.reviewsUrl).to.equal('https://c.example/v1/reviews');
      configure({ endpoint: 'https://other.example/collect/v1/events?x=1' });
      el.endpoint = undefined;
      expect(el.reviewsUrl).to.equal('https://other.example/collect/v1/reviews');
      el.action = '/reviews-here';
      expect(el.reviewsUrl).to.equal(new URL('/reviews-here', location.href).href);
    } finally {
      configure({ consent: 'granted', endpoint: undefined });
    }
  });

  it('without a place to send to, says it could not send and warns the developer once per try', async () => {
    const el = await mount(html`<zmot-review-form product="sku-42"></zmot-review-form>`);
    await complete(el);
    const warnings = captureWarnings();
    try {
      await submit(el);
    } finally {
      warnings.restore();
    }
    expect(text($(el, '[part~="status"]'))).to.equal('Your review could not be sent. Everything you wrote is kept: please try again later.');
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.contain('without data-endpoint or action');
  });
});

describe('<zmot-review-form>: the collector’s answers', () => {
  it('puts a 400 on the field it names, focuses it and keeps everything', async () => {
    collector(() => HttpResponse.json({ error: 'title: must be at most 120 characters' }, { status: 400 }));
    const el = await mount(html`<zmot-review-form product="sku-42" action=${COLLECTOR}></zmot-review-form>`);
    await complete(el);
    await submit(el);
    await waitUntil(() => $(el, '#title-error'), 'the error shows on the title');
    expect(text($(el, '#title-error'))).to.equal('Please check this field.');
    expect($(el, '#title')!.getAttribute('aria-invalid')).to.equal('true');
    expect(who(root(el).activeElement)).to.equal('input#title');
    expect(text($(el, '[part~="errors"] li'))).to.equal('Please check this field.');
    expect($<HTMLTextAreaElement>(el, '#body')!.value).to.equal(BODY);
    expect(actions(), 'the collector’s refusal is no client-side "invalid"').to.deep.equal(['start']);
  });

  it('maps the author’s name and consent as the collector names them', async () => {
    collector(
      () => HttpResponse.json({ error: 'author.name: required' }, { status: 400 }),
      () => HttpResponse.json({ error: 'consent: must be true' }, { status: 400 }),
    );
    const el = await mount(html`<zmot-review-form product="sku-42" action=${COLLECTOR}></zmot-review-form>`);
    await complete(el);
    await submit(el);
    await waitUntil(() => $(el, '#name-error'), 'the error shows on the name');
    expect(who(root(el).activeElement)).to.equal('input#name');
    await submit(el);
    await waitUntil(() => $(el, '#consent-error'), 'the error shows on the consent');
    expect(text($(el, '#consent-error'))).to.equal('Please check this field.');
  });

  it('on 429 keeps every word, says when to try again (Retry-After), and a retry then goes through', async () => {
    collector(() => new HttpResponse(JSON.stringify({ error: 'too many reviews' }), { status: 429, headers: { 'retry-after': '120', 'content-type': 'application/json' } }), accepted);
    const el = await mount(html`<zmot-review-form product="sku-42" action=${COLLECTOR}></zmot-review-form>`);
    await complete(el);
    await submit(el);
    await waitUntil(() => text($(el, '[part~="status"]')), 'the problem shows');
    expect(text($(el, '[part~="status"]'))).to.equal(
      'Too many reviews were sent from here. Everything you wrote is kept: please send it again in 2 minutes.',
    );
    expect($(el, '[part~="status"]')!.getAttribute('role')).to.equal('alert');
    expect([$<HTMLInputElement>(el, '#title')!.value, $<HTMLTextAreaElement>(el, '#body')!.value, $<HTMLInputElement>(el, '#name')!.value]).to.deep.equal(['Dry feet', BODY, 'Ana S.']);
    expect([star(el, 4).checked, $<HTMLInputElement>(el, '#consent')!.checked]).to.deep.equal([true, true]);
    await submit(el);
    await waitUntil(() => $(el, '[part~="success"]'), 'the retry goes through');
    expect(received.map((r) => r.body)).to.deep.equal([BODY, BODY]);
  });

  it('without a connection keeps every word and says so; a retry works', async () => {
    collector(() => HttpResponse.error(), accepted);
    const el = await mount(html`<zmot-review-form product="sku-42" action=${COLLECTOR}></zmot-review-form>`);
    await complete(el);
    await submit(el);
    await waitUntil(() => text($(el, '[part~="status"]')), 'the problem shows');
    expect(text($(el, '[part~="status"]'))).to.equal(
      'Your review could not be sent: check your connection and try again. Everything you wrote is kept.',
    );
    expect($<HTMLTextAreaElement>(el, '#body')!.value).to.equal(BODY);
    await submit(el);
    await waitUntil(() => $(el, '[part~="success"]'), 'the retry goes through');
  });

  it('on a server error keeps every word and warns the developer with the collector’s words', async () => {
    collector(() => HttpResponse.json({ error: 'site: unknown' }, { status: 400 }));
    const el = await mount(html`<zmot-review-form product="sku-42" action=${COLLECTOR}></zmot-review-form>`);
    await complete(el);
    const warnings = captureWarnings();
    try {
      await submit(el);
      await waitUntil(() => text($(el, '[part~="status"]')), 'the problem shows');
    } finally {
      warnings.restore();
    }
    expect(text($(el, '[part~="status"]'))).to.equal('Your review could not be sent. Everything you wrote is kept: please try again later.');
    expect(warnings.messages.join()).to.contain('site: unknown');
    expect($<HTMLTextAreaElement>(el, '#body')!.value).to.equal(BODY);
  });
});

describe('<zmot-review-form>: the invitation', () => {
  it('reads the token from the fragment, takes it out of the address, says what it claims and sends it', async () => {
    collector(accepted);
    const invite = token({ ...INVITE, n: 'a €10 voucher' });
    history.replaceState(null, '', `${address.split('#')[0]}#reviews&zmot-invite=${invite}`);
    const el = await mount(html`<zmot-review-form action=${COLLECTOR}></zmot-review-form>`);
    expect(location.href, 'the token is out of the address; the rest of the fragment stays').to.equal(`${address.split('#')[0]}#reviews`);
    expect(text($(el, '[part~="invitation"]'))).to.equal(
      'You were invited to write this review after your order. Once the invitation is checked, your review will be marked as a verified purchase.',
    );
    expect(text($(el, '[part~="incentive"]'))).to.equal('You were offered a €10 voucher for writing a review. Your review will say so publicly.');
    expect(el.reviewProduct, 'the product the invitation names, without a product attribute').to.equal('sku-42');
    await complete(el);
    await submit(el);
    await waitUntil(() => received.length === 1, 'the review is sent');
    expect([received[0]!.token, received[0]!.product]).to.deep.equal([invite, 'sku-42']);
    // Used up: a review sent forgets the token this tab kept.
    await waitUntil(() => $(el, '[part~="success"]'));
    expect(sessionStorage.getItem(INVITE_KEY)).to.equal(null);
  });

  it('reads ?zmot-invite= too, keeps the rest of the query, and keeps the token for this tab across a reload', async () => {
    const invite = token(INVITE);
    const url = new URL(address);
    url.searchParams.set('zmot-invite', invite);
    url.searchParams.set('utm_source', 'email');
    history.replaceState(null, '', url.href);
    const el = await mount(html`<zmot-review-form product="sku-42" action=${COLLECTOR}></zmot-review-form>`);
    const now = new URL(location.href);
    expect(now.searchParams.has('zmot-invite')).to.equal(false);
    expect(now.searchParams.get('utm_source')).to.equal('email');
    expect($(el, '[part~="incentive"]'), 'no incentive offered, none disclosed').to.equal(null);
    expect(sessionStorage.getItem(INVITE_KEY)).to.equal(invite);
    // The address is clean now; a form mounted later (a reload) still has the invitation.
    const again = await mount(html`<zmot-review-form product="sku-42" action=${COLLECTOR}></zmot-review-form>`);
    expect(text($(again, '[part~="invitation"]'))).to.contain('verified purchase');
  });

  it('ignores a token that is not one, and takes it out of the address all the same', async () => {
    history.replaceState(null, '', `${address.split('#')[0]}#zmot-invite=not-a-token`);
    const el = await mount(html`<zmot-review-form product="sku-42" action=${COLLECTOR}></zmot-review-form>`);
    expect(location.hash).to.equal('');
    expect($(el, '[part~="invitation"]')).to.equal(null);
    history.replaceState(null, '', `${address.split('#')[0]}#zmot-invite=${token({ v: 2, p: 'x' })}`);
    const other = await mount(html`<zmot-review-form product="sku-42" action=${COLLECTOR}></zmot-review-form>`);
    expect($(other, '[part~="invitation"]')).to.equal(null);
  });
});

describe('<zmot-review-form>: telemetry', () => {
  it('reports render and impression as review-form, start on the first input only, invalid, and submit after the 202', async () => {
    collector(accepted);
    const el = await mount(html`<zmot-review-form product="sku-42" action=${COLLECTOR}></zmot-review-form>`);
    expect(events.filter((e) => e.widget === 'review-form').map((e) => `${e.type} ${e.product}`)).to.deep.equal(['render sku-42']);
    await waitUntil(() => events.some((e) => e.type === 'impression' && e.widget === 'review-form'), 'an impression', { timeout: 5000 });
    star(el, 5).click();
    await fill(el, 'body', 'Short');
    await submit(el);
    expect(actions()).to.deep.equal(['start', 'invalid']);
    await complete(el);
    await submit(el);
    await waitUntil(() => actions().includes('submit'), 'submit is reported');
    expect(actions()).to.deep.equal(['start', 'invalid', 'submit']);
  });

  it('reports no submit when the collector refuses the review', async () => {
    collector(() => HttpResponse.json({ error: 'too many' }, { status: 429 }));
    const el = await mount(html`<zmot-review-form product="sku-42" action=${COLLECTOR}></zmot-review-form>`);
    await complete(el);
    await submit(el);
    await waitUntil(() => text($(el, '[part~="status"]')), 'the problem shows');
    expect(text($(el, '[part~="status"]'))).to.contain('in 1 minute');
    expect(actions()).to.deep.equal(['start']);
  });
});

describe('<zmot-review-form>: hostile text', () => {
  it('shows a product name from the feed and an incentive from the token as text, never as markup', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    history.replaceState(null, '', `${address.split('#')[0]}#zmot-invite=${token({ ...INVITE, n: `<script>window.__pwned=1</script>${hostile}` })}`);
    const feed = { product: { id: 'sku-42', name: hostile }, reviews: [] };
    const el = await mount(html`<zmot-review-form product="sku-42" .data=${feed} action=${COLLECTOR}></zmot-review-form>`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(text($(el, '#heading'))).to.equal(`Write a review of ${hostile}`);
    expect(text($(el, '[part~="incentive"]'))).to.contain('<script>window.__pwned=1</script>');
    expect(root(el).querySelectorAll('img, script').length).to.equal(0);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('never throws into the page: a broken token, storage refused, a collector answering nonsense', async () => {
    collector(() => new HttpResponse('<html>oops</html>', { status: 500, headers: { 'content-type': 'text/html' } }));
    history.replaceState(null, '', `${address.split('#')[0]}#zmot-invite=${'A'.repeat(600)}.x`);
    const storage = Object.getOwnPropertyDescriptor(window, 'sessionStorage')!;
    Object.defineProperty(window, 'sessionStorage', { configurable: true, get: () => { throw new Error('refused'); } });
    const warnings = captureWarnings();
    try {
      const el = await mount(html`<zmot-review-form product="sku-42" action=${COLLECTOR}></zmot-review-form>`);
      expect($(el, '[part~="invitation"]')).to.equal(null);
      await complete(el);
      await submit(el);
      await waitUntil(() => text($(el, '[part~="status"]')), 'the problem shows');
      expect(text($(el, '[part~="status"]'))).to.contain('could not be sent');
    } finally {
      Object.defineProperty(window, 'sessionStorage', storage);
      warnings.restore();
    }
  });
});
