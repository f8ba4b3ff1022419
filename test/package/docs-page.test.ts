// The element reference page of the demo (demo/docs.html, generated from custom-elements.json): every
// element, attribute, event, slot, part and custom property is on it; the live examples render from the demo
// feeds, follow their controls and list the events they fire; axe finds nothing. Served the way `npm start`
// serves it at /demo-csp/ (demo/ at /demo/, dist/ at /dist/, under the strict CSP), in Debian's Chromium.
// Needs `npm run build` first.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { after, before, test } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.js';
import { STRICT_CSP } from '../../src/collector/csp.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };

interface Item {
  name: string;
}
interface Declaration {
  tagName?: string;
  customElement?: boolean;
  attributes?: Item[];
  events?: Item[];
  slots?: Item[];
  cssParts?: Item[];
  cssProperties?: Item[];
}
const manifest = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8')) as { modules: { declarations?: Declaration[] }[] };
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);

let server: Server;
let browser: Browser;
let page: Page;
const errors: string[] = [];

before(async () => {
  assert.ok(existsSync(join(ROOT, 'dist/zmot.js')), 'run "npm run build" first');
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const file = normalize(join(ROOT, path.startsWith('/dist/') || path.startsWith('/demo/') ? path : '/nothing'));
    if (!file.startsWith(ROOT) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(path === '/favicon.ico' ? 204 : 404).end();
      return;
    }
    // Under the strict policy of /demo-csp/: no inline code or style, Trusted Types (a violation logs an error).
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': STRICT_CSP }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  browser = await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  page = await (await browser.createBrowserContext()).newPage();
  await page.setViewport({ width: 1200, height: 900 });
  page.on('pageerror', (error) => errors.push(String(error)));
  // The dashboard example has no collector here: its "unreachable" state logs the failed request.
  page.on('console', (m) => m.type() === 'error' && !/\/v1\/sites/.test(m.location().url ?? '') && errors.push(m.text()));
  await page.goto(`http://127.0.0.1:${(server.address() as { port: number }).port}/demo/docs.html`);
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** The code names listed in one table of an element's section. */
const listed = (tag: string, caption: string) =>
  page.$$eval(
    `#${tag} h3`,
    (headings, caption) => {
      const table = headings.find((h) => h.textContent === caption)?.nextElementSibling;
      return [...(table?.querySelectorAll('tbody th') ?? [])].map((th) => th.textContent!.replace(/^::part\((.*)\)$/, '$1'));
    },
    caption,
  );

test('every element, attribute, event, slot, part and custom property of the manifest is on the page', async () => {
  assert.equal(elements.length, 5);
  for (const el of elements) {
    const tag = el.tagName!;
    assert.equal(await page.$eval(`#${tag} h2`, (h) => h.textContent), `<${tag}>`);
    const names = (items: Item[] | undefined) => (items ?? []).map((i) => i.name || '(default)');
    assert.deepEqual(await listed(tag, 'Attributes'), names(el.attributes), `${tag} attributes`);
    assert.deepEqual(await listed(tag, 'Events'), names(el.events), `${tag} events`);
    assert.deepEqual(await listed(tag, 'Slots'), names(el.slots), `${tag} slots`);
    assert.deepEqual(await listed(tag, 'CSS parts'), names(el.cssParts), `${tag} parts`);
    assert.deepEqual(await listed(tag, 'CSS custom properties'), names(el.cssProperties), `${tag} custom properties`);
  }
});

test('the live examples render from the demo feeds, follow their controls and log their events', async () => {
  const average = () => page.$eval('#zmot-rating .stage zmot-rating', (el) => el.shadowRoot?.querySelector('[part~="average"]')?.textContent?.trim());
  await page.waitForFunction(() => document.querySelector('#zmot-rating .stage zmot-rating')?.shadowRoot?.querySelector('[part~="average"]'), { timeout: 15_000 });
  assert.match((await average())!, /^\d\.\d$/);
  await page.waitForFunction(() => document.querySelector('#zmot-testimonials .stage zmot-testimonials')?.shadowRoot?.querySelectorAll('[part~="testimonial"]').length === 3, { timeout: 15_000 });
  await page.waitForFunction(() => document.querySelector('#zmot-recommend .stage zmot-recommend')?.shadowRoot?.querySelector('[part~="scale"]'), { timeout: 15_000 });

  // The render event the example fired is in its log (render goes once per page view).
  await page.waitForFunction(() => /zmot-event render \{"widget":"rating"/.test(document.querySelector('#zmot-rating [data-log]')?.textContent ?? ''), { timeout: 15_000 });

  await page.select('#zmot-rating-variant', 'compact');
  assert.equal(await page.$eval('#zmot-rating .stage zmot-rating', (el) => el.getAttribute('variant')), 'compact');
  assert.equal(await page.$eval('#zmot-rating [data-snippet]', (el) => el.textContent), '<zmot-rating product="ledgerly-cloud" variant="compact" no-structured-data></zmot-rating>');
  // Another demo product: the element loads its feed (trail-runner-2.json has 10 reviews of its own).
  await page.select('#zmot-rating-product', 'trail-runner-2');
  await page.waitForFunction(() => (document.querySelector('#zmot-rating .stage zmot-rating') as HTMLElement & { summary?: { count: number } }).summary?.count === 10, { timeout: 15_000 });

  await page.click('#zmot-testimonials-no-sort');
  assert.equal(await page.$eval('#zmot-testimonials .stage zmot-testimonials', (el) => el.hasAttribute('no-sort')), true);
  assert.deepEqual(errors, []);
});

test('axe finds no accessibility violation on the page', async () => {
  // A page of its own that ignores the policy, which would refuse axe's script as it refuses every other.
  const axePage = await (await browser.createBrowserContext()).newPage();
  await axePage.setBypassCSP(true);
  await axePage.goto(page.url());
  await axePage.waitForFunction(() => document.querySelector('#zmot-rating .stage zmot-rating')?.shadowRoot?.querySelector('[part~="average"]'), { timeout: 15_000 });
  await axePage.addScriptTag({ path: join(ROOT, 'test/node_modules/axe-core/axe.min.js') });
  const violations = await axePage.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
  assert.deepEqual(violations, []);
});
