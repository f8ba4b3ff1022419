// `npx tsx --import ./scripts/with-bench-deps.js scripts/dashboard-screenshot.ts [out.png] [--dark] [--width 1280] [--lang de]`:
// docs/dashboard.png. Starts a collector on a temporary SQLite file, imports the demo's review feeds (the
// reputation's snapshot), posts 60 days of the demo site's events to it over HTTP (a seeded, repeatable mix:
// the demo's three products, its widgets, NPS answers — some with a comment —, shares, referral landings and
// conversions), opens the dashboard at / in Debian's Chromium in the page language `--lang`, signs in and
// saves a full-page screenshot.
// Needs `npm run build` (the collector serves dist/zmot-dashboard.js).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { createCollector } from '../src/collector/server.js';
import { openSqlite } from '../src/collector/store/sqlite.js';
import { chromiumArgs, chromiumPath } from './chromium.js';
import { DEMO_SITE, demoToday, importDemoFeeds, postDemoEvents } from './demo-events.js';

const args = process.argv.slice(2);
const out = args.find((a) => a.endsWith('.png')) ?? 'docs/dashboard.png';
const dark = args.includes('--dark');
const width = Number(args[args.indexOf('--width') + 1]) || 1280;
const lang = args.includes('--lang') ? args[args.indexOf('--lang') + 1]! : 'en';
const dir = mkdtempSync(join(tmpdir(), 'zmot-screenshot-'));
const TOKEN = 'demo-owner-token';
const today = demoToday();
let clock = today;
const collector = await createCollector({ store: openSqlite(join(dir, 'zmot.db')), token: TOKEN, rateAddress: 0, rateSite: 0, keepBots: true, now: () => clock });
const url = await collector.app.listen({ port: 0, host: '127.0.0.1' });
await importDemoFeeds(collector.store, today);
const browser = await puppeteer.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
try {
  const posted = await postDemoEvents(url, today, (ms) => (clock = ms));
  const page = await browser.newPage();
  await page.setViewport({ width, height: 900, deviceScaleFactor: 1 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: dark ? 'dark' : 'light' }]);
  page.on('console', (m) => console.log(`[page] ${m.type()}: ${m.text()}`));
  await page.goto(`${url}/`, { waitUntil: 'load' });
  // The page's language, as a page in that language would have it (the dashboard follows the document's).
  await page.evaluate(`document.documentElement.lang = ${JSON.stringify(lang)};${lang === 'ar' ? " document.documentElement.dir = 'rtl';" : ''}`);
  await page.locator('zmot-dashboard >>> #token').fill(TOKEN);
  await page.locator('zmot-dashboard >>> button[type="submit"]').click();
  // Polling: a MutationObserver on the page does not see inside the shadow root.
  await page.waitForFunction("document.querySelector('zmot-dashboard')?.shadowRoot?.querySelectorAll('.uplot').length === 4", { polling: 100 });
  await new Promise((resolve) => setTimeout(resolve, 1500)); // the comments, reputation and live view arrive
  await page.screenshot({ path: out, fullPage: true });
  console.log(`posted ${posted} events for site ${DEMO_SITE}; saved ${out}`);
} finally {
  await browser.close();
  await collector.close();
  rmSync(dir, { recursive: true, force: true });
}
