import { expect } from '@open-wc/testing';
import { ownAggregate, summarise } from '../../src/feed/aggregate.js';
import { b2b, b2bCombined, shoe } from '../support/feeds.js';

describe('aggregation', () => {
  it('normalises sources on scales of 5, 10 and 100 and weights them by count', () => {
    const summary = summarise({
      reviews: [],
      aggregate: { rating: 4, count: 100 },
      sources: [
        { id: 'five', name: 'Five', rating: 5, scale: 5, count: 100 },
        { id: 'ten', name: 'Ten', rating: 6, scale: 10, count: 200 },
        { id: 'hundred', name: 'Hundred', rating: 90, scale: 100, count: 100 },
      ],
    });
    // normalised: own 4, five 5, ten 3, hundred 4.5 → (400 + 500 + 600 + 450) / 500
    expect(summary.parts.map((p) => p.normalised)).to.deep.equal([4, 5, 3, 4.5]);
    expect(summary.rating).to.equal(3.9);
    expect(summary.count).to.equal(500);
    expect(summary.combined).to.equal(true);
  });

  it('keeps provenance: each part with its own scale, the site’s own first', () => {
    const summary = summarise(b2b);
    expect(summary.parts.map(({ id, rating, scale, count }) => ({ id, rating, scale, count }))).to.deep.equal([
      { id: 'own', rating: 4.6, scale: 5, count: 1234 },
      { id: 'g2', rating: 9, scale: 10, count: 600 },
      { id: 'trustpilot', rating: 80, scale: 100, count: 212 },
    ]);
    expect(summary.rating).to.be.closeTo(b2bCombined, 1e-12);
  });

  it('computes the own aggregate and distribution from the site’s own reviews only', () => {
    expect(ownAggregate(shoe)).to.deep.equal({ rating: 3.75, count: 4, distribution: { 5: 1, 4: 2, 3: 0, 2: 1, 1: 0 } });
  });

  it('uses the feed’s aggregate when given, and leaves out sources without reviews', () => {
    const summary = summarise({ ...b2b, sources: [{ id: 'empty', name: 'Empty', rating: 0, scale: 5, count: 0 }] });
    expect(summary.parts.map((p) => p.id)).to.deep.equal(['own']);
    expect(summary.rating).to.equal(4.6);
    expect(summary.combined).to.equal(false);
  });

  it('is zero with no reviews anywhere', () => {
    expect(summarise({ reviews: [] })).to.deep.include({ rating: 0, count: 0, combined: false });
  });
});
