/**
 * The Content-Security-Policy zmot is tested under (SECURITY.md): what a strict site owner's product page
 * can send and still run every element. Scripts and styles from the page's own origin only (no inline
 * code, no `style` attributes), and Trusted Types required for every script sink, with the two policy
 * names zmot's bundles create:
 * - `lit-html`: Lit's own policy, for the elements' template markup (static strings from zmot's code with
 *   Lit's markers, never feed text), in the drop-in's chunks and in `<zmot-dashboard>`'s module;
 * - `zmot`: the JSON-LD `<script type="application/ld+json">` text zmot writes (JSON it serialised itself).
 * `'allow-duplicates'`: the dashboard's module bundles its own Lit and so creates its own `lit-html` and
 * `zmot` policies beside the drop-in's, and any other Lit on the page another `lit-html` one.
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
