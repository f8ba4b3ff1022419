import { expect } from '@open-wc/testing';
import { configure, readScriptConfig } from '../../src/config.js';
import {
  conversion,
  currentReferral,
  forget,
  LANDED_KEY,
  ORDERS_KEY,
  startAttribution,
  TOUCH_KEY,
} from '../../src/referral/attribution.js';
import { CODE_KEY, newCode, referralCode, referralLink } from '../../src/referral/code.js';
import type { ZmotEvent } from '../../src/telemetry/index.js';
import { captureWarnings } from '../support/elements.js';

const DAY = 86_400_000;
const events: ZmotEvent[] = [];
const record = (event: Event) => events.push((event as CustomEvent<ZmotEvent>).detail);
const ofType = <T extends ZmotEvent['type']>(type: T) => events.filter((e): e is Extract<ZmotEvent, { type: T }> => e.type === type);
const stored = (key: string, area: Storage = localStorage): unknown => JSON.parse(area.getItem(key) ?? 'null');

/** The test page's own address (the runner's session parameter included), restored after each test. */
const home = location.href;

/** Lands on this page with `?zmot_ref=code` (other parameters kept), as a visitor following a link would. */
function land(code: string, extra = ''): void {
  const url = new URL(home);
  url.searchParams.set('zmot_ref', code);
  history.replaceState({ kept: true }, '', url.href + extra);
  startAttribution();
}

/** A code no other test has used (landings are remembered per page). */
const fresh = () => newCode();

function privacySignal(on: boolean): void {
  if (on) Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
  else delete (navigator as unknown as Record<string, unknown>).globalPrivacyControl;
}

before(() => document.addEventListener('zmot-event', record));
beforeEach(() => {
  events.length = 0;
  configure({ consent: 'granted', attributionDays: 30, attribution: 'last', endpoint: undefined });
  forget();
});
afterEach(() => {
  history.replaceState(null, '', home);
  privacySignal(false);
});

describe('referral codes', () => {
  it('are 10 URL-safe characters carrying 50 random bits, never repeated', () => {
    const codes = new Set(Array.from({ length: 2000 }, newCode));
    expect(codes.size).to.equal(2000);
    for (const code of codes) expect(code).to.match(/^[0-9abcdefghjkmnpqrstvwxyz]{10}$/);
    // Every one of the 32 symbols turns up in every position: the bits are used evenly.
    for (let i = 0; i < 10; i++) expect(new Set([...codes].map((c) => c[i])).size).to.equal(32);
    expect(encodeURIComponent([...codes][0]!)).to.equal([...codes][0]);
  });

  it('one per visitor, kept in first-party storage', () => {
    const code = referralCode();
    expect(referralCode()).to.equal(code);
    expect(stored(CODE_KEY)).to.equal(code);
  });

  it('referralLink sets zmot_ref and keeps the other parameters and the fragment', () => {
    expect(referralLink('https://acme.example/p/sku-42?color=red#top', 'abc123defg')).to.equal(
      'https://acme.example/p/sku-42?color=red&zmot_ref=abc123defg#top',
    );
    expect(referralLink('https://acme.example/p?zmot_ref=someoneelse', 'abc123defg')).to.equal(
      'https://acme.example/p?zmot_ref=abc123defg',
    );
  });
});

describe('landing attribution', () => {
  it('sends referral_landing, strips zmot_ref from the address bar without a reload, and keeps the code', () => {
    const code = fresh();
    const before = Date.now();
    land(code, '#reviews');
    expect(ofType('referral_landing').map(({ ref, self, widget }) => ({ ref, self, widget }))).to.deep.equal([
      { ref: code, self: undefined, widget: undefined },
    ]);
    expect(location.href).to.equal(`${home}#reviews`);
    expect(history.state).to.deep.equal({ kept: true });
    const touch = stored(TOUCH_KEY) as { ref: string; ts: number };
    expect(touch.ref).to.equal(code);
    expect(touch.ts).to.be.within(before, Date.now());
    expect(currentReferral()?.ref).to.equal(code);
  });

  it('once per code per browser session', () => {
    const code = fresh();
    land(code);
    land(code);
    expect(ofType('referral_landing')).to.have.length(1);
    expect(stored(LANDED_KEY, sessionStorage)).to.include(code);
    const other = fresh();
    land(other);
    expect(ofType('referral_landing').map((e) => e.ref)).to.deep.equal([code, other]);
  });

  it('ignores a malformed code, but still takes it out of the address bar', () => {
    land('<script>');
    land('');
    expect(ofType('referral_landing')).to.have.length(0);
    expect(location.href).to.equal(home);
    expect(currentReferral()).to.equal(undefined);
  });

  it('a visitor landing on their own code is not a referral: self: true, nothing kept', () => {
    const own = referralCode();
    land(own);
    expect(ofType('referral_landing').map(({ ref, self }) => ({ ref, self }))).to.deep.equal([{ ref: own, self: true }]);
    expect(currentReferral()).to.equal(undefined);
    conversion({ orderId: `self-${own}` });
    expect(ofType('conversion')[0]).to.not.have.property('ref');
  });

  it('last touch by default: a later referral takes over', () => {
    const first = fresh();
    const second = fresh();
    land(first);
    land(second);
    expect(currentReferral()?.ref).to.equal(second);
  });

  it('first touch with data-attribution="first", until its window ends', () => {
    configure({ attribution: 'first' });
    const first = fresh();
    land(first);
    land(fresh());
    expect(currentReferral()?.ref).to.equal(first);
    localStorage.setItem(TOUCH_KEY, JSON.stringify({ ref: first, ts: Date.now() - 31 * DAY }));
    const later = fresh();
    land(later);
    expect(currentReferral()?.ref).to.equal(later);
  });

  it('with GPC on, the landing is still reported but nothing is stored', () => {
    privacySignal(true);
    const code = fresh();
    land(code);
    expect(ofType('referral_landing')).to.have.length(1);
    expect(localStorage.getItem(TOUCH_KEY)).to.equal(null);
    expect(sessionStorage.getItem(LANDED_KEY) ?? '').to.not.contain(code);
    expect(location.href).to.equal(home);
    // This page view still knows it.
    conversion({ orderId: `gpc-${code}` });
    expect(ofType('conversion')[0]!.ref).to.equal(code);
    expect(localStorage.getItem(ORDERS_KEY) ?? '').to.not.contain(`gpc-${code}`);
  });

  it('stores nothing while consent is pending, and forgets everything when it is withdrawn', () => {
    configure({ consent: 'pending' });
    land(fresh());
    referralCode();
    expect(localStorage.getItem(TOUCH_KEY)).to.equal(null);
    expect(localStorage.getItem(CODE_KEY)).to.equal(null);
    configure({ consent: 'granted' });
    referralCode();
    land(fresh());
    expect(localStorage.getItem(TOUCH_KEY)).to.not.equal(null);
    expect(localStorage.getItem(CODE_KEY)).to.not.equal(null);
    configure({ consent: 'denied' });
    expect(localStorage.getItem(TOUCH_KEY)).to.equal(null);
    expect(localStorage.getItem(CODE_KEY)).to.equal(null);
  });
});

describe('zmot.conversion()', () => {
  it('carries the referral code inside the attribution window (30 days by default)', () => {
    const code = fresh();
    land(code);
    conversion({ orderId: `A-${code}`, value: 49.9, currency: 'eur' });
    expect(ofType('conversion').map(({ order_id, ref, value, currency }) => ({ order_id, ref, value, currency }))).to.deep.equal([
      { order_id: `A-${code}`, ref: code, value: 49.9, currency: 'EUR' },
    ]);
    localStorage.setItem(TOUCH_KEY, JSON.stringify({ ref: code, ts: Date.now() - 29 * DAY }));
    conversion({ orderId: `B-${code}` });
    expect(ofType('conversion')[1]!.ref).to.equal(code);
    localStorage.setItem(TOUCH_KEY, JSON.stringify({ ref: code, ts: Date.now() - 31 * DAY }));
    conversion({ orderId: `C-${code}` });
    expect(ofType('conversion')[2]).to.not.have.property('ref');
    expect(localStorage.getItem(TOUCH_KEY)).to.equal(null); // expired and forgotten
  });

  it('follows data-attribution-days', () => {
    configure({ attributionDays: 60 });
    const code = fresh();
    localStorage.setItem(TOUCH_KEY, JSON.stringify({ ref: code, ts: Date.now() - 45 * DAY }));
    conversion({ orderId: `D-${code}` });
    expect(ofType('conversion')[0]!.ref).to.equal(code);
    configure({ attributionDays: 7 });
    localStorage.setItem(TOUCH_KEY, JSON.stringify({ ref: code, ts: Date.now() - 8 * DAY }));
    conversion({ orderId: `E-${code}` });
    expect(ofType('conversion')[1]).to.not.have.property('ref');
  });

  it('sends the same order id once per browser, even from another page view', async () => {
    const id = `order-${fresh()}`;
    conversion({ orderId: id, value: 10 });
    conversion({ orderId: id, value: 10 });
    expect(ofType('conversion')).to.have.length(1);
    expect(stored(ORDERS_KEY)).to.include(id);
    // Another page view: a fresh copy of the module, with nothing in memory, reads the stored ids.
    const copy = (await import(`../../src/referral/attribution.ts?page-view=${id}`)) as { conversion: typeof conversion };
    copy.conversion({ orderId: id });
    copy.conversion({ orderId: `${id}-2` });
    expect(ofType('conversion').map((e) => e.order_id)).to.deep.equal([id, `${id}-2`]);
  });

  it('takes numeric ids and strings for value; leaves out what the schema would refuse, with a warning', () => {
    const warnings = captureWarnings();
    try {
      const n = Math.floor(Math.random() * 1e9);
      conversion({ orderId: n, value: '19.99', currency: 'usd' });
      conversion({ orderId: `${n}-b`, value: -5, currency: 'euro' });
      conversion({ orderId: '  ' });
      conversion(undefined as unknown as { orderId: string });
      expect(ofType('conversion').map(({ order_id, value, currency }) => ({ order_id, value, currency }))).to.deep.equal([
        { order_id: String(n), value: 19.99, currency: 'USD' },
        { order_id: `${n}-b`, value: undefined, currency: undefined },
      ]);
      expect(warnings.messages.filter((m) => m.includes('left out'))).to.have.length(2);
      expect(warnings.messages.filter((m) => m.includes('orderId is required'))).to.have.length(2);
    } finally {
      warnings.restore();
    }
  });
});

describe('configuration', () => {
  it('reads data-attribution-days and data-attribution from the script tag', () => {
    const script = document.createElement('script');
    script.dataset.attributionDays = '14';
    script.dataset.attribution = 'first';
    expect(readScriptConfig(script)).to.include({ attributionDays: 14, attribution: 'first' });
    script.dataset.attributionDays = 'soon';
    script.dataset.attribution = 'middle';
    expect(readScriptConfig(script)).to.not.have.any.keys('attributionDays', 'attribution');
  });
});
