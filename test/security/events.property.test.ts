// Property-based: whatever a page hands to telemetry (any strings, numbers and types in any field), the
// event zmot makes is one the collector stores — or none at all. One refused event would cost its whole
// batch, so this is what keeps a hostile product id or order id from silencing a page's telemetry.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { clean } from '../../src/telemetry/event.js';
import { EVENT_TYPES, validateEnvelope } from '../../src/telemetry/schema.js';
import { hostileText } from './arbitraries.js';

/** Any text, with what databases choke on: U+0000, unpaired surrogates, pairs split by a length cap. */
const nasty = fc.oneof(
  hostileText,
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'binary', minLength: 60, maxLength: 3000 }),
  fc.integer({ min: 0, max: 200 }).map((n) => 'x'.repeat(n) + '😀'.repeat(40)),
  fc.constantFrom('\u0000', 'a\u0000b', '\uD800', '\uDC00x', '😀'.slice(0, 1)),
);
const anyValue = fc.oneof({ weight: 4, arbitrary: nasty }, { weight: 1, arbitrary: fc.anything() });

const input = fc.record(
  {
    type: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...EVENT_TYPES) }, { weight: 1, arbitrary: anyValue }),
    widget: anyValue,
    product: anyValue,
    action: anyValue,
    score: fc.oneof(fc.integer({ min: -1, max: 11 }), anyValue),
    comment: anyValue,
    channel: anyValue,
    ref: fc.stringMatching(/^[A-Za-z0-9_-]{4,64}$/),
    order_id: anyValue,
    message: anyValue,
  },
  { requiredKeys: ['type'] },
);

describe('property: events from arbitrary input', () => {
  it('clean() makes an event the collector accepts, or none', () => {
    let made = 0;
    fc.assert(
      fc.property(input, (fields) => {
        const event = clean({ id: crypto.randomUUID(), ts: Date.now(), pv: 'pv-1', url: 'https://acme.example/p', ...fields });
        if (!event) return;
        made += 1;
        const result = validateEnvelope({ v: 1, site: 'acme', sent: Date.now(), events: [event] });
        expect(result.ok ? 'accepted' : result.error, fc.stringify(fields).slice(0, 200)).to.equal('accepted');
      }),
      { numRuns: 1000 },
    );
    expect(made, 'events made').to.be.above(200);
  });

  it('a type that is not a string is no event, and never throws (fast-check found an array whose item has a toString that is not a function)', () => {
    for (const type of [[{ toString: '' }], { toString: null, valueOf: null }, Symbol('nps'), 7, null]) {
      expect(clean({ id: crypto.randomUUID(), ts: Date.now(), pv: 'pv-1', url: 'https://acme.example/p', type })).to.equal(undefined);
    }
  });
});
