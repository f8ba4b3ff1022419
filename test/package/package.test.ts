// The package as users get it: `npm pack`, installed from the tarball into fresh folders outside the checkout.
// A front-end project's install (the tarball alone) brings a few packages, none with an install script, no
// server framework and no native module; `npx zmot` there installs the collector's dependencies on first use
// and serves. A consumer project with the framework hosts (installed from the npm registry, the versions in
// hosts.json, with Vite to build its apps) uses the package every way the README promises: the script-tag
// drop-in served from the installed files, `import` through a bundler, TypeScript and JSX typings, React 19,
// Vue 3 and Svelte 5 hosts passing a feed object through `data` and listening to `zmot-event` / `zmot-error`,
// `npx zmot serve`, and a plain Node import that touches no browser global. Pages run in Debian's Chromium,
// driven by puppeteer. Needs `npm run build` first (npm test runs it).
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { build as viteBuild, PluginOption } from 'vite';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const run = promisify(execFile);
const NPM_INSTALL = ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];

/** The version installed in the checkout, so a consumer folder installs the same one from the npm cache. */
const installed = (name: string) => (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
const ROOT_PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; peerDependencies: Record<string, string> };
/** The collector's dependencies: optional peers of the package (bin/zmot.js installs them on first use). */
const SERVER_PACKAGES = Object.keys(ROOT_PACKAGE.peerDependencies);
/** Framework hosts and Vite for the consumer project, as the project's own package.json would list them. */
const HOSTS = (JSON.parse(readFileSync(join(ROOT, 'test/package/hosts.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies;

let tarball: string; // the packed package
let lean: string; // a front-end project: package.json and the tarball installed, nothing else
let dir: string; // the consumer project: package.json, node_modules/zmot from the tarball, the hosts, apps/, feeds/
let packed: string[]; // the tarball's file list
let server: Server;
let base: string;
let browser: Browser;
/** The consumer project's own Vite and plugins (imported from its node_modules, not the checkout's). */
let vite: { build: typeof viteBuild; react: () => PluginOption; vue: (options: unknown) => PluginOption; svelte: () => PluginOption };

/** Serves the consumer folder as a static site (what a CDN or the app's own server would do). */
function serveFolder(root: string): Promise<Server> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.map': 'application/json' };
  const http = createServer((request, response) => {
    const path = normalize(join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
    const file = path.endsWith('/') ? join(path, 'index.html') : path;
    if (request.url === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => http.listen(0, '127.0.0.1', () => resolve(http)));
}

before(async () => {
  assert.ok(existsSync(join(ROOT, 'dist/lib/entries/index.js')) && existsSync(join(ROOT, 'dist/node/collector/cli.js')), 'run "npm run build" first');
  // Outside the checkout, so nothing resolves from the checkout's node_modules by accident.
  const packs = mkdtempSync(join(tmpdir(), 'zmot-pack-'));
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packs], { cwd: ROOT, maxBuffer: 1 << 24 });
  const [pack] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  packed = pack!.files.map((f) => f.path);
  tarball = join(packs, pack!.filename);

  lean = mkdtempSync(join(tmpdir(), 'zmot-lean-'));
  writeFileSync(join(lean, 'package.json'), JSON.stringify({ name: 'zmot-front-end', private: true, type: 'module' }));
  await run('npm', [...NPM_INSTALL, tarball], { cwd: lean, maxBuffer: 1 << 24 });

  dir = mkdtempSync(join(tmpdir(), 'zmot-package-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'zmot-consumer', private: true, type: 'module' }));
  // --ignore-scripts: better-sqlite3 would otherwise compile SQLite for a minute and a half (no prebuilt
  // binary can be downloaded here); the checkout's build of the same version is copied in instead.
  await run(
    'npm',
    [
      ...NPM_INSTALL,
      '--ignore-scripts',
      tarball,
      ...Object.entries(HOSTS).map(([name, version]) => `${name}@${version}`),
      ...SERVER_PACKAGES.map((name) => `${name}@${installed(name)}`),
      `@types/node@${installed('@types/node')}`,
    ],
    { cwd: dir, maxBuffer: 1 << 24 },
  );
  const sqlite = 'node_modules/better-sqlite3';
  cpSync(join(ROOT, sqlite, 'build'), join(dir, sqlite, 'build'), { recursive: true });
  cpSync(join(ROOT, 'test/package/apps'), join(dir, 'apps'), { recursive: true });
  cpSync(join(ROOT, 'demo/feeds'), join(dir, 'feeds'), { recursive: true });
  writeFileSync(
    join(dir, 'vite-and-plugins.mjs'),
    `export { build } from 'vite';
    export { default as react } from '@vitejs/plugin-react';
    export { default as vue } from '@vitejs/plugin-vue';
    export { svelte } from '@sveltejs/vite-plugin-svelte';`,
  );
  vite = (await import(pathToFileURL(join(dir, 'vite-and-plugins.mjs')).href)) as typeof vite;
  server = await serveFolder(dir);
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  browser = await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
});

after(async () => {
  await browser?.close();
  server?.close();
  for (const folder of [dir, lean, tarball && join(tarball, '..')]) if (folder) rmSync(folder, { recursive: true, force: true });
});

/** A page that collects uncaught errors and console errors; `expected` ones (a 404 a test provokes) pass. */
async function open(url: string, expected: RegExp[] = []): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    const text = `${message.text()} (${message.location().url ?? ''})`;
    if (message.type() === 'error' && !expected.some((e) => e.test(text))) errors.push(text);
  });
  await page.goto(url);
  return { page, errors };
}

/** The text of a part inside an element's shadow root, waiting for it. */
async function partText(page: Page, host: string, part: string): Promise<string> {
  const selector = `${host} >>> [part~="${part}"]`;
  // `visible` also makes puppeteer poll every frame: without it, it re-checks on mutations of the document
  // only, and misses a part that appears inside a shadow root after the page has stopped changing.
  await page.waitForSelector(selector, { timeout: 15_000, visible: true });
  return page.$eval(selector, (el) => el.textContent!.trim());
}

const parts = (page: Page, host: string, part: string) => page.$$eval(`${host} >>> [part~="${part}"]`, (els) => els.length);

async function logLines(page: Page, wanted: string[]): Promise<string[]> {
  await page.waitForFunction(
    (lines: string[]) => lines.every((line) => [...document.querySelectorAll('#log li')].some((li) => li.textContent === line)),
    { timeout: 15_000 },
    wanted,
  );
  return page.$$eval('#log li', (items) => items.map((li) => li.textContent!));
}

/** Builds one app of apps/ with Vite, as its own project would; returns its URL. */
async function buildApp(name: string, plugins: PluginOption[] = [], input?: string): Promise<string> {
  await vite.build({
    root: join(dir, 'apps', name),
    base: `/apps/${name}/dist/`,
    configFile: false,
    logLevel: 'error',
    plugins,
    build: { outDir: 'dist', emptyOutDir: true, ...(input ? { rollupOptions: { input } } : {}) },
  });
  return `${base}/apps/${name}/dist/`;
}

/** Every package installed in a project, from npm's record of its node_modules: path → its package.json. */
function installedPackages(project: string): Map<string, Record<string, unknown>> {
  const lock = JSON.parse(readFileSync(join(project, 'node_modules/.package-lock.json'), 'utf8')) as { packages: Record<string, { link?: boolean }> };
  const found = new Map<string, Record<string, unknown>>();
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path || entry.link) continue;
    found.set(path, JSON.parse(readFileSync(join(project, path, 'package.json'), 'utf8')) as Record<string, unknown>);
  }
  return found;
}

/** Files under `folder` (recursively) whose name matches. */
function filesNamed(folder: string, pattern: RegExp): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((path) => pattern.test(path));
}

describe('a front-end project (the package alone)', () => {
  test('installs fewer than 20 packages, none with an install script, no server framework and no native module', (t) => {
    const packages = installedPackages(lean);
    const names = [...packages.values()].map((p) => p.name as string).sort();
    t.diagnostic(`${packages.size} packages: ${names.join(', ')}`);
    assert.ok(packages.size < 20, `${packages.size} packages`);
    assert.ok(names.includes('zmot') && names.includes('lit'), 'zmot and Lit are there');
    for (const [path, pkg] of packages) {
      const scripts = (pkg.scripts ?? {}) as Record<string, string>;
      for (const hook of ['preinstall', 'install', 'postinstall']) assert.equal(scripts[hook], undefined, `${path} has no ${hook} script`);
      assert.ok(!existsSync(join(lean, path, 'binding.gyp')), `${path} builds no native module`);
    }
    for (const server of [...SERVER_PACKAGES, 'fastify', '@fastify/cors', 'better-sqlite3', 'pg']) assert.ok(!names.includes(server), `no ${server}`);
    assert.deepEqual(filesNamed(join(lean, 'node_modules'), /\.node$/), [], 'no compiled addon');
  });

  test('npx zmot installs the collector\'s dependencies on first use, then imports and serves', async () => {
    // What a fresh machine downloads from GitHub for better-sqlite3 (its prebuilt binary: no compiler needed)
    // is served here from the checkout's build; everything else comes from the npm registry.
    const binary = join(lean, 'prebuilt.tar.gz');
    await run('tar', ['-czf', binary, '-C', join(ROOT, 'node_modules/better-sqlite3'), 'build/Release/better_sqlite3.node']);
    const mirror = createServer((request, response) => {
      if (request.url?.endsWith('.tar.gz')) response.writeHead(200, { 'content-type': 'application/gzip' }).end(readFileSync(binary));
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
    const home = join(lean, '.zmot-home');
    const before = installedPackages(lean).size;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ZMOT_HOME: home,
      npm_config_prefer_offline: 'true',
      npm_config_better_sqlite3_binary_host: `http://127.0.0.1:${(mirror.address() as { port: number }).port}`,
    };
    delete env.DATABASE_URL;
    try {
      // Help and usage errors need none of them.
      const help = await run('npx', ['--no-install', 'zmot', 'serve', '--help'], { cwd: lean, env });
      assert.match(help.stdout, /^Usage: zmot serve/);
      assert.doesNotMatch(help.stderr, /zmot:/); // (npm warns about the mirror's setting, unknown to npm itself)
      assert.ok(!existsSync(home), 'nothing installed for --help');

      const db = join(lean, 'zmot.db');
      cpSync(join(ROOT, 'demo/feeds/ledgerly-cloud.json'), join(lean, 'ledgerly-cloud.json'));
      const first = await run('npx', ['--no-install', 'zmot', 'import', '--site', 'demo', '--db', db, 'ledgerly-cloud.json'], { cwd: lean, env, maxBuffer: 1 << 24 });
      assert.match(first.stderr, /^zmot: installing the collector's server dependencies \(.*fastify.*\) once, into /m);
      assert.match(first.stdout, /^imported \d+ reviews of 1 product for site demo/);
      assert.equal(installedPackages(lean).size, before, 'nothing added to the project');
      assert.deepEqual(readdirSync(home), [`server-${ROOT_PACKAGE.version}`]);
      assert.ok(existsSync(join(home, `server-${ROOT_PACKAGE.version}`, 'node_modules/fastify/package.json')), 'installed in ZMOT_HOME');

      const child: ChildProcess = spawn('npx', ['--no-install', 'zmot', 'serve', '--port', '0', '--db', db, '--token', 'owner-token-of-the-lean-project'], {
        cwd: lean,
        env,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      try {
        let err = '';
        child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
        const url = await new Promise<string>((resolve, reject) => {
          let out = '';
          child.stdout!.on('data', (chunk: Buffer) => {
            out += chunk.toString();
            const match = /listening on (http:\/\/\S+)/.exec(out);
            if (match) resolve(match[1]!);
          });
          child.on('exit', (code) => reject(new Error(`zmot serve exited (${code}): ${out}${err}`)));
        });
        assert.doesNotMatch(err, /zmot: install/, 'the second command installs nothing');
        const feed = await fetch(`${url}/v1/feeds/demo/ledgerly-cloud`);
        assert.equal(feed.status, 200);
        assert.equal(((await feed.json()) as { product: { id: string } }).product.id, 'ledgerly-cloud');
        assert.equal((await fetch(`${url}/`)).status, 200);
        // Server rendering through the renderer installed on first use (an optional peer, like the server's).
        const rendered = await fetch(`${url}/v1/render/demo/ledgerly-cloud?widget=rating`);
        assert.equal(rendered.status, 200, await rendered.clone().text());
        assert.match(await rendered.text(), /<template shadowroot="open" shadowrootmode="open">.*part="average"/s);
      } finally {
        try {
          process.kill(-child.pid!, 'SIGTERM');
        } catch {
          // It had exited already: the failure above says why.
        }
      }
    } finally {
      mirror.close();
    }
  });
});

describe('the package', () => {
  test('the tarball holds every file package.json points to', () => {
    const pkg = JSON.parse(readFileSync(join(dir, 'node_modules/zmot/package.json'), 'utf8')) as Record<string, unknown>;
    const targets = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(targets) : [];
    const files = [
      ...targets(pkg.exports),
      ...targets(pkg.bin),
      ...(pkg.sideEffects as string[]),
      pkg.main as string,
      pkg.types as string,
      pkg.customElements as string,
    ];
    assert.ok(files.length > 20, 'package.json points somewhere');
    for (const file of files) {
      if (file.includes('*')) {
        // A subpath pattern (`./locales/*`): at least one packed file matches it.
        const pattern = new RegExp(`^${file.replace(/^\.\//, '').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace('*', '.+')}$`);
        assert.ok(packed.some((f) => pattern.test(f)), `${file} matches files in the package`);
      } else {
        assert.ok(existsSync(join(dir, 'node_modules/zmot', file)), `${file} is in the package`);
      }
    }
    for (const file of ['LICENSE', 'README.md', 'dist/zmot.js', 'dist/zmot.iife.js', 'dist/zmot-dashboard.js', 'src/entries/index.ts', 'editors/react.d.ts']) {
      assert.ok(packed.includes(file), `${file} is packed`);
    }
    assert.deepEqual(packed.filter((f) => /^(test|demo|scripts|\.tmp|node_modules)\//.test(f)), [], 'no tests, demo or scripts in the package');
  });

  test('Node imports the main entry and zmot/collector without touching a browser global', async () => {
    // Each global becomes a getter that notes who asked; only frames in zmot's own files count (Lit, which
    // the elements extend, brings its own stand-ins for Node).
    writeFileSync(
      join(dir, 'globals.mjs'),
      `const touched = [];
      for (const name of ['window', 'document', 'customElements', 'HTMLElement', 'navigator', 'location', 'localStorage', 'sessionStorage', 'self']) {
        let value = globalThis[name];
        Object.defineProperty(globalThis, name, {
          configurable: true,
          get() {
            const caller = new Error().stack.split('\\n')[2] ?? '';
            if (caller.includes('/node_modules/zmot/dist/')) touched.push(name + ' ' + caller.trim());
            return value;
          },
          set(v) { value = v; },
        });
      }
      const main = await import('zmot');
      const collector = await import('zmot/collector');
      console.log(JSON.stringify({ touched, main: Object.keys(main).sort(), collector: typeof collector.createCollector }));`,
    );
    const { stdout } = await run(process.execPath, ['globals.mjs'], { cwd: dir });
    const result = JSON.parse(stdout) as { touched: string[]; main: string[]; collector: string };
    assert.deepEqual(result.touched, []);
    for (const name of ['ZmotRating', 'ZmotTestimonials', 'ZmotRecommend', 'configure', 'summarise', 'validateFeed']) assert.ok(result.main.includes(name), name);
    assert.equal(result.collector, 'function');
  });

  test('npx zmot: serve --help, import and serve from the installed package', async () => {
    const help = await run('npx', ['--no-install', 'zmot', 'serve', '--help'], { cwd: dir });
    assert.match(help.stdout, /^Usage: zmot serve/m);
    const db = join(dir, 'zmot.db');
    await run('npx', ['--no-install', 'zmot', 'import', '--site', 'demo', '--db', db, 'feeds/ledgerly-cloud.json'], { cwd: dir });
    // In its own process group, so the server under npx stops with it.
    const child: ChildProcess = spawn('npx', ['--no-install', 'zmot', 'serve', '--port', '0', '--db', db, '--token', 'owner-token-0123456'], {
      cwd: dir,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        const read = (chunk: Buffer) => {
          out += chunk.toString();
          const match = /listening on (http:\/\/\S+)/.exec(out);
          if (match) resolve(match[1]!);
        };
        child.stdout!.on('data', read);
        child.stderr!.on('data', read);
        child.on('exit', (code) => reject(new Error(`zmot serve exited (${code}): ${out}`)));
      });
      const feed = await fetch(`${url}/v1/feeds/demo/ledgerly-cloud`);
      assert.equal(feed.status, 200);
      const body = (await feed.json()) as { product: { id: string }; reviews: unknown[] };
      assert.equal(body.product.id, 'ledgerly-cloud');
      assert.ok(body.reviews.length > 0);
      const home = await fetch(`${url}/`);
      assert.equal(home.status, 200);
      assert.match(home.headers.get('content-type') ?? '', /text\/html/);
      // The dashboard's browser file, found inside the installed package.
      const script = await fetch(`${url}/zmot-dashboard.js`);
      assert.equal(script.status, 200);
      assert.equal(await script.text(), readFileSync(join(dir, 'node_modules/zmot/dist/zmot-dashboard.js'), 'utf8'));
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
    }
  });

  for (const [file, build] of [
    ['index.html', 'dist/zmot.js'],
    ['classic.html', 'dist/zmot.iife.js'],
  ] as const) {
    test(`the drop-in ${build}, served from the installed files, renders elements before and after its tag`, async () => {
      const { page, errors } = await open(`${base}/apps/dropin/${file}`);
      const { summarise } = (await import(join(dir, 'node_modules/zmot/dist/lib/entries/index.js'))) as { summarise(feed: unknown): { rating: number } };
      for (const [host, feed] of [
        ['#before', 'trail-runner-2'],
        ['#after', 'ledgerly-cloud'],
      ] as const) {
        assert.match(await partText(page, host, 'average'), /^\d\.\d$/);
        const shown = await page.$eval(host, (el) => (el as HTMLElement & { summary?: { rating: number } }).summary?.rating);
        assert.equal(shown, summarise(JSON.parse(readFileSync(join(dir, 'feeds', `${feed}.json`), 'utf8'))).rating);
      }
      assert.ok((await parts(page, '#after', 'distribution')) > 0, 'variant="full" shows the distribution');
      await partText(page, '#testimonials', 'testimonial');
      assert.equal(await parts(page, '#testimonials', 'testimonial'), 3);
      const { version } = JSON.parse(readFileSync(join(dir, 'node_modules/zmot/package.json'), 'utf8')) as { version: string };
      assert.equal(await page.evaluate(() => (window as Window & { zmot?: { version: string } }).zmot?.version), version);
      assert.deepEqual(errors, []);
      await page.browserContext().close();
    });
  }

  test('a bundler imports zmot and zmot/define: one class per tag, elements render, events typed', async () => {
    const url = await buildApp('bundler');
    const { page, errors } = await open(url);
    assert.equal(await partText(page, '#rating', 'average'), '4.0');
    await logLines(page, ['zmot-event render rating trail-runner-2 true']);
    assert.deepEqual(await page.evaluate(() => ({ ...document.body.dataset })), { sameClass: 'true', summary: '4.00' });
    assert.deepEqual(errors, []);
    await page.browserContext().close();
  });

  test('sideEffects lets a bundler drop the elements and Lit when only a helper is imported', async (t) => {
    const out = join(dir, 'apps/bundler/lib');
    await vite.build({
      root: join(dir, 'apps/bundler'),
      configFile: false,
      logLevel: 'error',
      build: { outDir: out, emptyOutDir: true, minify: false, lib: { entry: 'summarise.ts', formats: ['es'], fileName: 'summarise' } },
    });
    const code = readFileSync(join(out, 'summarise.js'), 'utf8');
    assert.match(code, /function summarise/);
    for (const absent of ['customElements', 'LitElement', 'lit-html', 'zmot-rating', 'addEventListener']) assert.ok(!code.includes(absent), `no ${absent} in ${code.length} bytes`);
    t.diagnostic(`summarise() alone: ${code.length} bytes unminified`);
  });

  test('TypeScript sees the package\'s types, typed events and the React JSX typings', async () => {
    // The apps (bundler resolution, zmot's own .d.ts checked too) and a Node program (NodeNext resolution);
    // each has @ts-expect-error lines that must stay errors.
    const tsc = (project: string) =>
      run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', project], { cwd: dir }).then(
        ({ stdout }) => stdout,
        (error: { stdout: string }) => error.stdout,
      );
    const [browserSide, nodeSide] = await Promise.all([tsc('apps/tsconfig.json'), tsc('apps/node/tsconfig.json')]);
    assert.equal(browserSide, '', 'tsc reports nothing for the apps');
    assert.equal(nodeSide, '', 'tsc reports nothing for the Node program');
  });
});

describe('framework hosts', () => {
  const hosts: [string, () => PluginOption[]][] = [
    ['react', () => [vite.react()]],
    ['vue', () => [vite.vue({ template: { compilerOptions: { isCustomElement: (tag: string) => tag.startsWith('zmot-') } } })]],
    ['svelte', () => [vite.svelte()]],
  ];
  for (const [name, plugins] of hosts) {
    test(`${name}: data property, attributes, zmot-event and zmot-error`, async () => {
      const url = await buildApp(name, plugins());
      const { page, errors } = await open(url, [/ 404 .*\/missing\/nowhere\.json\)$/]);
      // The feed object went in through `data`: (5 + 5 + 4 + 2) / 4.
      assert.equal(await partText(page, '#rating', 'average'), '4.0');
      assert.ok((await parts(page, '#rating', 'distribution')) > 0, 'variant="full"');
      // Attributes and properties as the framework set them: min-rating 4 and limit 2 leave two of three.
      await partText(page, '#testimonials', 'testimonial');
      assert.equal(await parts(page, '#testimonials', 'testimonial'), 2);
      assert.deepEqual(
        await page.$eval('#testimonials', (el) => {
          const t = el as HTMLElement & { layout: string; minRating: number; limit: number; noStructuredData: boolean };
          return [t.layout, Number(t.minRating), Number(t.limit), t.noStructuredData];
        }),
        ['grid', 4, 2, true],
      );
      // Events reached the framework's handlers, which rendered them.
      await logLines(page, ['zmot-event render rating trail-runner-2', 'zmot-event render testimonials trail-runner-2', 'zmot-error http nowhere']);
      // A state change sets the attribute again …
      await page.click('#compact');
      await page.waitForFunction(() => document.querySelector('#rating')?.getAttribute('variant') === 'compact', { timeout: 5000 });
      await page.waitForFunction(() => !document.querySelector('#rating')?.shadowRoot?.querySelector('[part~="distribution"]'), { timeout: 5000 });
      // … and a new feed object goes through `data` again: (3 + 4) / 2.
      await page.click('#next');
      await page.waitForFunction(() => document.querySelector('#rating')?.shadowRoot?.querySelector('[part~="average"]')?.textContent?.trim() === '3.5', { timeout: 5000 });
      await page.waitForFunction(() => document.querySelector('#testimonials')?.shadowRoot?.querySelectorAll('[part~="testimonial"]').length === 1, { timeout: 5000 });
      await logLines(page, ['zmot-event render rating ridge-hiker']);
      assert.deepEqual(errors, []);
      await page.browserContext().close();
    });
  }
});
