import { expect } from '@open-wc/testing';
import { HttpResponse } from 'msw';
import { configure } from '../../src/config.js';
import { track } from '../../src/telemetry/index.js';
import { queued } from '../../src/telemetry/transport.js';
import '../../src/entries/zmot.js';
import type { ZmotEvent } from '../../src/telemetry/schema.js';
import { startWorker, worker } from '../support/msw.js';
import { endpoint, freshTelemetry, outboxKeys, sleep, until } from './helpers.js';

const zmot = window.zmot!;
const heard: ZmotEvent[] = [];
const listen = (e: CustomEvent<ZmotEvent>) => heard.push(e.detail);
const interaction = () => track(document.body, { type: 'interaction', action: 'sort' });

/** Turns a browser privacy signal on for one test (Chromium has no switch for GPC; DNT is a user setting). */
function signal(name: 'globalPrivacyControl' | 'doNotTrack', value: unknown): () => void {
  Object.defineProperty(navigator, name, { value, configurable: true });
  return () => delete (navigator as unknown as Record<string, unknown>)[name];
}

before(startWorker);
beforeEach(() => {
  freshTelemetry();
  heard.length = 0;
  document.addEventListener('zmot-event', listen);
});
afterEach(() => {
  document.removeEventListener('zmot-event', listen);
  configure({ consent: 'granted' });
  worker.resetHandlers();
});

describe('telemetry: consent and privacy', () => {
  it('the drop-in exposes zmot.consent() and zmot.flush()', async () => {
    const ep = endpoint();
    expect(zmot.consent).to.be.a('function');
    interaction();
    const flushed = zmot.flush();
    expect(flushed).to.be.an.instanceOf(Promise);
    await flushed;
    expect(ep.events()).to.have.length(1);
  });

  it('pending: events reach the page but wait in memory; nothing is sent or stored until consent(true)', async () => {
    const ep = endpoint();
    configure({ consent: 'pending' });
    const events = [interaction()!, interaction()!, interaction()!];
    expect(heard).to.have.length(3);
    await zmot.flush();
    await sleep(1200); // longer than the outbox's write delay
    expect(ep.requests).to.have.length(0);
    expect(queued()).to.have.length(3);
    expect(outboxKeys(), 'nothing in localStorage').to.deep.equal([]);
    zmot.consent(true);
    await zmot.flush();
    expect(ep.events().map((e) => e.id)).to.deep.equal(events.map((e) => e.id));
  });

  it('denied: consent(false) discards what waited, stops collecting, and clears the outbox', async () => {
    let up = false;
    // Retry-After keeps the queue from retrying on its own while the test withdraws consent.
    const ep = endpoint('/z/events', () => (up ? undefined : new HttpResponse(null, { status: 503, headers: { 'retry-after': '60' } })));
    interaction();
    await zmot.flush();
    await until(() => outboxKeys().length === 1, 'an unsent event is in the outbox');
    zmot.consent(false);
    expect(outboxKeys()).to.deep.equal([]);
    expect(queued()).to.have.length(0);
    heard.length = 0;
    expect(interaction()).to.equal(undefined);
    expect(heard, 'no zmot-event either').to.have.length(0);
    // Granted again with the endpoint back: only what is tracked from now on goes out.
    up = true;
    zmot.consent(true);
    await zmot.flush();
    const later = interaction()!;
    await zmot.flush();
    expect(ep.events().map((e) => e.id)).to.deep.equal([later.id]);
  });

  it('the tag manager’s dataLayer gets events only while consent is granted: none made while pending or after consent(false)', async () => {
    const page = window as unknown as Record<string, unknown[] | undefined>;
    endpoint();
    page.dataLayer = [];
    configure({ dataLayer: 'dataLayer', consent: 'pending' });
    interaction();
    track(document.body, { type: 'share', channel: 'copy', ref: 'ANA42abcd' });
    expect(heard).to.have.length(2, 'the page itself still hears every event');
    expect(page.dataLayer).to.deep.equal([], 'nothing for ad tags while consent is pending');
    zmot.consent(true);
    expect(page.dataLayer).to.deep.equal([], 'events made before consent stay off the array');
    const after = interaction()!;
    expect(page.dataLayer).to.deep.equal([{ event: 'zmot_interaction', zmot: after }]);
    zmot.consent(false);
    track(document.body, { type: 'referral_landing', ref: 'BEN7abcd' });
    expect(page.dataLayer).to.have.length(1);
    delete page.dataLayer;
  });

  for (const name of ['globalPrivacyControl', 'doNotTrack'] as const) {
    it(`with ${name === 'doNotTrack' ? 'Do-Not-Track' : 'Global Privacy Control'} on, nothing goes onto the dataLayer, consent or not`, async () => {
      const restore = signal(name, name === 'doNotTrack' ? '1' : true);
      const page = window as unknown as Record<string, unknown[] | undefined>;
      try {
        endpoint();
        page.dataLayer = [];
        configure({ dataLayer: 'dataLayer' });
        interaction();
        track(document.body, { type: 'share', channel: 'copy', ref: 'ANA42abcd' });
        expect(heard).to.have.length(2);
        expect(page.dataLayer).to.deep.equal([]);
      } finally {
        restore();
        delete page.dataLayer;
      }
    });
  }

  it('pending, then denied: what waited is never sent', async () => {
    const ep = endpoint();
    configure({ consent: 'pending' });
    interaction();
    interaction();
    zmot.consent(false);
    zmot.consent(true);
    await zmot.flush();
    expect(ep.requests).to.have.length(0);
    interaction();
    await zmot.flush();
    expect(ep.events(), 'collecting again after consent(true)').to.have.length(1);
  });

  for (const [name, value] of [['globalPrivacyControl', true], ['doNotTrack', '1']] as const) {
    it(`${name}: nothing is kept across page views, but anonymous events are still sent`, async () => {
      let up = false;
      const ep = endpoint('/z/events', () => (up ? undefined : new HttpResponse(null, { status: 503 })));
      const restore = signal(name, value);
      try {
        const event = interaction()!;
        await zmot.flush();
        await sleep(1200); // longer than the outbox's write delay
        expect(outboxKeys(), 'no outbox').to.deep.equal([]);
        up = true;
        await zmot.flush();
        expect(ep.events().map((e) => e.id)).to.deep.equal([event.id]);
      } finally {
        restore();
      }
    });
  }
});
