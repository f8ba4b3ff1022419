/**
 * For the end-to-end security tests: `npm start`'s demo server (scripts/start.js: the collector with the
 * demo pages at /demo/ and, under the strict CSP, /demo-csp/) in its own process on a free port and a
 * temporary SQLite file, and Debian's Chromium through puppeteer. Builds what is missing first.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { after, before } from 'node:test';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.js';
import { tempDir } from './helpers.js';

export const ROOT = new URL('../../', import.meta.url).pathname;

/** Builds the drop-in and the collector when a file the demo server needs is missing. */
export function ensureBuilt(): void {
  if (!existsSync(join(ROOT, 'dist/zmot.js')) || !existsSync(join(ROOT, 'dist/zmot.iife.js'))) {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: ROOT, stdio: 'ignore' });
  }
  if (!existsSync(join(ROOT, 'dist/node/collector/index.js'))) {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.node.build.json'], { cwd: ROOT, stdio: 'ignore' });
  }
}

export interface DemoServer {
  child: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

/** Starts `node scripts/start.js --no-build`; resolves with its address once it listens. */
export function startDemo(): Promise<DemoServer> {
  ensureBuilt();
  const child = spawn(process.execPath, ['scripts/start.js', '--no-build'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', ZMOT_DEMO_DB: join(tempDir(), 'demo.db') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the demo server did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /collector and demo pages on (http:\/\/\S+)/.exec(out);
      if (match && out.includes('Ctrl-C')) {
        clearTimeout(timer);
        resolve({
          child,
          url: match[1]!,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the demo server exited (${code}): ${out}`));
    });
  });
}

/** The demo server and Chromium for a file's tests: started before them, stopped after. */
export function demoAndChromium(): { demo: () => DemoServer; browser: () => Browser } {
  let demo: DemoServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    [demo, browser] = await Promise.all([startDemo(), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    await demo?.stop();
  });
  return { demo: () => demo!, browser: () => browser! };
}

export function launchChromium(): Promise<Browser> {
  return puppeteer.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

/** What a page did that a strict site owner would see: CSP violations, errors, warnings. */
export interface PageProblems {
  violations: string[];
  errors: string[];
  /** `status path` of every answer of 400 or more. */
  failed: string[];
}

/**
 * A new page in a fresh browser context (empty storage) that records every `securitypolicyviolation` (from
 * the first script on) and every console error, warning and uncaught exception.
 */
export async function watchedPage(browser: Browser): Promise<{ page: Page; problems: () => Promise<PageProblems> }> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const errors: string[] = [];
  const failed: string[] = [];
  page.on('console', (message) => {
    // A failed request is also a console error; `failed` lists those, each with its URL.
    if (message.text().startsWith('Failed to load resource')) return;
    if (message.type() === 'error' || message.type() === 'warn') errors.push(`${message.type()}: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${String(error)}`));
  await page.evaluateOnNewDocument(`
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber + ' ' + e.sample));`);
  return {
    page,
    problems: async () => ({
      violations: (await page.evaluate('window.__violations')) as string[],
      errors: [...errors],
      failed: [...failed],
    }),
  };
}

/** Polls until `js` (evaluated in the page) is truthy. Polling: a MutationObserver does not see into shadow roots. */
export function until(page: Page, js: string, timeout = 15_000): Promise<unknown> {
  return page.waitForFunction(js, { polling: 50, timeout });
}
