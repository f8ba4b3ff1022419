#!/usr/bin/env node
// The `zmot` command: runs the compiled collector CLI (dist/node/, made by `npm run build:node`). In a
// checkout before a build it runs the TypeScript sources through tsx instead, or says in one line what to run.
//
// The collector's own dependencies (Fastify, the SQLite and PostgreSQL drivers, the CSV reader: package.json's
// optional peerDependencies) are not installed with the package, which front-end projects install for its
// elements. When a command needs them and they are not installed next to zmot, they are installed once, from
// the npm registry, into a folder of zmot's own (ZMOT_HOME, else ~/.cache/zmot), and resolved from there.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const compiled = new URL('../dist/node/collector/cli.js', import.meta.url);
const source = new URL('../src/collector/cli.ts', import.meta.url);
const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'));

/** The CLI module: compiled if built, else the sources through tsx (a checkout), else `undefined`. */
async function load() {
  if (existsSync(compiled)) return import(compiled.href);
  if (!existsSync(source)) return undefined;
  try {
    const { register: registerTsx } = await import('tsx/esm/api');
    registerTsx();
  } catch {
    return undefined;
  }
  return import(source.href);
}

/** Whether `name` resolves from zmot's own folder, as the collector's imports would (node_modules upwards). */
function installedNextToZmot(name) {
  for (let dir = packageRoot; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules', name, 'package.json'))) return true;
    if (dirname(dir) === dir) return false;
  }
}

/** Makes the server's dependencies importable: installs them on first use, then resolves them from there. */
async function prepare() {
  const wanted = pkg.peerDependencies ?? {};
  const missing = Object.keys(wanted).filter((name) => !installedNextToZmot(name));
  if (missing.length === 0) return;
  const home = process.env.ZMOT_HOME || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'zmot');
  const folder = join(home, `server-${pkg.version}`);
  // Complete, and holding every dependency this version names (a checkout may add one under the same version).
  const complete =
    existsSync(join(folder, 'node_modules', '.zmot-complete')) &&
    Object.keys(wanted).every((name) => existsSync(join(folder, 'node_modules', name, 'package.json')));
  if (!complete) {
    process.stderr.write(`zmot: installing the collector's server dependencies (${Object.keys(wanted).join(', ')}) once, into ${folder} …\n`);
    const started = Date.now();
    // Into a folder of its own first, then renamed: an install cut short is never taken for a whole one.
    const partial = `${folder}.${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    mkdirSync(partial, { recursive: true });
    writeFileSync(
      join(partial, 'package.json'),
      `${JSON.stringify({ name: 'zmot-server-dependencies', private: true, dependencies: wanted, allowScripts: { 'better-sqlite3': true } }, null, 2)}\n`,
    );
    const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--omit=dev', '--loglevel=error'], {
      cwd: partial,
      stdio: ['ignore', process.stderr, 'inherit'], // npm's own lines on stderr: stdout is the command's
      shell: process.platform === 'win32',
    });
    if (npm.status !== 0) {
      rmSync(partial, { recursive: true, force: true });
      const specs = Object.entries(wanted).map(([name, range]) => `${name}@${range}`).join(' ');
      throw new Error(`could not install the collector's dependencies (npm exited ${npm.status ?? npm.signal}); install them next to zmot instead: npm install ${specs}`);
    }
    writeFileSync(join(partial, 'node_modules', '.zmot-complete'), `${new Date().toISOString()}\n`);
    rmSync(folder, { recursive: true, force: true });
    renameSync(partial, folder);
    process.stderr.write(`zmot: installed in ${((Date.now() - started) / 1000).toFixed(0)} s; later starts use them as they are\n`);
  }
  register('./resolve-server.js', import.meta.url, { data: { parentURL: pathToFileURL(join(folder, 'package.json')).href } });
}

const cli = await load();
if (cli) {
  process.exitCode = await cli.main(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env: process.env,
    prepare,
  });
} else {
  process.stderr.write('zmot: the collector is not built yet: run "npm install && npm run build:node" in the zmot folder first\n');
  process.exitCode = 1;
}
