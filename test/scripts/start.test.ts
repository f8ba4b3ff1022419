// `npm start`: builds only the steps whose sources changed (scripts/build-changed.js, tried on a small project
// of its own, so the test never rebuilds the checkout), prints where to look, and passes `zmot serve`'s options
// through (--keep-bots: a headless browser's events are counted).
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';

const ROOT = new URL('../../', import.meta.url).pathname;
const temp: string[] = [];
after(() => temp.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zmot-build-'));
  temp.push(dir);
  // Each step appends its name to runs.txt and writes its output.
  const step = (name: string, output: string) =>
    `node -e "require('fs').appendFileSync('runs.txt','${name} ');require('fs').mkdirSync(require('path').dirname('${output}'),{recursive:true});require('fs').writeFileSync('${output}','')"`;
  const files: Record<string, string> = {
    'package.json': JSON.stringify({
      name: 'p',
      scripts: {
        build: 'npm run build:node && npm run build:extra',
        'build:node': step('node', 'dist/node/collector/cli.js'),
        'build:extra': step('extra', 'dist/extra.js'),
      },
    }),
    'src/collector/cli.ts': 'export {};\n',
    'src/elements/rating.ts': 'export {};\n',
    'tsconfig.node.json': '{}\n',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** Runs build-changed on `dir` in a process of its own, as npm start does; returns the steps that ran and what it said. */
function build(dir: string): { ran: string; said: string } {
  rmSync(join(dir, 'runs.txt'), { force: true });
  const said = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', `import { buildChanged } from ${JSON.stringify(join(ROOT, 'scripts/build-changed.js'))}; buildChanged({ root: process.cwd(), stdio: 'ignore' });`],
    { cwd: dir, encoding: 'utf8' },
  );
  return { ran: existsSync(join(dir, 'runs.txt')) ? readFileSync(join(dir, 'runs.txt'), 'utf8').trim() : '', said };
}

describe('scripts/build-changed.js', () => {
  test('builds every step once, then nothing; a change rebuilds only the steps that read it', () => {
    const dir = project();
    const run = () => build(dir);
    const first = run();
    assert.equal(first.ran, 'node extra');
    assert.match(first.said, /^zmot: build:node \(not built yet\)\nzmot: build:extra \(not built yet\)\n$/);
    const second = run();
    assert.equal(second.ran, '');
    assert.equal(second.said, 'zmot: dist/ is up to date with the sources (nothing to build)\n');

    // A browser-side file: not an input of build:node; a step the script does not know reads everything.
    writeFileSync(join(dir, 'src/elements/rating.ts'), 'export const x = 1;\n');
    assert.equal(run().ran, 'extra');
    // A collector file: both.
    writeFileSync(join(dir, 'src/collector/cli.ts'), 'export const y = 2;\n');
    assert.equal(run().ran, 'node extra');
    // The same content again (a checkout that touches files) builds nothing.
    writeFileSync(join(dir, 'src/collector/cli.ts'), 'export const y = 2;\n');
    assert.equal(run().ran, '');
    // A missing output rebuilds its step.
    rmSync(join(dir, 'dist/node'), { recursive: true });
    const missing = run();
    assert.equal(missing.ran, 'node');
    assert.match(missing.said, /build:node \(dist\/node\/collector\/cli\.js is missing\)/);
    // A new lockfile (other dependencies) rebuilds everything.
    writeFileSync(join(dir, 'package-lock.json'), '{}\n');
    assert.equal(run().ran, 'node extra');
  });

  test('--stamp (npm run build\'s postbuild) records the sources as built', () => {
    const dir = project();
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: dir });
    execFileSync(process.execPath, ['--input-type=module', '-e', `import { stampAll } from ${JSON.stringify(join(ROOT, 'scripts/build-changed.js'))}; stampAll(process.cwd());`], { cwd: dir });
    assert.equal(build(dir).ran, '');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    assert.equal(pkg.scripts.postbuild, 'node scripts/build-changed.js --stamp');
  });
});

describe('npm start in a fresh clone (npm install at the root only)', () => {
  test('every build step\'s TypeScript types come from the root\'s node_modules, none from test/\'s', () => {
    // test/node_modules (mocha's types …) exists only once npm test has run; the build must not need it.
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const projects = Object.entries(pkg.scripts)
      .filter(([name]) => name.startsWith('build:'))
      .flatMap(([, command]) => [...command.matchAll(/tsc -p (\S+)/g)].map((m) => m[1]!));
    assert.ok(projects.length >= 2, `build scripts run tsc: ${projects.join(', ')}`);
    for (const project of projects) {
      const shown = JSON.parse(execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', project, '--showConfig'], { cwd: ROOT, encoding: 'utf8' })) as {
        compilerOptions: { types?: string[] };
      };
      for (const name of shown.compilerOptions.types ?? []) {
        assert.ok(existsSync(join(ROOT, 'node_modules/@types', name)), `${project}: the types "${name}" are installed by npm install at the root`);
      }
    }
  });
});

describe('npm start', () => {
  const { ZMOT_TOKEN: _token, DATABASE_URL: _database, ...withoutToken } = process.env;
  async function start(args: string[]): Promise<{ child: ChildProcess; out: string; url: string }> {
    const dir = mkdtempSync(join(tmpdir(), 'zmot-start-'));
    temp.push(dir);
    const child = spawn(process.execPath, ['scripts/start.js', '--no-build', ...args], {
      cwd: ROOT,
      env: { ...withoutToken, PORT: '0', ZMOT_DEMO_DB: join(dir, 'demo.db') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /collector and demo pages on (http:\/\/\S+)/.exec(out);
        if (match && out.includes('Ctrl-C')) resolve(match[1]!);
      });
      child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('exit', (code) => reject(new Error(`npm start exited (${code}): ${out}`)));
    });
    return { child, out, url };
  }

  async function botEvent(url: string): Promise<{ accepted: number }> {
    const answer = await fetch(`${url}/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36' },
      body: JSON.stringify({ v: 1, site: 'demo', sent: Date.now(), events: [{ id: crypto.randomUUID(), type: 'render', ts: Date.now(), pv: 'p', url: 'http://x/demo/', widget: 'rating', product: 'trail-runner-2' }] }),
    });
    assert.equal(answer.status, 202);
    return (await answer.json()) as { accepted: number };
  }

  test('prints the demo pages, the dashboard, the token and how to count bots; options pass through to zmot serve', async () => {
    const plain = await start([]);
    try {
      const { out, url } = plain;
      assert.match(out, new RegExp(`\\n  demo pages +${url}/demo/\\n`));
      assert.match(out, new RegExp(`\\n  dashboard +${url}/\\n`));
      assert.match(out, /\n {2}token +demo-owner-token-1\n/);
      assert.match(out, /acknowledged but not counted;\nto count them: npm start -- --keep-bots\n/);
      assert.equal((await botEvent(url)).accepted, 0);
    } finally {
      plain.child.kill('SIGTERM');
    }
    const bots = await start(['--keep-bots', '--token', 'mine-own-owner-token']);
    try {
      assert.match(bots.out, /\n {2}token +mine-own-owner-token\n/);
      assert.match(bots.out, /Bots and headless browsers count too \(--keep-bots\)\./);
      assert.equal((await botEvent(bots.url)).accepted, 1);
      const metrics = await fetch(`${bots.url}/v1/metrics?site=demo`, { headers: { authorization: 'Bearer mine-own-owner-token' } });
      assert.equal(metrics.status, 200);
    } finally {
      bots.child.kill('SIGTERM');
    }
  });

  test('a mistyped option stops it with zmot serve\'s short error', () => {
    const result = (() => {
      try {
        execFileSync(process.execPath, ['scripts/start.js', '--no-build', '--prot', '1'], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, ZMOT_DEMO_DB: join(mkdtempSync(join(tmpdir(), 'zmot-start-')), 'demo.db') } });
        return { status: 0, stderr: '' };
      } catch (error) {
        return error as { status: number; stderr: string };
      }
    })();
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^zmot: unknown option --prot \(did you mean --port\?\)\n/);
  });
});
