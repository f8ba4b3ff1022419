// Referral abuse in the browser: arbitrary `zmot_ref` values (property-based), a flood of codes, hostile
// order ids. Whatever arrives, attribution never throws, believes only well-formed codes, always cleans the
// address bar, and every event it makes is one the collector accepts. (Self-referral and once-per-order are
// in attribution.test.ts; the collector's side is in test/collector/abuse.test.ts.)
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { configure } from '../../src/config.js';
import { conversion, currentReferral, forget, MAX_LANDINGS, startAttribution } from '../../src/referral/attribution.js';
import { newCode } from '../../src/referral/code.js';
import { validateEnvelope, type ZmotEvent } from '../../src/telemetry/schema.js';
import { captureWarnings } from '../support/elements.js';
import { hostileText, refParam } from '../security/arbitraries.js';

const events: ZmotEvent[] = [];
const record = (event: Event) => events.push((event as CustomEvent<ZmotEvent>).detail);
const home = location.href;
/** What a code from a link must look like for zmot to believe it: the test's own statement of the rule. */
const WELL_FORMED = /^[A-Za-z0-9_-]{4,64}$/;

/** The collector's verdict on these events, as one batch. */
function collectorAccepts(list: ZmotEvent[]): true | string {
  const result = validateEnvelope({ v: 1, site: 'acme', sent: Date.now(), events: list });
  return result.ok || result.error;
}

function land(query: string, hash = ''): void {
  history.replaceState(null, '', `${new URL(home).pathname}?${query}${hash}`);
  startAttribution();
}

before(() => document.addEventListener('zmot-event', record));
after(() => document.removeEventListener('zmot-event', record));
beforeEach(() => {
  events.length = 0;
  configure({ consent: 'granted', attributionDays: 30, attribution: 'last', endpoint: undefined });
  forget();
});
afterEach(() => history.replaceState(null, '', home));

describe('referral abuse (browser)', () => {
  it('property: any zmot_ref value — only well-formed codes are believed, the parameter always goes, the rest of the URL stays', () => {
    const warnings = captureWarnings();
    try {
      fc.assert(
        fc.property(refParam, fc.option(hostileText, { nil: undefined }), (value, other) => {
          events.length = 0;
          forget();
          const query = new URLSearchParams();
          if (other !== undefined) query.set('q', other);
          query.set('zmot_ref', value);
          land(query.toString(), '#reviews');
          // What the page itself reads back (encoding turns unpaired surrogates into U+FFFD).
          const arrived = new URLSearchParams(query.toString()).get('zmot_ref')!;
          const after = new URL(location.href);
          expect(after.searchParams.has('zmot_ref'), 'zmot_ref left in the address bar').to.equal(false);
          expect(after.searchParams.get('q') ?? undefined).to.equal(other === undefined ? undefined : new URLSearchParams(query.toString()).get('q'));
          expect(after.hash).to.equal('#reviews');
          const landings = events.filter((e) => e.type === 'referral_landing');
          if (WELL_FORMED.test(arrived)) {
            expect(landings.map((e) => e.ref)).to.deep.equal([arrived]);
            expect(currentReferral()?.ref).to.equal(arrived);
          } else {
            expect(landings).to.deep.equal([]);
            expect(currentReferral()).to.equal(undefined);
          }
          expect(collectorAccepts(events)).to.equal(true);
        }),
        { numRuns: 300 },
      );
    } finally {
      warnings.restore();
    }
    expect((window as Window & { __pwned?: unknown }).__pwned).to.equal(undefined);
  });

  it(`a flood of codes: after ${MAX_LANDINGS} different codes in a session, the next are neither sent nor kept`, () => {
    const codes = Array.from({ length: 25 }, newCode);
    for (const code of codes) land(`zmot_ref=${code}`);
    expect(events.map((e) => e.type === 'referral_landing' && e.ref)).to.deep.equal(codes.slice(0, MAX_LANDINGS));
    expect(currentReferral()?.ref, 'the last believed code keeps the attribution').to.equal(codes[MAX_LANDINGS - 1]);
    expect(location.search).to.equal('');
    // A code already landed on in the session still counts as a touch (last touch moves back to it).
    land(`zmot_ref=${codes[2]!}`);
    expect(events).to.have.length(MAX_LANDINGS);
    expect(currentReferral()?.ref).to.equal(codes[2]);
  });

  it('a flood of codes without storage (consent pending) is capped per page view', () => {
    configure({ consent: 'pending' });
    // What the flood stores, compared with before it (another test of the page may have stored zmot keys).
    const stored = () =>
      [sessionStorage, localStorage].flatMap((storage) =>
        Object.keys(storage)
          .filter((key) => key.startsWith('zmot:'))
          .sort()
          .map((key) => [key, storage.getItem(key)]),
      );
    const before = stored();
    for (let i = 0; i < 15; i++) land(`zmot_ref=${newCode()}`);
    expect(events.filter((e) => e.type === 'referral_landing')).to.have.length(MAX_LANDINGS);
    expect(stored()).to.deep.equal(before);
  });

  it('property: any order id, value and currency — conversion() never throws and sends only what the collector accepts', () => {
    const warnings = captureWarnings();
    try {
      fc.assert(
        fc.property(
          fc.oneof(hostileText, fc.integer(), fc.anything()),
          fc.option(fc.oneof(fc.double(), hostileText, fc.anything()), { nil: undefined }),
          fc.option(fc.oneof(fc.constantFrom('EUR', 'eur', ' usd '), hostileText), { nil: undefined }),
          (orderId, value, currency) => {
            events.length = 0;
            forget();
            conversion({ orderId, value, currency } as Parameters<typeof conversion>[0]);
            expect(events.length).to.be.at.most(1);
            expect(collectorAccepts(events)).to.equal(true);
            // The same order again: never a second event.
            conversion({ orderId, value, currency } as Parameters<typeof conversion>[0]);
            expect(events.length).to.be.at.most(1);
          },
        ),
        { numRuns: 300 },
      );
    } finally {
      warnings.restore();
    }
  });
});
