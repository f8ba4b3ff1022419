import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EVENT_TYPES, validateEnvelope, type Envelope } from '../../src/telemetry/schema.js';
import { batch, event } from './helpers.js';

function error(input: unknown): string {
  const result = validateEnvelope(input);
  assert.equal(result.ok, false, 'expected the batch to be refused');
  return result.ok ? '' : result.error;
}

describe('event schema', () => {
  test('accepts every event type of the contract with its fields', () => {
    const events = [
      event('render'),
      event('impression'),
      event('interaction', { action: 'filter' }),
      event('nps', { score: 9, comment: 'Great' }),
      event('share', { channel: 'whatsapp', ref: 'ANA42' }),
      event('referral_landing', { ref: 'ANA42', self: true }),
      event('conversion', { order_id: 'o-1', ref: 'ANA42', value: 49.9, currency: 'EUR' }),
      event('error', { message: 'feed failed' }),
      event('assignment', { arm: 'holdout' }),
    ];
    const result = validateEnvelope(batch(events, { sample: 0.25 }));
    assert.ok(result.ok);
    assert.deepEqual(result.envelope.events.map((e) => e.type), [...EVENT_TYPES]);
    assert.equal(result.envelope.sample, 0.25);
  });

  test('a holdout’s arm (contract §10): "shown" or "holdout" on any event, required on the assignment', () => {
    assert.ok(validateEnvelope(batch([event('conversion', { order_id: 'o-3', arm: 'shown' })])).ok);
    assert.match(error(batch([event('render', { arm: 'control' as never })]))!, /^events\[0\]\.arm: /);
    assert.match(error(batch([event('assignment')]))!, /^events\[0\]\.arm: /);
  });

  test('accepts the contract example and a conversion without widget or product', () => {
    const example = {
      v: 1, site: 'acme', sent: 1763800000000,
      events: [{ id: '0193a4b2-7c1d-7e2f-8a3b-4c5d6e7f8091', type: 'impression', ts: 1763799999000, pv: 'page-view id',
        url: 'https://acme.example/p/sku-42', widget: 'rating', product: 'sku-42' }],
    };
    assert.ok(validateEnvelope(example).ok);
    const { widget: _w, product: _p, ...bare } = event('conversion', { order_id: 'o-2' }) as Record<string, unknown>;
    assert.ok(validateEnvelope(batch([bare as never])).ok);
  });

  test('names the first bad field', () => {
    const events = [event('render'), event('render'), event('render'), event('nps', { score: 11 })];
    assert.equal(error(batch(events)), 'events[3].score: must be at most 10');
    assert.equal(error(batch([event('nps', { score: 4.5 })])), 'events[0].score: must be an integer');
    assert.match(error(batch([{ ...event('render'), type: 'click' } as never])), /^events\[0\]\.type: must be one of render, impression/);
    assert.equal(error(batch([event('share', { channel: 'x' } as never)])), 'events[0].ref: required, a string');
    assert.equal(error({ ...batch([]), v: 2 }), 'v: must be 1');
    assert.equal(error({ v: 1, site: 'acme', sent: 1 }), 'events: required, an array');
    assert.equal(error(null), 'batch: must be an object');
    assert.equal(error('hello'), 'batch: must be an object');
  });

  test('refuses URLs with a user name or password, a query string or fragment, and non-http URLs', () => {
    const urls = ['https://acme.example/p?utm=1', 'https://acme.example/p#x', 'javascript:alert(1)', '/relative', 'https://ana:s3cret@acme.example/p', 'https://ana@acme.example', 'http://@acme.example/'];
    for (const url of urls) {
      assert.match(error(batch([event('render', { url })])), /^events\[0\]\.url: must be an http\(s\) URL without user name, password, query string or fragment/, url);
    }
    for (const url of ['https://acme.example/@ana/p', 'https://acme.example:8443', 'http://[::1]:8080/p']) assert.equal(validateEnvelope(batch([event('render', { url })])).ok, true, url);
  });

  test('accepts any UUID shape as id, nothing else', () => {
    assert.ok(validateEnvelope(batch([event('render', { id: '0193A4B2-7C1D-7E2F-8A3B-4C5D6E7F8091' })])).ok);
    assert.ok(validateEnvelope(batch([event('render', { id: '00000000-0000-0000-0000-000000000000' })])).ok);
    assert.equal(error(batch([event('render', { id: 'abc' })])), 'events[0].id: must be a UUID');
  });

  test('caps the length of strings', () => {
    assert.equal(error(batch([event('error', { message: 'x'.repeat(501) })])), 'events[0].message: must be at most 500 characters');
    assert.equal(error(batch([event('interaction', { action: 'x'.repeat(65) })])), 'events[0].action: must be at most 64 characters');
    assert.equal(error(batch([event('nps', { score: 3, comment: 'x'.repeat(2001) })])), 'events[0].comment: must be at most 2000 characters');
    assert.equal(error(batch([event('render', { pv: 'x'.repeat(65) })])), 'events[0].pv: must be at most 64 characters');
    assert.equal(error(batch([], { site: 'x'.repeat(65) })), 'site: must be at most 64 characters');
    assert.equal(error(batch([event('render', { pv: '' })])), 'events[0].pv: must not be empty');
  });

  test('checks the envelope: site characters, sample range, currency codes', () => {
    assert.match(error(batch([], { site: 'acme shop' })), /^site: use only letters/);
    assert.equal(error(batch([], { sample: 0 })), 'sample: must be at least 0.001');
    assert.equal(error(batch([], { sample: 1.5 })), 'sample: must be at most 1');
    assert.match(error(batch([event('conversion', { order_id: 'o', currency: 'eur' })])), /^events\[0\]\.currency: must be an ISO 4217 code/);
  });

  test('drops unknown fields instead of storing them', () => {
    const withExtra = { ...batch([{ ...event('render'), email: 'ana@example.com' } as never]), extra: 1 } as Envelope;
    const result = validateEnvelope(withExtra);
    assert.ok(result.ok);
    assert.equal('email' in result.envelope.events[0]!, false);
    assert.equal('extra' in result.envelope, false);
  });
});
