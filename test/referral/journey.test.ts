// The whole referral journey in Chromium: a promoter answers 10, copies their link, a friend opens it in
// their own browser, lands (referral_landing) and buys (conversion with the promoter's code).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/entries/define.js';
import type { ZmotRecommend } from '../../src/elements/recommend/recommend.js';
import { ANSWERED_KEY } from '../../src/elements/recommend/recommend.js';
import { forget } from '../../src/referral/attribution.js';
import type { Envelope, ZmotEvent } from '../../src/telemetry/schema.js';

interface Visit {
  url: string;
  events: ZmotEvent[];
  batches: Envelope[];
  results: unknown[];
}

const visit = (payload: { url: string; localStorage?: Record<string, string>; endpoint?: string; scripts?: string[] }) =>
  executeServerCommand<Visit, typeof payload>('visit', payload);

const landing = new URL('/test/referral/landing.html', location.href).href;
const feed = { product: { id: 'shoe-7', name: 'Trail Runner 2', url: landing }, reviews: [] };
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const buy = (orderId: string) => `zmot.conversion({ orderId: '${orderId}', value: 120, currency: 'EUR' }), zmot.flush()`;

before(() => executeServerCommand('grant-permissions', { permissions: ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write'] }));
beforeEach(() => {
  forget();
  localStorage.removeItem(ANSWERED_KEY);
});

describe('the referral journey', function () {
  // Each case starts a second browser for the friend: generous on a loaded 2-core machine.
  this.timeout(30000);

  it('answer 10 → share panel → copy → a friend opens the link → referral_landing → conversion with the code', async () => {
    const shares: ZmotEvent[] = [];
    document.addEventListener('zmot-event', (e) => shares.push(e.detail));
    const el = await fixture<ZmotRecommend>(html`<zmot-recommend product="shoe-7" .data=${feed}></zmot-recommend>`);
    const shadow = el.shadowRoot!;

    // The promoter answers with the keyboard: into the scale, Left wraps from 0 to 10, Enter sends.
    shadow.querySelector<HTMLInputElement>('input[value="0"]')!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(shares.filter((e) => e.type === 'nps').map((e) => (e as { score: number }).score)).to.deep.equal([10]);
    expect(text(shadow.querySelector('[part~="heading"]'))).to.contain('Share your personal link');

    // Copy the link (a real key press on the button).
    await navigator.clipboard.writeText('');
    [...shadow.querySelectorAll('button')].find((b) => text(b) === 'Copy link')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(shadow.querySelector('[part~="status"]')) === 'Link copied', 'no confirmation');
    const link = await navigator.clipboard.readText();
    const code = new URL(link).searchParams.get('zmot_ref')!;
    expect(link).to.equal(`${landing}?zmot_ref=${code}`);
    expect(code).to.match(/^[0-9a-z]{10}$/);
    expect(shares.filter((e) => e.type === 'share').map((e) => [(e as { channel: string }).channel, (e as { ref: string }).ref])).to.deep.equal([
      ['copy', code],
    ]);

    // A friend opens it in their own browser (fresh storage), and buys.
    const friend = await visit({ url: link, endpoint: '/z/v1/events', scripts: [buy('A-1001'), buy('A-1001')] });
    expect(friend.url).to.equal(landing); // zmot_ref taken out of the address bar
    const landed = friend.events.filter((e) => e.type === 'referral_landing');
    expect(landed.map((e) => ({ ref: e.ref, self: e.self, url: e.url }))).to.deep.equal([{ ref: code, self: undefined, url: landing }]);
    const bought = friend.events.filter((e) => e.type === 'conversion');
    expect(bought.map((e) => ({ order_id: e.order_id, ref: e.ref, value: e.value, currency: e.currency }))).to.deep.equal([
      { order_id: 'A-1001', ref: code, value: 120, currency: 'EUR' }, // the same order twice: sent once
    ]);
    // And that is what reached the endpoint.
    const sent = friend.batches.flatMap((batch) => batch.events.map((e) => ({ site: batch.site, type: e.type, ref: 'ref' in e ? e.ref : undefined })));
    expect(sent).to.deep.include.members([
      { site: 'acme', type: 'referral_landing', ref: code },
      { site: 'acme', type: 'conversion', ref: code },
    ]);
  });

  it('the promoter opening their own link is not a referral: self: true, and their order carries no code', async () => {
    const el = await fixture<ZmotRecommend>(html`<zmot-recommend ask="share" .data=${feed}></zmot-recommend>`);
    const field = el.shadowRoot!.querySelector('[part~="link"]') as HTMLInputElement;
    const link = field.value;
    const code = new URL(link).searchParams.get('zmot_ref');
    // Showing the link stores nothing; picking it to copy keeps the code as theirs.
    expect(localStorage.getItem('zmot:ref')).to.equal(null);
    field.focus();
    // The promoter's browser: their code in its storage (a copy, so the drop-in page does not run in the
    // test runner's own browser context, where other test files keep their outboxes).
    const own = await visit({ url: link, localStorage: { 'zmot:ref': localStorage.getItem('zmot:ref')! }, scripts: [buy(`B-${code}`)] });
    expect(own.events.filter((e) => e.type === 'referral_landing').map((e) => ({ ref: e.ref, self: e.self }))).to.deep.equal([
      { ref: code, self: true },
    ]);
    const [order] = own.events.filter((e) => e.type === 'conversion');
    expect(order).to.include({ order_id: `B-${code}` }).and.not.have.property('ref');
  });

  it('a friend who comes back later in the window still converts with the code; the same order is not sent twice', async () => {
    const el = await fixture<ZmotRecommend>(html`<zmot-recommend ask="share" .data=${feed}></zmot-recommend>`);
    const link = (el.shadowRoot!.querySelector('[part~="link"]') as HTMLInputElement).value;
    const code = new URL(link).searchParams.get('zmot_ref')!;
    // One browser for the friend: land through the link, then come back without it and buy twice on two page views.
    const friend = await visit({
      url: link,
      scripts: [
        `(async () => {
          const later = window.open(${JSON.stringify(landing)});
          await new Promise((resolve) => later.addEventListener('load', resolve));
          await new Promise((resolve) => setTimeout(resolve, 100));
          const seen = [];
          later.document.addEventListener('zmot-event', (e) => seen.push(e.detail));
          later.zmot.conversion({ orderId: 'C-1' });
          const again = window.open(${JSON.stringify(landing)});
          await new Promise((resolve) => again.addEventListener('load', resolve));
          await new Promise((resolve) => setTimeout(resolve, 100));
          again.document.addEventListener('zmot-event', (e) => seen.push(e.detail));
          again.zmot.conversion({ orderId: 'C-1' });
          later.close(); again.close();
          return seen;
        })()`,
      ],
    });
    const seen = friend.results[0] as ZmotEvent[];
    expect(seen.map((e) => [e.type, 'ref' in e ? e.ref : undefined])).to.deep.equal([['conversion', code]]);
  });
});
