// The Google Product Reviews feed is parsed here by the browser's own XML parser: well-formed whatever the
// reviews say, with the fields Google reads in the schema's order.
import { expect } from '@open-wc/testing';
import { googleProductReviewsXml, type SyndicatedReview } from '../../src/collector/google-feed.js';

const product = { id: 'trail-runner-2', name: 'Trail Runner 2', url: 'https://shop.example/p/trail-runner-2', brand: 'Ridge' };

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.querySelector('parsererror');
  expect(error, error?.textContent ?? '').to.equal(null);
  return doc;
}

const text = (node: ParentNode, selector: string) => node.querySelector(selector)?.textContent ?? null;

describe('googleProductReviewsXml', () => {
  it('writes each review with its verification, incentive and collection method', () => {
    const reviews: SyndicatedReview[] = [
      {
        product,
        review: { id: 'r1', rating: 5, title: 'Grippy', body: 'Great on wet rock.', author: { name: 'Ana' }, date: '2026-11-20T10:11:12.345Z', lang: 'pt-BR', verification: 'purchase', invited: true, incentivized: false },
      },
      {
        product: { id: 'mug' },
        review: { id: 'r2', rating: 2, body: 'Chipped.', author: { name: ' ' }, date: '2026-11-21', verification: 'none', invited: false, incentivized: true, incentive: '10% off' },
      },
    ];
    const doc = parse(googleProductReviewsXml(reviews, { publisher: 'Ridge & Co' }));
    expect(text(doc, 'feed > version')).to.equal('2.4');
    expect(text(doc, 'publisher > name')).to.equal('Ridge & Co');
    const [first, second] = [...doc.querySelectorAll('review')];
    expect([...first!.children].map((c) => c.tagName)).to.deep.equal([
      'review_id', 'reviewer', 'is_verified_purchase', 'is_incentivized_review', 'review_timestamp', 'title', 'content',
      'review_language', 'review_url', 'ratings', 'products', 'is_spam', 'collection_method',
    ]);
    expect(text(first!, 'is_verified_purchase')).to.equal('true');
    expect(text(first!, 'is_incentivized_review')).to.equal('false');
    expect(text(first!, 'review_timestamp')).to.equal('2026-11-20T10:11:12Z');
    expect(text(first!, 'review_language')).to.equal('pt');
    expect(first!.querySelector('overall')!.getAttribute('max')).to.equal('5');
    expect(text(first!, 'overall')).to.equal('5');
    expect(text(first!, 'sku')).to.equal('trail-runner-2');
    expect(text(first!, 'brand')).to.equal('Ridge');
    expect(text(first!, 'collection_method')).to.equal('post_fulfillment');
    expect(text(second!, 'is_verified_purchase')).to.equal('false');
    expect(text(second!, 'is_incentivized_review')).to.equal('true');
    expect(second!.querySelector('reviewer > name')!.getAttribute('is_anonymous')).to.equal('true');
    expect(text(second!, 'review_timestamp')).to.equal('2026-11-21T00:00:00Z');
    expect(text(second!, 'collection_method')).to.equal('unsolicited');
    expect(second!.querySelector('review_url')).to.equal(null);
  });

  it('stays well-formed, and keeps the text as text, whatever a review says', () => {
    const hostile = '</content><script>alert(1)</script>]]><![CDATA[ & "quotes" \u0000\u0007\uFFFE\uD800 end';
    const doc = parse(
      googleProductReviewsXml([{ product: { id: '<p>&' }, review: { id: '"1"', rating: 1, title: hostile, body: hostile, author: { name: hostile } } }], {
        publisher: hostile,
      }),
    );
    const expected = '</content><script>alert(1)</script>]]><![CDATA[ & "quotes"  end';
    expect(text(doc, 'content')).to.equal(expected);
    expect(text(doc, 'title')).to.equal(expected);
    expect(text(doc, 'reviewer > name')).to.equal(expected);
    expect(text(doc, 'sku')).to.equal('<p>&');
    expect(doc.querySelectorAll('script').length).to.equal(0);
  });

  it('is an empty list of reviews when there are none', () => {
    const doc = parse(googleProductReviewsXml([], { publisher: 'demo' }));
    expect(doc.querySelectorAll('review').length).to.equal(0);
    expect(doc.querySelector('reviews')).to.not.equal(null);
  });
});
