/**
 * The Content-Security-Policy zmot is tested under (SECURITY.md): what a strict site owner's product page
 * can send and still run every element. Scripts and styles from the page's own origin only (no inline
 * code, no `style` attributes), and Trusted Types required for every script sink, with the two policy
 * names zmot's bundle creates:
 * - `lit-html`: Lit's own, for the templates it clones (static strings from zmot's code, never feed text);
 * - `zmot`: the JSON-LD `<script type="application/ld+json">` text zmot writes (JSON it serialised itself).
 * `'allow-duplicates'`: `<zmot-dashboard>`'s module (zmot-dashboard.js, loaded on first use) bundles its own
 * copy of Lit, which creates its own `lit-html` policy; so does any other Lit on the page.
 * `npm start` serves the demo under it at `/demo-csp/`.
 */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types zmot lit-html 'allow-duplicates'",
].join('; ');
