import { expect, fixture, html } from '@open-wc/testing';
import { readScriptConfig, configure } from '../../src/config.js';
import { LitElement } from 'lit';
import { TelemetryController } from '../../src/elements/core/telemetry-controller.js';
import { CAPS } from '../../src/telemetry/event.js';
import { flush, track } from '../../src/telemetry/index.js';
import { EVENT_TYPES, LIMITS, validateEnvelope, type ZmotEvent } from '../../src/telemetry/schema.js';
import { startWorker, worker } from '../support/msw.js';
import { captureWarnings, endpoint, freshTelemetry } from './helpers.js';

/** A widget as every zmot element is one: a Lit element with a TelemetryController. */
class TestThing extends LitElement {
  product?: string;
  readonly telemetry = new TelemetryController(this, 'thing');
}
customElements.define('test-thing', TestThing);

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

before(startWorker);
beforeEach(freshTelemetry);
afterEach(() => worker.resetHandlers());

describe('telemetry: the event model', () => {
  it('gives every event a UUIDv7 id that sorts in the order events were made and encodes their time', async () => {
    const ep = endpoint();
    const made: ZmotEvent[] = [];
    for (let i = 0; i < 300; i++) made.push(track(document.body, { type: 'interaction', action: `a${i}` })!);
    await flush();
    const ids = made.map((e) => e.id);
    for (const id of ids) expect(id).to.match(UUID_V7);
    expect(new Set(ids).size).to.equal(300);
    expect([...ids].sort()).to.deep.equal(ids);
    const ms = parseInt(ids[0]!.replace(/-/g, '').slice(0, 12), 16);
    expect(Math.abs(ms - made[0]!.ts)).to.be.at.most(2);
    expect(ep.events().map((e) => e.id).sort()).to.deep.equal(ids);
  });

  it('fills the page view, time and URL; the URL has no query string or fragment', async () => {
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}?email=ana%40example.com&utm_source=x#reviews`);
    try {
      const start = Date.now();
      const a = track(document.body, { type: 'render' })!;
      const b = track(document.body, { type: 'impression' })!;
      expect(a.url).to.equal(location.origin + location.pathname);
      expect(a.url).not.to.contain('?').and.not.to.contain('#');
      expect(a.pv).to.match(UUID_V7);
      expect(b.pv).to.equal(a.pv);
      expect(a.ts).to.be.within(start, Date.now());
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('strips a user name and password from the URL (a page opened as https://user:pass@…)', async () => {
    const { pageUrl } = await import('../../src/telemetry/page.js');
    expect(pageUrl('https://ana:s3cret@acme.example/p/sku-42?x=1#top')).to.equal('https://acme.example/p/sku-42');
    expect(pageUrl('http://ana@acme.example:8080/')).to.equal('http://acme.example:8080/');
    expect(pageUrl('https://acme.example/@ana/p?u=a@b')).to.equal('https://acme.example/@ana/p', 'an @ in the path stays');
    const url = pageUrl('https://u:p@acme.example/p');
    const envelope = { v: 1, site: 'acme', sent: Date.now(), events: [{ id: crypto.randomUUID(), type: 'render', ts: Date.now(), pv: 'pv', url }] };
    expect(validateEnvelope(envelope).ok).to.equal(true);
  });

  it('takes widget and product from the element (its telemetry name and product); given ones win', async () => {
    const el = await fixture<TestThing>(html`<test-thing></test-thing>`);
    el.product = 'sku-42';
    expect(track(el, { type: 'render' })).to.include({ widget: 'thing', product: 'sku-42' });
    expect(track(el, { type: 'render', widget: 'other', product: 'p-1' })).to.include({ widget: 'other', product: 'p-1' });
    const plain = track(document.body, { type: 'render' })!;
    expect(plain).not.to.have.property('widget');
    expect(plain).not.to.have.property('product');
  });

  it('carries only the contract’s fields: nothing about the visitor', async () => {
    const ep = endpoint();
    track(document.body, { type: 'nps', score: 9, comment: 'Great' });
    track(document.body, { type: 'share', channel: 'copy', ref: 'ab12cd' });
    track(document.body, { type: 'conversion', order_id: 'o-1', value: 12.5, currency: 'EUR' });
    await flush();
    const allowed = new Set(['id', 'type', 'ts', 'pv', 'url', 'widget', 'product', 'action', 'score', 'comment', 'channel', 'ref', 'order_id', 'value', 'currency', 'message', 'self']);
    for (const event of ep.events()) for (const key of Object.keys(event)) expect(allowed, key).to.include(key);
    const body = ep.requests.map((r) => r.body).join();
    expect(body).not.to.contain(navigator.userAgent);
    expect(body).not.to.contain('referrer');
  });

  it('cuts strings to the schema’s caps and leaves out bad fields, so one event never spoils a batch', async () => {
    const ep = endpoint();
    const warnings = captureWarnings();
    try {
      track(document.body, { type: 'interaction', action: 'x'.repeat(500), product: 'p'.repeat(300) });
      // A number where the schema wants a string is left out; the event then lacks its order id.
      track(document.body, { type: 'conversion', order_id: 42 as unknown as string, ref: '' });
      track(document.body, { type: 'error', message: 'm'.repeat(5000) });
      await flush();
    } finally {
      warnings.restore();
    }
    expect(warnings.messages).to.deep.equal(['zmot: invalid conversion event not recorded']);
    const [interaction, error] = ep.events();
    expect(interaction!).to.include({ action: 'x'.repeat(64), product: 'p'.repeat(128) });
    expect(error!.type === 'error' && error!.message.length).to.equal(500);
  });

  it('does not record an event the schema would refuse, and says so once', async () => {
    const ep = endpoint();
    const warnings = captureWarnings();
    try {
      expect(track(document.body, { type: 'nps', score: 11 })).to.equal(undefined);
      expect(track(document.body, { type: 'nps', score: 7.5 })).to.equal(undefined);
      expect(track(document.body, { type: 'share', channel: 'copy' } as never)).to.equal(undefined);
      expect(track(document.body, { type: 'pageview' } as never)).to.equal(undefined);
      track(document.body, { type: 'nps', score: 10 });
      await flush();
    } finally {
      warnings.restore();
    }
    expect(ep.events().map((e) => e.type)).to.deep.equal(['nps']);
    expect(warnings.messages.filter((m) => m.includes('nps'))).to.have.length(1);
  });

  it('caps every field the schema limits, and knows every event type', () => {
    const { site: _site, ...fields } = LIMITS;
    for (const [field, cap] of Object.entries(fields)) expect(CAPS[field], field).to.equal(cap);
    for (const type of EVENT_TYPES) {
      const needs = { interaction: { action: 'a' }, nps: { score: 1 }, share: { channel: 'c', ref: 'r' }, referral_landing: { ref: 'r' }, conversion: { order_id: 'o' }, error: { message: 'm' }, assignment: { arm: 'shown' } } as Record<string, object>;
      const event = track(document.body, { type, ...needs[type] } as never);
      expect(event, type).not.to.equal(undefined);
      expect(validateEnvelope({ v: 1, site: 'acme', sent: Date.now(), events: [event] }).ok, type).to.equal(true);
    }
  });

  it('dispatches every event as a zmot-event that bubbles out of shadow roots, with the event as detail', async () => {
    const ep = endpoint();
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const inner = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('span'));
    const heard: CustomEvent<ZmotEvent>[] = [];
    const listener = (e: CustomEvent<ZmotEvent>) => heard.push(e);
    document.addEventListener('zmot-event', listener);
    try {
      track(inner, { type: 'interaction', action: 'sort' });
      await flush();
    } finally {
      document.removeEventListener('zmot-event', listener);
    }
    expect(heard).to.have.length(1);
    expect(heard[0]!.bubbles && heard[0]!.composed).to.equal(true);
    expect(heard[0]!.detail).to.deep.equal(ep.events()[0]);
    // The page's copy is its own: changing it does not change what is sent.
    (heard[0]!.detail as { action: string }).action = 'changed';
    expect(ep.events()[0]).to.include({ action: 'sort' });
  });

  it('with data-datalayer, pushes every event onto the tag manager’s array (default name dataLayer)', () => {
    const page = window as unknown as Record<string, unknown[] | undefined>;
    delete page.dataLayer;
    configure({ dataLayer: 'dataLayer' });
    const event = track(document.body, { type: 'interaction', action: 'filter' })!;
    expect(page.dataLayer).to.deep.equal([{ event: 'zmot_interaction', zmot: event }]);
    page.myLayer = [{ existing: true }];
    configure({ dataLayer: 'myLayer' });
    track(document.body, { type: 'render' });
    expect(page.myLayer).to.have.length(2);
    expect(page.myLayer![1]).to.have.property('event', 'zmot_render');
    delete page.dataLayer;
    delete page.myLayer;
  });

  it('never throws into the page, even with an endpoint that is not a URL', () => {
    const warnings = captureWarnings();
    try {
      configure({ endpoint: 'http://[not a url' });
      expect(() => track(document.body, { type: 'render' })).not.to.throw();
    } finally {
      warnings.restore();
    }
    expect(warnings.messages).to.have.length(1);
  });

  it('reads data-sample, data-datalayer and data-consent from the script tag', () => {
    const script = document.createElement('script');
    script.dataset.sample = '0.25';
    script.dataset.datalayer = '';
    script.dataset.consent = 'denied';
    expect(readScriptConfig(script)).to.deep.equal({ sample: 0.25, dataLayer: 'dataLayer', consent: 'denied' });
    script.dataset.sample = '2';
    script.dataset.datalayer = 'gtmLayer';
    expect(readScriptConfig(script)).to.deep.equal({ dataLayer: 'gtmLayer', consent: 'denied' });
    script.dataset.sample = 'abc';
    expect(readScriptConfig(script)).not.to.have.property('sample');
    // The collector refuses a rate under 1 in 1 000 (each event would count for too many): the page keeps more.
    script.dataset.sample = '0.00001';
    expect(readScriptConfig(script)).to.have.property('sample', 0.001);
  });
});
