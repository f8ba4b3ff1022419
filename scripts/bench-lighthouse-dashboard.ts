// The dashboard in Lighthouse (part of `npm run bench`): the collector's page at `/` before signing in, and
// the signed-in dashboard, light and dark. A collector on a temporary SQLite file holds the demo site's 60 days
// (scripts/demo-events.ts) and its footer lists demo pages as under `npm start`. Each run is one Lighthouse user
// flow in a new tab of Debian's Chromium (puppeteer): a cold navigation to `/`; signing in with the token (the
// dashboard keeps it in the tab's session storage); a navigation to `/` again with the storage kept, which
// loads the signed-in dashboard. Lighthouse's defaults otherwise: mobile, simulated throttling. Accessibility
// and CLS are the targets (100 and 0.000); performance is shown beside them. Medians of --runs (default 5),
// and every accessibility audit that failed in any run.
// Needs `npm run build` (the collector serves dist/zmot-dashboard.js).
//
//   npx tsx --import ./scripts/with-bench-deps.js scripts/bench-lighthouse-dashboard.ts [--runs 5]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startFlow } from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { homePage } from '../src/collector/home.js';
import { createCollector } from '../src/collector/server.js';
import { openSqlite } from '../src/collector/store/sqlite.js';
import { chromiumArgs, chromiumPath } from './chromium.js';
import { demoToday, importDemoFeeds, postDemoEvents } from './demo-events.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Math.max(1, Number(values.runs) || 5);
const TOKEN = 'demo-owner-token-0123';

const dir = mkdtempSync(join(tmpdir(), 'zmot-lighthouse-dashboard-'));
const today = demoToday();
let clock = today;
const links = [
  { href: '/demo/', label: 'Product page' },
  { href: '/demo/b2b.html', label: 'B2B page' },
  { href: '/demo-csp/', label: 'The demo under a strict CSP' },
];
const collector = await createCollector({
  store: openSqlite(join(dir, 'zmot.db')),
  token: TOKEN,
  rateAddress: 0,
  rateSite: 0,
  keepBots: true,
  now: () => clock,
  home: homePage(links),
  logger: false,
});
const url = await collector.app.listen({ port: 0, host: '127.0.0.1' });
await importDemoFeeds(collector.store, today);
const posted = await postDemoEvents(url, today, (ms) => (clock = ms));
const browser = await puppeteer.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });

interface Result {
  accessibility: number;
  performance: number;
  cls: number;
  failed: string[];
  /** What moved, when anything did: Lighthouse's `layout-shifts` audit, each element with its share of the score. */
  shifts: string[];
}
type Lhr = Awaited<ReturnType<Awaited<ReturnType<typeof startFlow>>['createFlowResult']>>['steps'][number]['lhr'];

function result(lhr: Lhr): Result {
  const accessibility = lhr.categories.accessibility!;
  const failed = accessibility.auditRefs
    .map((ref) => lhr.audits[ref.id]!)
    .filter((audit) => audit.score !== null && audit.score < 1)
    .map((audit) => `${audit.id} (${(audit.details as { items?: unknown[] } | undefined)?.items?.length ?? 0} elements)`);
  return {
    accessibility: Math.round((accessibility.score ?? 0) * 100),
    performance: Math.round((lhr.categories.performance!.score ?? 0) * 100),
    cls: lhr.audits['cumulative-layout-shift']!.numericValue ?? NaN,
    failed,
    shifts: ((lhr.audits['layout-shifts']?.details as { items?: { node?: { selector?: string; snippet?: string }; score?: number }[] } | undefined)?.items ?? []).map(
      (item) => `${item.node?.selector ?? item.node?.snippet ?? '?'} ${(item.score ?? 0).toFixed(3)}`,
    ),
  };
}

async function flowRun(scheme: 'light' | 'dark'): Promise<[Result, Result]> {
  const page = await browser.newPage();
  try {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    const flow = await startFlow(page, { config: { extends: 'lighthouse:default', settings: { onlyCategories: ['accessibility', 'performance'] } } });
    await flow.navigate(`${url}/`, { name: 'sign-in' });
    await page.locator('zmot-dashboard >>> #token').fill(TOKEN);
    await page.locator('zmot-dashboard >>> button[type="submit"]').click();
    await page.waitForFunction("document.querySelector('zmot-dashboard')?.shadowRoot?.querySelectorAll('.uplot').length === 4", { polling: 100, timeout: 60_000 });
    await flow.navigate(`${url}/`, { name: 'signed in', flags: { disableStorageReset: true } });
    const signedIn = await page.evaluate("document.querySelector('zmot-dashboard')?.shadowRoot?.querySelectorAll('.uplot').length === 4");
    if (!signedIn) throw new Error('the second navigation did not show the signed-in dashboard');
    const { steps } = await flow.createFlowResult();
    for (const step of steps) if (step.lhr.runtimeError) throw new Error(`${step.name}: ${step.lhr.runtimeError.message}`);
    return [result(steps[0]!.lhr), result(steps[1]!.lhr)];
  } finally {
    await page.close();
  }
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

try {
  const pages = [
    ['`/` before signing in, light', 'light', 0],
    ['the signed-in dashboard, light', 'light', 1],
    ['`/` before signing in, dark', 'dark', 0],
    ['the signed-in dashboard, dark', 'dark', 1],
  ] as const;
  const results = new Map<string, Result[]>(pages.map(([name]) => [name, []]));
  for (let i = 0; i < runs; i++) {
    for (const scheme of ['light', 'dark'] as const) {
      const pair = await flowRun(scheme);
      for (const [name, s, step] of pages) if (s === scheme) results.get(name)!.push(pair[step]);
    }
    process.stderr.write(`  round ${i + 1} of ${runs}: done\n`);
  }
  console.log(`Lighthouse user flows in ${await browser.version()}, mobile, simulated throttling; the demo site's 60 days (${posted.toLocaleString('en-US')} events); median of ${runs} runs.\n`);
  console.log('| page | accessibility | CLS | CLS of each run | performance score | failed accessibility audits |');
  console.log('| --- | ---: | ---: | --- | ---: | --- |');
  for (const [name] of pages) {
    const list = results.get(name)!;
    const failed = [...new Set(list.flatMap((r) => r.failed))];
    console.log(
      `| ${name} | ${median(list.map((r) => r.accessibility))} | ${median(list.map((r) => r.cls)).toFixed(3)} | ${list.map((r) => r.cls.toFixed(3)).join(', ')} | ${median(list.map((r) => r.performance))} | ${failed.join(', ') || 'none'} |`,
    );
  }
  for (const [name] of pages) {
    const shifts = [...new Set(results.get(name)!.flatMap((r) => r.shifts))];
    if (shifts.length) console.log(`\nWhat moved, ${name}: ${shifts.join('; ')}.`);
  }
} finally {
  await browser.close();
  await collector.close();
  rmSync(dir, { recursive: true, force: true });
}
