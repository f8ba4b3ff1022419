/**
 * The page at `GET /`: the site owner's dashboard (`<zmot-dashboard>`, served by the collector from
 * `/zmot-dashboard.js`), reading this collector's own API. Links the caller lists (the demo, under
 * `npm start`) go in its footer. The dashboard keeps its site, period and language in the page's address
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

// The footer stands at the bottom of the first screen (body a column, main taking the rest), so it does not
// move while the dashboard loads and grows within that screen: CLS 0 on the page.
const STYLE = `:root{color-scheme:light dark;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
body{margin:0;background:Canvas;color:CanvasText;display:flex;flex-direction:column;min-block-size:100vh}
main{flex:1 0 auto}
zmot-dashboard{display:block;max-inline-size:80rem;margin:0 auto;padding:1rem}
footer{box-sizing:border-box;inline-size:100%;max-inline-size:80rem;margin:0 auto;padding:1rem;font-size:.875rem}
footer ul{display:inline;margin:0;padding:0;list-style:none}footer li{display:inline;margin-inline-end:1rem}
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
  const footer = links.length
    ? `<footer><nav aria-label="Demo pages"><strong>Demo pages:</strong> <ul>${links
        .map((l) => `<li><a href="${escape(l.href)}">${escape(l.label)}</a></li>`)
        .join('')}</ul></nav></footer>\n`
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
<main><zmot-dashboard sync-url language-picker></zmot-dashboard></main>
${footer}</body>
</html>
`;
}
