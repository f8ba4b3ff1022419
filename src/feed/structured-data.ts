/**
 * Schema.org JSON-LD for search-result stars: a `Product` with the `AggregateRating` of the site's own
 * reviews. Third-party platforms' scores never appear here (contract section 3; Google's review-snippet rules).
 */
import type { OwnAggregate } from './aggregate.js';
import type { Product } from './schema.js';

export type JsonLd = Record<string, unknown>;

/** The JSON-LD for a product, or `undefined` when it would not be valid (no name, or no own reviews). */
export function productJsonLd(product: Product, own: OwnAggregate, pageUrl?: string): JsonLd | undefined {
  if (!product.name || own.count <= 0) return undefined;
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.name,
    sku: product.id,
    ...(product.url || pageUrl ? { url: product.url ?? pageUrl } : {}),
    ...(product.image ? { image: product.image } : {}),
    ...(product.brand ? { brand: { '@type': 'Brand', name: product.brand } } : {}),
    aggregateRating: {
      '@type': 'AggregateRating',
      ratingValue: Math.round(own.rating * 100) / 100,
      reviewCount: own.count,
      bestRating: 5,
      worstRating: 1,
    },
  };
}

/** JSON text safe to place inside a `<script>` element: no `<`, so no `</script>` can close it early. */
export function jsonLdText(data: JsonLd): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

function typesOf(node: Record<string, unknown>): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

/** Every object in a JSON-LD document, including those nested in `@graph`, arrays and properties. */
function* walk(node: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(node)) {
    for (const item of node) yield* walk(item);
  } else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    yield record;
    for (const value of Object.values(record)) yield* walk(value);
  }
}

const ID_KEYS = ['sku', 'productID', 'mpn', '@id', 'gtin', 'gtin8', 'gtin12', 'gtin13', 'gtin14'] as const;

/** True when a parsed JSON-LD document already rates this product (matched by id, URL or name). */
export function ratesProduct(document: unknown, product: Product): boolean {
  for (const node of walk(document)) {
    if (!node.aggregateRating) continue;
    if (!typesOf(node).some((t) => t === 'Product' || t === 'ProductGroup' || t === 'SoftwareApplication')) continue;
    if (ID_KEYS.some((key) => node[key] === product.id)) return true;
    if (product.url && node.url === product.url) return true;
    if (product.name && node.name === product.name) return true;
  }
  return false;
}
