/**
 * Writes a product's JSON-LD into the document once, unless the page already rates that product.
 * Under Trusted Types it goes through the `zmot` policy (./trusted.ts), which only ever receives JSON text we made.
 */
import { jsonLdText, ratesProduct, type JsonLd } from '../../feed/structured-data.js';
import type { Product } from '../../feed/schema.js';
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
export function zmotScript(id: string): HTMLScriptElement | undefined {
  return [...document.head.querySelectorAll<HTMLScriptElement>('script[data-zmot-product]')].find(
    (script) => script.getAttribute('data-zmot-product') === id,
  );
}
