// The collector's page at / in Debian's Chromium: nothing moves while it loads (CLS 0, the footer included),
// on a phone and on a desktop screen; the dashboard keeps its period and language in the address.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import puppeteer, { type Browser } from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.js';
import { homePage } from '../../src/collector/home.js';
import { startCollector } from './helpers.js';

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
    browser = await puppeteer.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  });

  after(async () => {
    await browser?.close();
  });

  for (const [name, width, height] of [['phone', 412, 823], ['desktop', 1350, 940]] as const) {
    test(`${name} (${width} × ${height}): no layout shift while it loads`, { timeout: 60_000 }, async () => {
      const page = await browser!.newPage();
      await page.setViewport({ width, height });
      // Every layout shift without recent input, from the start of the page (the script runs before the page's own).
      await page.evaluateOnNewDocument(`
        window.shifts = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            if (!entry.hadRecentInput) window.shifts.push({ value: entry.value, sources: (entry.sources || []).map((s) => s.node ? s.node.nodeName : '?') });
          }
        }).observe({ type: 'layout-shift', buffered: true });
      `);
      await page.goto(`${url}/`, { waitUntil: 'load' });
      await page.waitForFunction(`document.querySelector('zmot-dashboard')?.shadowRoot?.querySelector('#token')`, { polling: 100, timeout: 30_000 });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const shifts = (await page.evaluate('window.shifts')) as unknown[];
      assert.deepEqual(shifts, []);
      const footerBottom = await page.$eval('footer', (f) => f.getBoundingClientRect().bottom);
      assert.ok(footerBottom <= height, 'the footer sits within the first screen');
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
