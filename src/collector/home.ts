/**
 * The page at `GET /`: the site owner's dashboard (`<zmot-dashboard>`, served by the collector from
 * `/zmot-dashboard.js`), reading this collector's own API. Links the caller lists (the demo, under
 * `npm start`) go in a line above it. The dashboard keeps its site, period and language in the page's address
 * (`?site=&from=&to=&lang=`) and offers the 12 languages. The page runs under a strict Content-Security-Policy with Trusted Types:
 * scripts and API calls from this origin only, the one inline style by its hash.
 */
import { createHash } from 'node:crypto';

export interface HomeLink {
  href: string;
  label: string;
}

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

// The links stand above the dashboard, so nothing on the page is below it: the dashboard grows downwards as
// its report arrives (and grows past the first screen once signed in) and nothing moves: CLS 0 on the page,
// signed in or not. (A footer moved, at the bottom of the first screen or below the dashboard.)
const STYLE = `:root{color-scheme:light dark;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
body{margin:0;background:Canvas;color:CanvasText}
zmot-dashboard{display:block;max-inline-size:80rem;margin:0 auto;padding:1rem}
header{box-sizing:border-box;max-inline-size:80rem;margin:0 auto;padding:.5rem 1rem 0;font-size:.875rem}
header ul{display:inline;margin:0;padding:0;list-style:none}header li{display:inline;margin-inline-end:1rem}
a{color:LinkText}`;

const styleHash = createHash('sha256').update(STYLE).digest('base64');

/** The page's policy; the dashboard needs nothing beyond its own origin. */
export const HOME_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "connect-src 'self'",
  `style-src 'self' 'sha256-${styleHash}'`,
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  // The one policy the dashboard's module creates (Lit's); no other code may create one.
  'trusted-types lit-html',
].join('; ');

export function homePage(links: readonly HomeLink[] = []): string {
  const header = links.length
    ? `<header><nav aria-label="Demo pages"><strong>Demo pages:</strong> <ul>${links
        .map((l) => `<li><a href="${escape(l.href)}">${escape(l.label)}</a></li>`)
        .join('')}</ul></nav></header>\n`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${HOME_CSP}">
<meta name="color-scheme" content="light dark">
<title>zmot dashboard</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
<script type="module" src="zmot-dashboard.js"></script>
</head>
<body>
${header}<main><zmot-dashboard sync-url language-picker></zmot-dashboard></main>
</body>
</html>
`;
}
