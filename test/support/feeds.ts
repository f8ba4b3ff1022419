// Feeds the tests share: a B2B product with other platforms on other scales, and a plain B2C one.
import type { Feed, Policy } from '../../src/feed/schema.js';

/** How a collector's reviews work (contract §8): for the "How reviews work here" disclosure. */
export const policy = {
  verified: 0.62,
  published: 'moderated',
  rejected: { spam: 4, offensive: 1, 'personal-data': 0, 'off-topic': 2, 'not-genuine': 0 },
  sort: 'newest',
} satisfies Policy;

export const b2b = {
  product: { id: 'sku-42', name: 'Ledgerly Cloud', url: 'https://acme.example/p/sku-42', brand: 'Acme' },
  aggregate: { rating: 4.6, count: 1234, distribution: { 5: 900, 4: 200, 3: 70, 2: 30, 1: 34 } },
  sources: [
    { id: 'g2', name: 'G2', url: 'https://www.g2.com/products/ledgerly', rating: 9, scale: 10, count: 600 },
    { id: 'trustpilot', name: 'Trustpilot', url: 'https://www.trustpilot.com/review/acme.example', rating: 80, scale: 100, count: 212 },
  ],
  reviews: [],
} satisfies Feed;

// (4.6·1234 + 4.5·600 + 4·212) / 2046 = 4.5440…
export const b2bCombined = (4.6 * 1234 + 4.5 * 600 + 4 * 212) / 2046;

export const shoe = {
  product: { id: 'shoe-7', name: 'Trail Runner 2', brand: 'Acme' },
  reviews: [
    { id: 'r1', rating: 5, title: 'Fits like a glove', body: 'Light and grippy.', author: { name: 'Ana Silva' }, date: '2026-10-01', verified: true },
    { id: 'r2', rating: 4, body: 'Good, runs a little small.', author: { name: 'Bo Berg' }, date: '2026-09-12' },
    { id: 'r3', rating: 4, body: 'Solid.', author: { name: 'Chen Li' }, date: '2026-09-01' },
    { id: 'r4', rating: 2, body: 'Sole came loose.', author: { name: 'Dee Kay' }, date: '2026-08-20' },
    { id: 'g1', rating: 1, body: 'Imported from Google.', source: 'google', author: { name: 'X' } },
  ],
} satisfies Feed;
