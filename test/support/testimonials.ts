// Feeds for <zmot-testimonials>: B2B references from several platforms, a big feed, paged feeds, and a
// corpus of hostile reviews.
import type { Feed, Review } from '../../src/feed/schema.js';

/** `YYYY-MM-DD` for the visitor's calendar day `days` ago, so relative dates are exact in any time zone. */
export function daysAgo(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() - days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export const AVATAR = 'https://img.example/ana.png';

export const references = {
  product: { id: 'ledger-1', name: 'Ledgerly Cloud', brand: 'Acme', url: 'https://acme.example/p/ledger-1' },
  sources: [
    { id: 'google', name: 'Google', url: 'https://g.example/acme', rating: 4.4, scale: 5, count: 80 },
    { id: 'g2', name: 'G2', rating: 9, scale: 10, count: 40 },
  ],
  reviews: [
    {
      id: 'r1',
      rating: 5,
      title: 'Closed our books in two days',
      body: 'We moved twelve entities onto Ledgerly in a quarter.',
      author: { name: 'Ana Silva', role: 'Head of IT', company: 'Fujitsu', avatar: AVATAR },
      date: daysAgo(3),
      verified: true,
      lang: 'en',
      reply: { body: 'Thank you, Ana!', date: daysAgo(2) },
    },
    {
      id: 'r2',
      rating: 4,
      title: 'Solide Buchhaltung',
      body: 'Schnell eingerichtet, gute Berichte.',
      author: { name: 'Jonas Weber', company: 'Bosch' },
      date: daysAgo(20),
      source: 'google',
      url: 'https://g.example/review/r2',
      lang: 'de',
    },
    {
      id: 'r3',
      rating: 2,
      body: 'Import of old invoices was painful.',
      author: { name: 'Chen Li', role: 'Controller' },
      date: daysAgo(100),
      source: 'g2',
    },
    { id: 'r4', rating: 4, body: 'Good support.', author: { name: 'Dee Kay' }, date: daysAgo(400) },
    { id: 'r5', rating: 3, body: 'It does the job.', author: { name: 'Eli Moss' } },
  ],
} satisfies Feed;

/** `count` plain reviews with ratings 1–5 in turn and dates one day apart, newest first. */
export function manyReviews(count: number, prefix = 'm'): Review[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}${i}`,
    rating: (i % 5) + 1,
    title: `Review ${i}`,
    body: `Body of review ${i}.`,
    author: { name: `Person ${i}` },
    date: daysAgo(i),
  }));
}

const LONG = 'x'.repeat(100_000);

/** A 1×1 PNG. */
export const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** Every text and URL field as an attacker, a broken exporter or a very keen customer would fill it. */
export const hostile = {
  product: { id: 'evil-1', name: 'Evil <b>Product</b>', brand: '<script>alert(1)</script>' },
  sources: [{ id: 'spoof', name: '\u202EelgooG', url: 'javascript:alert(1)', rating: 5, scale: 5, count: 1 }],
  reviews: [
    {
      id: 'markup',
      rating: 5,
      title: '<img src=x onerror="window.__pwned=1">',
      body: '<script>window.__pwned=1</script><a href="javascript:alert(1)">click</a>',
      author: { name: '<b onmouseover=alert(1)>Mallory</b>', avatar: 'javascript:alert(1)', role: '<i>CEO</i>' },
      url: 'javascript:alert(1)',
      source: 'spoof',
      date: daysAgo(1),
    },
    {
      id: 'data-url',
      rating: 4,
      body: 'data: avatar',
      // A valid image, so a leak would show: the avatar would load instead of falling back to initials.
      author: { name: 'Dana Data', avatar: `data:image/png;base64,${PNG_BASE64}` },
      url: 'data:text/html,<script>alert(1)</script>',
      source: 'google',
    },
    { id: 'http-avatar', rating: 4, body: 'http avatar', author: { name: 'Hal Http', avatar: 'http://img.example/h.png' } },
    { id: 'long', rating: 3, title: LONG, body: LONG, author: { name: LONG, role: LONG, company: LONG }, reply: { body: LONG } },
    { id: 'bidi', rating: 2, title: '\u202Etxet desrever', body: '\u202Eevil \u2066isolate', author: { name: '\u202Enomis', company: '\u202BCo' }, reply: { body: 'ok', author: '\u202Eenoemos' } },
    { id: 'zero-width', rating: 1, title: '\u200B\u200C\u200D\uFEFF', body: '\u200B', author: { name: '\u200B\u2060 ' } },
    { id: 'emoji', rating: 5, title: '🎉🎉🎉', body: '👩‍👩‍👧‍👦 love it 🇵🇹', author: { name: '👩‍💻 Zoë 🇵🇹' }, lang: '🎉' },
    { id: 'empty', rating: 3, title: '', body: '', author: { name: '', role: '', company: '', avatar: '' }, date: '', source: '', url: '', lang: '', reply: { body: '' } },
  ],
  next: 'javascript:alert(1)',
} satisfies Feed;
