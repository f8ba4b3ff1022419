// The Google Product Reviews feed, parsed by the browser's own XML parser: well-formed whatever the reviews
// say, with the fields Google reads in the schema's order.
import { expect } from '@open-wc/testing';
import { googleReviewsXml } from '../../src/collector/google-feed.js';
import type { ModeratedReview } from '../../src/report/types.js';

const product = { id: 'trail-runner-2', name: 'Trail Runner 2', url: 'https://shop.example/p/trail-runner-2' };

function review(extra: Partial<ModeratedReview>): ModeratedReview {
  return {
    id: 'r1', site: 'demo', product: product.id, status: 'approved', rating: 5, body: 'Great on wet rock.', author: { name: 'Ana' },
    verification: 'none', invited: false, incentivized: false, date: '2026-11-20T10:11:12.345Z', history: [], ...extra,
  };
}

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.querySelector('parsererror');
  expect(error, error?.textContent ?? '').to.equal(null);
  return doc;
}

const text = (node: ParentNode, selector: string) => node.querySelector(selector)?.textContent ?? null;

describe('googleReviewsXml', () => {
  it('writes each review with its verification, incentive and collection method, in the schema’s order', () => {
    const items = [
      { product, review: review({ title: 'Grippy', lang: 'pt-BR', verification: 'purchase', invited: true }) },
      { product: { id: 'mug', url: 'https://shop.example/mug' }, review: review({ id: 'r2', product: 'mug', rating: 2, incentivized: true, incentive: '10% off' }) },
    ];
    const doc = parse(googleReviewsXml('Ridge & Co', items));
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
    expect(text(first!, 'product_url')).to.equal(product.url);
    expect(text(first!, 'collection_method')).to.equal('post_fulfillment');
    expect(text(second!, 'is_verified_purchase')).to.equal('false');
    expect(text(second!, 'is_incentivized_review')).to.equal('true');
    expect(text(second!, 'collection_method')).to.equal('unsolicited');
  });

  it('stays well-formed, and keeps the text as text, whatever a review says', () => {
    const hostile = '</content><script>alert(1)</script>]]><![CDATA[ & "quotes" \u0000\u0007\uFFFE\uD800 end';
    const items = [{ product: { id: '<p>&', name: hostile, url: 'https://shop.example/?a=1&b=2' }, review: review({ id: '"1"', title: hostile, body: hostile, author: { name: hostile } }) }];
    const doc = parse(googleReviewsXml(hostile, items));
    const expected = '</content><script>alert(1)</script>]]><![CDATA[ & "quotes"  end';
    expect(text(doc, 'content')).to.equal(expected);
    expect(text(doc, 'title')).to.equal(expected);
    expect(text(doc, 'reviewer > name')).to.equal(expected);
    expect(text(doc, 'publisher > name')).to.equal(expected);
    expect(text(doc, 'sku')).to.equal('<p>&');
    expect(text(doc, 'product_url')).to.equal('https://shop.example/?a=1&b=2');
    expect(doc.querySelectorAll('script').length).to.equal(0);
  });

  it('has no reviews element when there are none', () => {
    const doc = parse(googleReviewsXml('demo', []));
    expect(doc.querySelectorAll('review').length).to.equal(0);
    expect(text(doc, 'feed > version')).to.equal('2.4');
  });
});
