// The collector's page at / in Debian's Chromium: nothing moves while it loads (CLS 0, the demo links
// included), on a phone and on a desktop screen, before and after signing in; the dashboard keeps its period
// and language in the address.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import puppeteer, { type Browser } from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.js';
import { homePage } from '../../src/collector/home.js';
import { batch, event, post, startCollector, TOKEN } from './helpers.js';

const ROOT = new URL('../../', import.meta.url).pathname;

describe('the page at /', () => {
  let browser: Browser | undefined;
  let url = '';

  before(async () => {
    // The collector serves the built dashboard; build it when it is missing.
    if (!existsSync(join(ROOT, 'dist/zmot-dashboard.js'))) {
      execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'vite.dashboard.config.ts'], { cwd: ROOT, stdio: 'ignore' });
    }
    ({ url } = await startCollector('sqlite', { home: homePage([{ href: '/demo/', label: 'The demo shop' }]) }));
    // Today's events, so the signed-in dashboard has a report to grow with.
    const now = Date.now();
    const events = ['render', 'render', 'impression', 'render', 'impression'].map((type) => event(type as 'render', { ts: now }));
    const answer = await post(url, batch([...events, event('nps', { ts: now, widget: 'recommend', score: 9 })], { sent: now }));
    assert.equal(answer.status, 202);
    browser = await puppeteer.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  });

  after(async () => {
    await browser?.close();
  });

  // Every layout shift without recent input, from the start of the page (the script runs before the page's
  // own), with where the moved boxes were and went (nodes in the dashboard's shadow root are not named).
  const WATCH_SHIFTS = `
    window.shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) window.shifts.push({
          value: entry.value,
          sources: (entry.sources || []).map((s) => ({ node: s.node ? s.node.nodeName : '?', from: s.previousRect.toJSON(), to: s.currentRect.toJSON() })),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  `;
  const CHARTS = `document.querySelector('zmot-dashboard')?.shadowRoot?.querySelectorAll('.uplot').length === 3`;

  for (const [name, width, height] of [['phone', 412, 823], ['desktop', 1350, 940]] as const) {
    test(`${name} (${width} × ${height}): no layout shift while it loads`, { timeout: 60_000 }, async () => {
      const page = await browser!.newPage();
      await page.setViewport({ width, height });
      await page.evaluateOnNewDocument(WATCH_SHIFTS);
      await page.goto(`${url}/`, { waitUntil: 'load' });
      await page.waitForFunction(`document.querySelector('zmot-dashboard')?.shadowRoot?.querySelector('#token')`, { polling: 100, timeout: 30_000 });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const shifts = (await page.evaluate('window.shifts')) as unknown[];
      assert.deepEqual(shifts, []);
      const links = await page.$eval('nav[aria-label="Demo pages"]', (n) => n.getBoundingClientRect().top);
      assert.ok(links < 100, 'the demo links stand at the top of the first screen');
      await page.close();
    });

    test(`${name} (${width} × ${height}): signed in, no layout shift while the report loads and grows`, { timeout: 60_000 }, async () => {
      const page = await browser!.newPage();
      await page.setViewport({ width, height });
      await page.goto(`${url}/`, { waitUntil: 'load' });
      await page.locator('zmot-dashboard >>> #token').fill(TOKEN);
      await page.locator('zmot-dashboard >>> button[type="submit"]').click();
      await page.waitForFunction(CHARTS, { polling: 100, timeout: 30_000 });
      // Opened again in the tab, the page is signed in from the start (the token is in its session storage).
      await page.evaluateOnNewDocument(WATCH_SHIFTS);
      await page.reload({ waitUntil: 'load' });
      await page.waitForFunction(CHARTS, { polling: 100, timeout: 30_000 });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const grown = await page.$eval('zmot-dashboard', (d) => d.getBoundingClientRect().height);
      assert.ok(grown > height, 'the signed-in dashboard is taller than the screen');
      const shifts = (await page.evaluate('window.shifts')) as unknown[];
      assert.deepEqual(shifts, []);
      await page.close();
    });
  }

  test('the dashboard there keeps its period and language in the address', { timeout: 60_000 }, async () => {
    const page = await browser!.newPage();
    await page.goto(`${url}/?lang=de&from=2026-03-01&to=2026-03-30`, { waitUntil: 'load' });
    await page.waitForFunction(`document.querySelector('zmot-dashboard')?.shadowRoot?.querySelector('#token')`, { polling: 100, timeout: 30_000 });
    const state = await page.$eval('zmot-dashboard', (el) => ({ lang: el.lang, from: el.getAttribute('from'), to: el.getAttribute('to') }));
    assert.deepEqual(state, { lang: 'de', from: '2026-03-01', to: '2026-03-30' });
    const label = await page.$eval('zmot-dashboard >>> .languages label', (l) => l.textContent!.trim());
    assert.match(label, /^Sprache/);
    await page.close();
  });
});
