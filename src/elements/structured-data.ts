/**
 * Writes a product's JSON-LD into the document once, unless the page already rates that product.
 * Under Trusted Types it goes through the `zmot` policy (./trusted.ts), which only ever receives JSON text we made.
 */
import { jsonLdText, ratesProduct, type JsonLd } from '../feed/structured-data.js';
import type { Product } from '../feed/schema.js';
import { trustedScript } from './trusted.js';

function pageRatesProduct(product: Product): boolean {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      if (ratesProduct(JSON.parse(script.textContent ?? ''), product)) return true;
    } catch {
      // Someone else's broken JSON-LD is not ours to judge.
    }
  }
  // Microdata: an aggregateRating inside a Product whose sku is this product's id.
  for (const scope of document.querySelectorAll('[itemtype*="schema.org/Product"]')) {
    const sku = scope.querySelector('[itemprop="sku"]');
    const value = sku?.getAttribute('content') ?? sku?.textContent?.trim();
    if (value === product.id && scope.querySelector('[itemprop="aggregateRating"]')) return true;
  }
  return false;
}

/** Adds the JSON-LD for `product` to `<head>` unless zmot or the page has already done so. */
export function writeStructuredData(product: Product, data: JsonLd): void {
  const existing = document.head.querySelectorAll('script[data-zmot-product]');
  for (const script of existing) if (script.getAttribute('data-zmot-product') === product.id) return;
  if (pageRatesProduct(product)) return;
  const script = document.createElement('script');
  script.type = 'application/ld+json';
  script.setAttribute('data-zmot-product', product.id);
  script.text = trustedScript(jsonLdText(data));
  document.head.append(script);
}

/** The JSON-LD script zmot wrote for a product, if any. */
function zmotScript(id: string): HTMLScriptElement | undefined {
  return [...document.head.querySelectorAll<HTMLScriptElement>('script[data-zmot-product]')].find(
    (script) => script.getAttribute('data-zmot-product') === id,
  );
}

/** The `Review` items each element shows, per product id. */
const shownReviews = new Map<string, Map<object, JsonLd[]>>();

/**
 * Sets the `Review` items that `owner` (an element) shows for `product`, inside the one `Product` zmot writes
 * for it. When no element has written that yet, `data` (the product's JSON-LD) is written first. Nothing is
 * added when the page rates the product itself, so there is always one `Product` per product.
 */
export function writeShownReviews(product: Product, data: JsonLd | undefined, owner: object, reviews: JsonLd[]): void {
  let owners = shownReviews.get(product.id);
  if (!owners) shownReviews.set(product.id, (owners = new Map()));
  if (reviews.length) owners.set(owner, reviews);
  else owners.delete(owner);
  let script = zmotScript(product.id);
  if (!script && data && reviews.length) {
    writeStructuredData(product, data);
    script = zmotScript(product.id);
  }
  if (!script) return;
  const unique = new Map<string, JsonLd>();
  for (const list of owners.values()) for (const review of list) unique.set(JSON.stringify(review), review);
  const doc = JSON.parse(script.text) as JsonLd;
  if (unique.size) doc.review = [...unique.values()];
  else delete doc.review;
  script.text = trustedScript(jsonLdText(doc));
}
