// The browser's small validator must accept and reject exactly what the zod schema does.
import { expect } from '@open-wc/testing';
import { parseFeed } from '../../src/feed/schema.js';
import { validateFeed } from '../../src/feed/validate.js';
import { b2b, shoe } from '../support/feeds.js';

const valid: unknown[] = [
  b2b,
  shoe,
  { product: { id: 'p' }, reviews: [] },
  { product: { id: 'p', extra: 1 }, reviews: [{ id: 7, rating: 3, unknown: 'dropped' }], next: '/p?page=2' },
  { product: { id: 'p' }, sources: [{ id: 's', name: 'S', rating: 4, count: 3 }], reviews: [] },
  { product: { id: 'p' }, aggregate: { rating: 0, count: 0 }, reviews: [] },
  { product: { id: 'p' }, reviews: [], policy: { verified: 0.4, published: 'moderated', rejected: { spam: 3, offensive: 1 }, sort: 'newest' } },
  { product: { id: 'p' }, reviews: [], policy: {} },
];

const invalid: unknown[] = [
  null,
  'feed',
  [],
  {},
  { product: { id: '' }, reviews: [] },
  { product: { id: 1 }, reviews: [] },
  { product: { id: 'p' } },
  { product: { id: 'p' }, reviews: {} },
  { product: { id: 'p' }, aggregate: { rating: 6, count: 1 }, reviews: [] },
  { product: { id: 'p' }, aggregate: { rating: 4, count: 1.5 }, reviews: [] },
  { product: { id: 'p' }, aggregate: { rating: 4, count: -1 }, reviews: [] },
  { product: { id: 'p' }, aggregate: { rating: 4, count: 1, distribution: { 5: 'x' } }, reviews: [] },
  { product: { id: 'p' }, sources: [{ id: 's', name: 'S', rating: 11, scale: 10, count: 3 }], reviews: [] },
  { product: { id: 'p' }, sources: [{ id: 's', name: 'S', rating: 4, scale: 0, count: 3 }], reviews: [] },
  { product: { id: 'p' }, sources: [{ id: 's', rating: 4, count: 3 }], reviews: [] },
  { product: { id: 'p' }, reviews: [], next: 5 },
  { product: { id: 'p' }, reviews: [], policy: { verified: 1.5 } },
  { product: { id: 'p' }, reviews: [], policy: { published: 'some' } },
  { product: { id: 'p' }, reviews: [], policy: { rejected: { spam: -1 } } },
  { product: { id: 'p' }, reviews: [], policy: { rejected: { spam: 'many' } } },
];

const reviews: unknown[] = [
  { id: 'a', rating: 5 },
  { id: 'b', rating: 0 },
  { id: 'c', rating: 4.5 },
  { id: '', rating: 4 },
  { rating: 4 },
  { id: 'd', rating: 4, author: {} },
  { id: 'e', rating: 4, author: { name: 'N', avatar: 3 } },
  { id: 'f', rating: 4, verified: 'yes' },
  { id: 'g', rating: 4, reply: { date: '2026-01-01' } },
  { id: 'h', rating: 2, reply: { body: 'Sorry' }, lang: 'de', source: 'google' },
  { id: 'i', rating: 4, verification: 'purchase', invited: true, incentivized: true, incentive: '10% off' },
  { id: 'j', rating: 4, verification: 'imported', source: 'google' },
  { id: 'k', rating: 4, verification: 'trusted' },
  { id: 'l', rating: 4, invited: 'yes' },
  'not a review',
  null,
];

describe('validateFeed (browser) agrees with parseFeed (zod)', () => {
  it('accepts the same valid feeds with the same result', () => {
    for (const feed of valid) expect(validateFeed(feed), JSON.stringify(feed)).to.deep.equal(parseFeed(feed));
  });

  it('rejects the same invalid feeds, naming the same field', () => {
    for (const feed of invalid) {
      let zodMessage = '';
      try {
        parseFeed(feed);
      } catch (error) {
        zodMessage = (error as Error).message;
      }
      expect(zodMessage, `zod accepted ${JSON.stringify(feed)}`).not.to.equal('');
      expect(() => validateFeed(feed), JSON.stringify(feed)).to.throw(zodMessage.split(':')[0]!.replace(/\.$/, ''));
    }
  });

  it('skips the same reviews one by one, keeping the rest', () => {
    const feed = { product: { id: 'p' }, reviews };
    const ours = validateFeed(feed);
    const theirs = parseFeed(feed);
    expect(ours.feed).to.deep.equal(theirs.feed);
    expect(ours.skipped.map((s) => s.index)).to.deep.equal(theirs.skipped.map((s) => s.index));
    expect(ours.skipped.map((s) => s.problem.split(':')[0])).to.deep.equal(theirs.skipped.map((s) => s.problem.split(':')[0]));
  });
});
