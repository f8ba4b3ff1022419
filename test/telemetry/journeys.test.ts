// Whole page lifecycles in extra tabs of the same Chromium (each in a fresh browser context, so storage
// starts empty), against a stand-in collector on the test server: a real HTTP endpoint that records every
// request, beacons included.
import { expect } from '@open-wc/testing';
import type { ZmotEvent } from '../../src/telemetry/schema.js';
import { accepted, bucket, command, evaluate, fixture, open, sleep, within, type Recorded } from './tabs.js';

const pageEvents = (tab: string) => evaluate<ZmotEvent[]>(tab, 'window.__events');
const outbox = (tab: string) => evaluate<string[]>(tab, `Object.keys(localStorage).filter((k) => k.startsWith('zmot:outbox:'))`);

function expectOnceEach(events: ZmotEvent[], ids: string[]): void {
  const counts = new Map<string, number>();
  for (const event of events) counts.set(event.id, (counts.get(event.id) ?? 0) + 1);
  for (const id of ids) expect(counts.get(id), `event ${id}`).to.equal(1);
}

afterEach(() => command('tab-close-all', {}));

describe('telemetry: page lifecycles against a real endpoint', function () {
  this.timeout(20000);

  it('a page left with events pending sends them by beacon as it goes', async () => {
    const name = bucket();
    await command('collector', { bucket: name });
    const tab = await open(fixture(name));
    const events = await within('the render event', () => pageEvents(tab), (e) => e.some((x) => x.type === 'render'));
    await command('tab-goto', { tab, url: '/test/telemetry/fixtures/away.html' });
    const arrived = await within('the beacon', () => accepted(name), (e) => e.length >= events.length);
    expectOnceEach(arrived, events.map((e) => e.id));
    const [request] = await command<Recorded[]>('collected', { bucket: name });
    expect(request!.at - events[0]!.ts, 'sent on leaving, not by the 5 s timer').to.be.below(4000);
  });

  it('closing the tab sends them too', async () => {
    const name = bucket();
    await command('collector', { bucket: name });
    const tab = await open(fixture(name, '&products=sku-42,sku-7'));
    const events = await within('two renders', () => pageEvents(tab), (e) => e.filter((x) => x.type === 'render').length === 2);
    await command('tab-close', { tab });
    const arrived = await within('the beacon', () => accepted(name), (e) => e.length >= events.length);
    expectOnceEach(arrived, events.map((e) => e.id));
  });

  it('with the endpoint down, events wait in the outbox through a reload and go out once on the next page view', async () => {
    const name = bucket();
    // Retry-After: no retry of its own is under way when the page reloads (one would be sent twice: by
    // keep-alive as the page goes, and from the outbox; the collector keeps each id once).
    await command('collector', { bucket: name, fail: 1000, retryAfter: 60 });
    const tab = await open(fixture(name));
    await within('the render event', () => pageEvents(tab), (e) => e.length > 0);
    await evaluate(tab, 'window.zmot.flush()');
    const before = await pageEvents(tab);
    await within('an outbox slot', () => outbox(tab), (keys) => keys.length === 1);
    await command('collector', { bucket: name, keep: true });
    await command('tab-reload', { tab });
    const after = await within('the next page view', () => pageEvents(tab), (e) => e.some((x) => x.type === 'render'));
    expect(after[0]!.pv).not.to.equal(before[0]!.pv);
    await evaluate(tab, 'window.zmot.flush()');
    const arrived = await within('the earlier events', () => accepted(name), (e) => before.every((x) => e.some((y) => y.id === x.id)));
    expectOnceEach(arrived, before.map((e) => e.id));
    await within('an empty outbox', () => outbox(tab), (keys) => keys.length === 0);
  });

  it('a closed tab’s events go out from the next page view; of two tabs opening at once, only one sends them', async () => {
    const name = bucket();
    await command('collector', { bucket: name, fail: 1000, retryAfter: 60 });
    const first = await open(fixture(name, '&products=sku-42,sku-7'));
    await within('two renders', () => pageEvents(first), (e) => e.filter((x) => x.type === 'render').length === 2);
    await evaluate(first, 'window.zmot.flush()');
    const left = await pageEvents(first);
    const keeper = await open('/test/telemetry/fixtures/away.html', first); // keeps the browser context open
    await command('tab-close', { tab: first });
    await command('collector', { bucket: name, keep: true });
    const [a, b] = await Promise.all([open(fixture(name, '&products='), keeper), open(fixture(name, '&products='), keeper)]);
    await Promise.all([evaluate(a!, 'window.zmot.flush()'), evaluate(b!, 'window.zmot.flush()')]);
    const arrived = await within('the closed tab’s events', () => accepted(name), (e) => left.every((x) => e.some((y) => y.id === x.id)));
    await sleep(500);
    expectOnceEach(await accepted(name), left.map((e) => e.id));
    expect(arrived.length).to.be.at.least(left.length);
  });

  it('with storage full, events still go out from memory, and the page hears one warning', async () => {
    const name = bucket();
    await command('collector', { bucket: name, fail: 1000 });
    const tab = await open(fixture(name, '&products='));
    const filled = await evaluate<number>(
      tab,
      `(() => {
        // Fill to the last byte: big pieces, then smaller ones.
        let i = 0;
        let quota = false;
        for (let size = 256 * 1024; size >= 1; size = Math.floor(size / 2)) {
          try {
            for (;;) localStorage.setItem('fill' + i++, 'x'.repeat(size));
          } catch (e) {
            quota = e.name === 'QuotaExceededError';
          }
        }
        return quota ? i : -1;
      })()`,
    );
    expect(filled, 'localStorage reached its quota').to.be.above(1);
    await evaluate(tab, `import('/src/telemetry/index.ts').then((t) => { for (let i = 0; i < 30; i++) t.track(document.body, { type: 'interaction', action: 'a' + i }); })`);
    await evaluate(tab, 'window.zmot.flush()');
    const sent = await pageEvents(tab);
    expect(sent).to.have.length(30);
    await sleep(1200); // longer than the outbox's write delay
    const warnings = await evaluate<string[]>(tab, 'window.__warnings');
    expect(warnings.filter((w) => w.includes('storage'))).to.have.length(1);
    expect(await outbox(tab)).to.deep.equal([]);
    await command('collector', { bucket: name, keep: true });
    await evaluate(tab, 'window.zmot.flush()');
    expectOnceEach(await accepted(name), sent.map((e) => e.id));
  });

  it('offline, events wait; back online, they go out without being asked', async () => {
    const name = bucket();
    await command('collector', { bucket: name });
    const tab = await open(fixture(name, '&products='));
    await command('tab-offline', { tab, offline: true });
    await evaluate(tab, `import('/src/telemetry/index.ts').then((t) => t.track(document.body, { type: 'interaction', action: 'offline' }))`);
    await evaluate(tab, 'window.zmot.flush()');
    expect(await accepted(name)).to.have.length(0);
    await command('tab-offline', { tab, offline: false });
    const arrived = await within('the event after going online', () => accepted(name), (e) => e.length > 0, 3000);
    expect(arrived.map((e) => e.type === 'interaction' && e.action)).to.deep.equal(['offline']);
  });

  it('a hidden tab is not viewable: the impression waits until the tab is shown again', async () => {
    const name = bucket();
    await command('collector', { bucket: name });
    const tab = await open(fixture(name, '&products='));
    const other = await open('/test/telemetry/fixtures/away.html', tab);
    await command('tab-front', { tab: other });
    expect(await evaluate(tab, 'document.visibilityState')).to.equal('hidden');
    await evaluate(tab, `document.body.append(Object.assign(document.createElement('zmot-rating'), { product: 'sku-42' }))`);
    await within('the render event', () => pageEvents(tab), (e) => e.some((x) => x.type === 'render'));
    await sleep(1500);
    expect((await pageEvents(tab)).map((e) => e.type), 'hidden').to.deep.equal(['render']);
    await command('tab-front', { tab });
    const shown = Date.now();
    await within('the impression', () => pageEvents(tab), (e) => e.some((x) => x.type === 'impression'), 3000);
    expect(Date.now() - shown).to.be.at.least(900);
  });

  it('back from the back/forward cache is a new page view: render and impression again, under a new id', async () => {
    const name = bucket();
    await command('collector', { bucket: name });
    const tab = await open(fixture(name));
    const first = await within('the impression', () => pageEvents(tab), (e) => e.some((x) => x.type === 'impression'));
    await command('tab-goto', { tab, url: '/test/telemetry/fixtures/away.html' });
    await command('tab-back', { tab });
    const restored = await evaluate<boolean>(tab, `window.__events.length > 0`);
    expect(restored, 'the page came back from the back/forward cache').to.equal(true);
    const events = await within('a second impression', () => pageEvents(tab), (e) => e.filter((x) => x.type === 'impression').length === 2);
    const pvs = [...new Set(events.map((e) => e.pv))];
    expect(pvs).to.have.length(2);
    expect(events.filter((e) => e.pv === pvs[1]).map((e) => e.type)).to.deep.equal(['render', 'impression']);
    expect(first[0]!.pv).to.equal(pvs[0]);
  });

  it('the drop-in reads data-sample and data-datalayer', async () => {
    const name = bucket();
    await command('collector', { bucket: name });
    const tab = await open(fixture(name, '&sample=0.9999999999&datalayer='));
    await within('the render event', () => pageEvents(tab), (e) => e.length > 0);
    expect(await evaluate(tab, 'window.dataLayer.map((x) => x.event)')).to.include('zmot_render');
    await evaluate(tab, 'window.zmot.flush()');
    const [request] = await command<Recorded[]>('collected', { bucket: name });
    expect(JSON.parse(request!.body)).to.have.property('sample', 0.9999999999);
  });
});
