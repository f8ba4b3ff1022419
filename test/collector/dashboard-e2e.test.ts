// End to end: a real collector process (`zmot serve` on a free loopback port and a temporary SQLite file)
// receives events over HTTP, and the dashboard it serves at / shows them in Debian's Chromium, driven by
// puppeteer: sign in with the token, read the numbers, post more, reload, read them again.
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.js';
import type { ZmotEvent } from '../../src/telemetry/schema.js';
import { BROWSER_UA, tempDir } from './helpers.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const TOKEN = 'e2e-owner-token-0123';
const SITE = 'e2e-shop';

/** Starts `zmot serve` in its own process; resolves with its address once it listens. */
function serve(db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', "import { main } from './src/collector/cli.ts'; process.exitCode = await main(process.argv.slice(1));",
      'serve', '--port', '0', '--db', db, '--token', TOKEN],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve({ child, url: match[1]! });
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`zmot serve exited (${code}): ${out}`)));
  });
}

function event(type: ZmotEvent['type'], extra: Record<string, unknown> = {}): ZmotEvent {
  return { id: randomUUID(), type, ts: Date.now(), pv: randomUUID().slice(0, 8), url: 'https://shop.example/p/boot', widget: 'rating', product: 'boot', ...extra } as ZmotEvent;
}

async function post(url: string, events: ZmotEvent[]): Promise<void> {
  const response = await fetch(`${url}/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain', 'user-agent': BROWSER_UA },
    body: JSON.stringify({ v: 1, site: SITE, sent: Date.now(), events }),
  });
  assert.equal(response.status, 202, await response.text());
}

/** The text of a card's value, or of a table's rows, inside the dashboard's shadow root. */
/** Waits for an element inside the dashboard's shadow root (polling: a MutationObserver on the page does not see it). */
const shown = (page: Page, selector: string) =>
  page.waitForFunction(`document.querySelector('zmot-dashboard')?.shadowRoot?.querySelector(${JSON.stringify(selector)})`, { polling: 100, timeout: 30_000 });
const cardValue = (page: Page, id: string) => page.$eval(`zmot-dashboard >>> [data-card="${id}"] .value`, (el) => el.textContent!.trim());
const rows = (page: Page, selector: string) =>
  page.$$eval(`zmot-dashboard >>> ${selector} tbody tr`, (trs) => trs.map((tr) => [...tr.children].slice(0, 2).map((c) => c.textContent!.trim())));

describe('dashboard end to end', () => {
  let child: ChildProcess | undefined;
  let browser: Browser | undefined;
  let url = '';

  before(async () => {
    // The collector serves the built dashboard; build it when it is missing.
    if (!existsSync(join(ROOT, 'dist/zmot-dashboard.js'))) {
      execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'vite.dashboard.config.ts'], { cwd: ROOT, stdio: 'ignore' });
    }
    ({ child, url } = await serve(join(tempDir(), 'zmot.db')));
    browser = await puppeteer.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  });

  after(async () => {
    await browser?.close();
    child?.kill();
  });

  test('events posted to the collector appear on the dashboard it serves', { timeout: 120_000 }, async () => {
    const rec = { widget: 'recommend' };
    await post(url, [
      ...Array.from({ length: 5 }, () => event('render')),
      event('impression'),
      event('impression'),
      event('impression'),
      event('interaction', { action: 'filter' }),
      event('render', rec),
      event('impression', rec),
      event('nps', { ...rec, score: 10 }),
      event('nps', { ...rec, score: 9 }),
      event('nps', { ...rec, score: 3 }),
      event('share', { ...rec, channel: 'whatsapp', ref: 'ANA42' }),
      event('referral_landing', { ref: 'ANA42', widget: undefined }),
      event('conversion', { order_id: 'o1', ref: 'ANA42', value: 40, currency: 'EUR', widget: undefined, product: undefined }),
    ]);

    const page = await browser!.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warn') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(String(error)));
    page.setDefaultTimeout(30_000);
    await page.setViewport({ width: 1200, height: 900 });
    await page.goto(`${url}/`, { waitUntil: 'load' });
    await page.locator('zmot-dashboard >>> #token').fill(TOKEN);
    await page.locator('zmot-dashboard >>> button[type="submit"]').click();
    await shown(page, '[data-card="impressions"]').catch(async (error: unknown) => {
      const shown = await page.$eval('zmot-dashboard', (el) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim());
      throw new Error(`${String(error)}; the dashboard shows: ${shown}; page problems: ${problems.join(' | ')}`);
    });

    assert.equal(await cardValue(page, 'impressions'), '4');
    assert.equal(await cardValue(page, 'nps'), '33');
    assert.equal(await cardValue(page, 'referralLandings'), '1');
    assert.equal(await cardValue(page, 'referralRevenue'), '€40.00');
    assert.deepEqual((await rows(page, 'table.funnel')).slice(0, 2), [
      ['Widgets rendered', '6'],
      ['Seen (viewable)', '4'],
    ]);
    assert.deepEqual(await rows(page, 'table[data-table="channel"]'), [['whatsapp', '1']]);
    assert.deepEqual((await rows(page, 'table[data-table="product"]'))[0], ['boot', '6']);
    assert.equal(await page.$eval('zmot-dashboard >>> header select', (s) => (s as unknown as { value: string }).value), SITE);
    await shown(page, '[data-chart="zmot"] canvas');

    // More events; a reload keeps the sign-in (session storage) and shows them.
    await post(url, [event('impression'), event('impression')]);
    await page.reload({ waitUntil: 'load' });
    await shown(page, '[data-card="impressions"]');
    assert.equal(await cardValue(page, 'impressions'), '6');
    assert.deepEqual(problems, [], 'no errors or warnings in the page (its Content-Security-Policy included)');
  });
});
