/**
 * The page at `GET /` until `<zmot-dashboard>` exists: says what this server is and links to any pages the
 * caller lists (the demo, under `npm start`). Replace it by passing `home` to `createCollector`.
 */
export interface HomeLink {
  href: string;
  label: string;
}

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export function homePage(links: readonly HomeLink[] = []): string {
  const list = links.length
    ? `<h2>Demo pages</h2>\n<ul>\n${links.map((l) => `  <li><a href="${escape(l.href)}">${escape(l.label)}</a></li>`).join('\n')}\n</ul>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>zmot collector</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}code{font-size:.9em}</style>
</head>
<body>
<h1>zmot collector</h1>
<p>This server receives zmot widgets' events at <code>POST /v1/events</code>, serves review feeds at
<code>GET /v1/feeds/{site}/{product}</code> and reports at <code>GET /v1/metrics?site=…</code> (with the owner's token).</p>
<p>The dashboard is coming here soon; until then, <code>npx zmot report --site …</code> prints the report.</p>
${list}
</body>
</html>
`;
}
