import { expect, fixture, html } from '@open-wc/testing';
import { HttpResponse } from 'msw';
import { configure } from '../../src/config.js';
import { flush, track } from '../../src/telemetry/index.js';
import { queued } from '../../src/telemetry/transport.js';
import { startWorker, worker } from '../support/msw.js';
import { captureWarnings, endpoint, freshTelemetry, outboxKeys, sleep, until } from './helpers.js';

before(startWorker);
beforeEach(freshTelemetry);
afterEach(() => worker.resetHandlers());

const interaction = (action = 'sort') => track(document.body, { type: 'interaction', action })!;
const countIds = (ids: string[]) => ids.reduce((m, id) => m.set(id, (m.get(id) ?? 0) + 1), new Map<string, number>());

describe('telemetry: transport', () => {
  it('sends a batch 5 s after its first event, as a text/plain JSON envelope without credentials', async function () {
    this.timeout(9000);
    const ep = endpoint();
    const first = interaction('a');
    await sleep(1000);
    const second = interaction('b');
    await sleep(3600);
    expect(ep.requests, 'nothing before 5 s').to.have.length(0);
    await until(() => ep.requests.length, 'the batch did not go out', 1500);
    const [request] = ep.requests;
    expect(request!.contentType).to.equal('text/plain;charset=UTF-8');
    expect(request!.credentials).to.equal('omit');
    expect(request!.envelope).to.include({ v: 1, site: 'acme' });
    expect(request!.envelope).not.to.have.property('sample');
    expect(request!.envelope.sent).to.be.within(first.ts, Date.now());
    expect(request!.envelope.events).to.deep.equal([first, second]);
  });

  it('sends at once when 20 events are waiting', async () => {
    const ep = endpoint();
    for (let i = 0; i < 19; i++) interaction();
    await sleep(300);
    expect(ep.requests).to.have.length(0);
    interaction();
    await until(() => ep.requests.length, 'the 20th event did not send the batch', 1000);
    expect(ep.requests[0]!.envelope.events).to.have.length(20);
  });

  it('zmot.flush() sends what is queued and resolves once the endpoint has answered', async () => {
    const ep = endpoint();
    interaction();
    interaction();
    await flush();
    expect(ep.events()).to.have.length(2);
    expect(queued()).to.have.length(0);
    await flush();
    expect(ep.requests, 'nothing left to send').to.have.length(1);
  });

  it('retries network errors, 5xx and 408 with growing jittered delays, keeping the ids, until accepted', async function () {
    this.timeout(12000);
    const answers = [HttpResponse.error(), HttpResponse.error(), new HttpResponse(null, { status: 503 }), new HttpResponse(null, { status: 408 })];
    const attempts: number[] = [];
    const ep = endpoint('/z/events', (n) => {
      attempts.push(Date.now());
      return answers[n - 1];
    });
    const events = [interaction('a'), interaction('b')];
    await flush();
    await until(() => ep.accepted().length, 'never delivered', 9000);
    // A keep-alive request that fails is tried once more at once without keep-alive (the browser refuses
    // keep-alive beyond 64 KB in flight); count those two as one attempt.
    const tries = attempts.filter((t, i) => i === 0 || t - attempts[i - 1]! > 400);
    expect(tries).to.have.length(4);
    const gaps = tries.slice(1).map((t, i) => t - tries[i]!);
    // Base delay 1 s, doubling, times a jitter of 0.5–1.
    [1000, 2000, 4000].forEach((full, i) => expect(gaps[i]!, `retry ${i + 1}`).to.be.within(full / 2 - 50, full + 300));
    for (const request of ep.requests) expect(request.envelope.events.map((e) => e.id)).to.deep.equal(events.map((e) => e.id));
    expect(ep.events()).to.deep.equal(events);
  });

  it('honours Retry-After, even when asked to flush', async function () {
    this.timeout(8000);
    const ep = endpoint('/z/events', (n) => (n === 1 ? new HttpResponse(null, { status: 429, headers: { 'retry-after': '2' } }) : undefined));
    interaction();
    await flush();
    const refused = Date.now();
    await flush();
    expect(ep.requests, 'flush() waits for Retry-After').to.have.length(1);
    await until(() => ep.accepted().length, 'not retried after Retry-After', 4000);
    expect(Date.now() - refused).to.be.within(1900, 3000);
  });

  it('drops a batch refused with another 4xx, with one console warning for the page', async () => {
    const ep = endpoint('/z/events', () => HttpResponse.json({ error: 'no' }, { status: 400 }));
    const warnings = captureWarnings();
    try {
      interaction();
      await flush();
      interaction();
      await flush();
      await sleep(1500);
    } finally {
      warnings.restore();
    }
    expect(ep.requests).to.have.length(2);
    expect(queued()).to.have.length(0);
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.match(/^zmot: HTTP 400 from http:\/\/.*\/z\/events: events dropped$/);
  });

  it('an outage: the endpoint fails 6 times, then recovers; every event arrives exactly once by id', async function () {
    this.timeout(10000);
    const failures = [503, 0, 429, 502, 0, 504];
    const ep = endpoint('/z/events', (n) =>
      n <= failures.length ? (failures[n - 1] ? new HttpResponse(null, { status: failures[n - 1] }) : HttpResponse.error()) : undefined,
    );
    const sent: string[] = [];
    for (let round = 0; round < 8; round++) {
      for (let i = 0; i < 7; i++) sent.push(interaction(`r${round}`).id);
      await flush();
    }
    await until(() => queued().length === 0, 'events still queued after the endpoint recovered', 6000);
    const received = countIds(ep.events().map((e) => e.id));
    expect(received.size).to.equal(sent.length);
    for (const id of sent) expect(received.get(id), id).to.equal(1);
    expect(ep.requests.filter((r) => r.status >= 400)).to.have.length(4);
  });

  it('keeps unacknowledged events in the outbox, and removes them once accepted', async () => {
    let up = false;
    const ep = endpoint('/z/events', () => (up ? undefined : new HttpResponse(null, { status: 503 })));
    const event = interaction();
    await flush();
    const written = Date.now();
    await until(() => outboxKeys().length, 'no outbox slot', 2000);
    expect(Date.now() - written, 'one write for many events, within a second').to.be.below(1300);
    const [key] = outboxKeys();
    const slot = JSON.parse(localStorage.getItem(key!)!) as { c: number; q: { p: string; s: string; r: number; e: { id: string } }[] };
    expect(slot.c).to.equal(0);
    expect(slot.q.map((x) => x.e.id)).to.deep.equal([event.id]);
    expect(slot.q[0]).to.include({ p: new URL('/z/events', location.href).href, s: 'acme', r: 1 });
    up = true;
    await flush();
    expect(ep.events().map((e) => e.id)).to.deep.equal([event.id]);
    await until(() => outboxKeys().length === 0, 'the outbox slot is still there', 2000);
  });

  it('cuts large queues into requests under 64 KB and 200 events', async () => {
    const ep = endpoint();
    const comment = 'é'.repeat(1990);
    for (let i = 0; i < 60; i++) track(document.body, { type: 'nps', score: 9, comment });
    for (let i = 0; i < 450; i++) interaction();
    await flush();
    expect(ep.events()).to.have.length(510);
    for (const request of ep.requests) {
      expect(request.bytes).to.be.below(64 * 1024);
      expect(request.envelope.events.length).to.be.at.most(200);
    }
    expect(ep.requests.length).to.be.at.least(5);
  });

  it('sends the sampling rate with the events of a sampled page view', async () => {
    const ep = endpoint();
    configure({ sample: 0.999999999 });
    interaction();
    configure({ sample: 1 });
    interaction();
    await flush();
    const rates = ep.requests.map((r) => r.envelope.sample).sort();
    expect(rates).to.deep.equal([0.999999999, undefined]);
  });

  it('sends nothing from a page view left out by sampling, but still dispatches zmot-event', async () => {
    const ep = endpoint();
    configure({ sample: 1e-12 });
    let heard = 0;
    const listener = () => (heard += 1);
    document.addEventListener('zmot-event', listener);
    interaction();
    document.removeEventListener('zmot-event', listener);
    await flush();
    expect(heard).to.equal(1);
    expect(ep.requests).to.have.length(0);
  });

  it('sends an element’s events to its own endpoint attribute when it has one', async () => {
    const page = endpoint();
    const own = endpoint('/team/events');
    const el = await fixture<HTMLElement & { endpoint?: string }>(html`<div></div>`);
    el.endpoint = '/team/events';
    track(el, { type: 'render' });
    interaction();
    await flush();
    expect(own.events()).to.have.length(1);
    expect(page.events()).to.have.length(1);
  });

  it('without data-site, sends nothing and says why once', async () => {
    const ep = endpoint();
    configure({ site: undefined });
    const warnings = captureWarnings();
    try {
      interaction();
      interaction();
      await flush();
    } finally {
      warnings.restore();
    }
    expect(ep.requests).to.have.length(0);
    expect(warnings.messages).to.deep.equal(['zmot: no data-site: events not sent']);
  });
});
