// fast-check arbitraries for hostile input: strings that try to become markup, script or CSS; URLs in
// every scheme an attacker likes; numbers no feed should have; and feeds built from them.
import fc from 'fast-check';

/** Payloads that would run `window.__pwned = 1` if they ever reached markup, a URL sink or script. */
export const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload="window.__pwned=1">',
  "'><iframe srcdoc=\"<script>parent.__pwned=1</script>\">",
  '</script><script>window.__pwned=1</script>',
  '<style>*{display:none}</style>',
  '<!--',
  ']]>',
  '${window.__pwned=1}',
  '{{constructor.constructor("window.__pwned=1")()}}',
  'javascript:window.__pwned=1',
  '\u202Eevil\u202C',
  '\u0000\uFFFF\uD800',
  '__proto__',
  'constructor',
  "Robert'); DROP TABLE events;--",
  '%3Cscript%3Ewindow.__pwned=1%3C/script%3E',
  '&lt;script&gt;',
];

/** URLs an attacker would put in `url`, `avatar` or `next`. */
export const HOSTILE_URLS = [
  'javascript:window.__pwned=1',
  ' JaVaScRiPt:window.__pwned=1',
  'java\tscript:window.__pwned=1',
  'data:text/html,<script>window.__pwned=1</script>',
  'data:image/svg+xml,<svg onload="window.__pwned=1"/>',
  'vbscript:msgbox(1)',
  'blob:https://evil.example/0',
  '//evil.example/x',
  'https://127.0.0.1:9/"onmouseover="window.__pwned=1',
  'https://127.0.0.1:9/a.png',
  'file:///etc/passwd',
  '',
];

/** A string: a payload, any text (graphemes or raw code units), or a payload inside text. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...PAYLOADS),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 10 })).map((parts) => parts.join('')),
  fc.constant('w'.repeat(3000)),
);

export const hostileUrl: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...HOSTILE_URLS), fc.webUrl(), hostileText);

/** A number a feed should not have, among ones it may. */
const number: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -10, max: 10 }),
  fc.double(),
  fc.constantFrom(0, -0, 1e308, Number.MAX_SAFE_INTEGER + 2, Number.NaN, Number.POSITIVE_INFINITY),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: fc.anything() });

const day = fc.date({ noInvalidDate: true, min: new Date(-1e13), max: new Date(4e13) }).map((d) => d.toISOString().slice(0, 10));

export const hostileReview = fc.record(
  {
    id: maybe(hostileText),
    rating: maybe(fc.oneof(fc.integer({ min: 1, max: 5 }), number)),
    title: maybe(hostileText),
    body: maybe(hostileText),
    author: maybe(
      fc.record({ name: hostileText, role: hostileText, company: hostileText, avatar: hostileUrl }, { requiredKeys: [] }),
    ),
    date: maybe(fc.oneof(day, hostileText)),
    verified: maybe(fc.boolean()),
    source: maybe(fc.oneof(fc.constantFrom('own', 'google', 'trustpilot'), hostileText)),
    url: maybe(hostileUrl),
    lang: maybe(fc.oneof(fc.constantFrom('en', 'ar', 'de', 'ja'), hostileText)),
    reply: maybe(fc.record({ body: hostileText, date: fc.oneof(day, hostileText) }, { requiredKeys: [] })),
    verification: maybe(fc.oneof(fc.constantFrom('purchase', 'imported', 'none'), hostileText)),
    invited: maybe(fc.boolean()),
    incentivized: maybe(fc.boolean()),
    incentive: maybe(hostileText),
  },
  { requiredKeys: ['id', 'rating'] },
);

/** A feed's policy (contract §8): reasons and order named by whoever wrote the feed. */
const policy = fc.record(
  {
    verified: fc.double({ min: 0, max: 1, noNaN: true }),
    published: fc.constantFrom('all', 'moderated'),
    rejected: fc.dictionary(fc.oneof(fc.constantFrom('spam', 'offensive', 'constructor', '__proto__', 'toString'), hostileText), fc.nat()),
    sort: fc.oneof(fc.constantFrom('newest', 'highest', 'constructor', '__proto__'), hostileText),
  },
  { requiredKeys: [] },
);

const distribution = fc.dictionary(fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '__proto__'), maybe(number), { maxKeys: 7 });

/** A feed of the contract's shape, every field hostile, some of the wrong type. */
export const hostileFeed = fc.record(
  {
    product: maybe(
      fc.record({ id: maybe(hostileText), name: hostileText, url: hostileUrl, brand: hostileText }, { requiredKeys: ['id'] }),
    ),
    aggregate: maybe(fc.record({ rating: number, count: number, distribution }, { requiredKeys: [] })),
    sources: maybe(
      fc.array(
        fc.record({ id: hostileText, name: hostileText, url: hostileUrl, rating: number, scale: maybe(number), count: number }, { requiredKeys: [] }),
        { maxLength: 4 },
      ),
    ),
    reviews: maybe(fc.array(hostileReview, { maxLength: 8 })),
    next: maybe(hostileUrl),
    policy: maybe(policy),
  },
  { requiredKeys: ['product', 'reviews'] },
);

const someText = hostileText.filter((t) => t.length > 0);

/** A feed that passes validation, its text and URLs all hostile: what an element renders. */
export const validHostileFeed = fc.record(
  {
    product: fc.record({ id: someText, name: hostileText, url: hostileUrl, brand: hostileText, image: hostileUrl }, { requiredKeys: ['id'] }),
    aggregate: fc.record(
      {
        rating: fc.double({ min: 0, max: 5, noNaN: true }),
        count: fc.nat(),
        distribution: fc.record({ 1: fc.nat(), 2: fc.nat(), 3: fc.nat(), 4: fc.nat(), 5: fc.nat() }, { requiredKeys: [] }),
      },
      { requiredKeys: ['rating', 'count'] },
    ),
    sources: fc.array(
      fc
        .record({ id: someText, name: someText, url: hostileUrl, scale: fc.constantFrom(5, 10, 100, 0.5), share: fc.double({ min: 0, max: 1, noNaN: true }), count: fc.nat() })
        .map(({ share, ...source }) => ({ ...source, rating: share * source.scale })),
      { maxLength: 4 },
    ),
    reviews: fc.array(
      fc.record(
        {
          id: fc.oneof(someText, fc.integer()),
          rating: fc.integer({ min: 1, max: 5 }),
          title: hostileText,
          body: hostileText,
          author: fc.record({ name: hostileText, role: hostileText, company: hostileText, avatar: hostileUrl }, { requiredKeys: ['name'] }),
          date: fc.oneof(day, hostileText),
          verified: fc.boolean(),
          source: fc.oneof(fc.constantFrom('own', 'google'), hostileText),
          url: hostileUrl,
          lang: fc.oneof(fc.constantFrom('en', 'ar', 'de', 'ja'), hostileText),
          reply: fc.record({ body: hostileText, date: fc.oneof(day, hostileText), author: hostileText }, { requiredKeys: ['body'] }),
          verification: fc.constantFrom('purchase', 'imported', 'none'),
          invited: fc.boolean(),
          incentivized: fc.boolean(),
          incentive: hostileText,
        },
        { requiredKeys: ['id', 'rating'] },
      ),
      { maxLength: 8 },
    ),
    next: hostileUrl,
    policy,
  },
  { requiredKeys: ['product', 'reviews'] },
);

/** Mostly valid feeds full of hostile text; else malformed ones, or any value at all. */
export const anyFeed: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: validHostileFeed },
  { weight: 1, arbitrary: hostileFeed },
  { weight: 1, arbitrary: fc.anything() },
);

/** A referral parameter as it might arrive in a URL: codes, near-codes, payloads, encodings. */
export const refParam: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_-]{4,64}$/),
  fc.stringMatching(/^[A-Za-z0-9_-]{0,3}$/),
  fc.stringMatching(/^[A-Za-z0-9_-]{65,80}$/),
  hostileText,
  fc.constantFrom('a'.repeat(64), 'a'.repeat(65), 'abc', 'abcd', ' abcd', 'abcd ', 'ab%20cd', 'ab+cd', 'äbcd', 'ab\ncd'),
);
