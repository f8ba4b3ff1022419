#!/usr/bin/env node
/**
 * `npm run build`, but only the steps whose inputs changed: each step of package.json's "build" script
 * (`build:cdn`, `build:lib`, `build:node` …) runs again only when a SHA-256 of its inputs (the files its
 * compiler reads, its configuration, the lockfile and the step's own command) differs from the stamp its last
 * successful run left in dist/.stamps/, or when one of its outputs is missing. A step this file does not know
 * reads every source and configuration file. `npm start` calls it; alone:
 *
 *   node scripts/build-changed.js          build what changed, say what was up to date
 *   node scripts/build-changed.js --force  build every step (and write fresh stamps)
 *   node scripts/build-changed.js --stamp  build nothing: stamp every step as built (`postbuild`, after `npm run build`)
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const stamps = (root) => join(root, 'dist', '.stamps');
const readPackage = (root) => JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Files every step depends on: the dependencies installed, and the package's own settings. */
const SHARED = ['package.json', 'package-lock.json', 'tsconfig.json'];
const rootFiles = (root, pattern) => readdirSync(root).filter((name) => pattern.test(name));

/** What each known step reads (files or folders, from the repository root) and what it must leave behind. */
const STEPS = {
  'build:cdn': {
    inputs: (root) => ['src', ...rootFiles(root, /^vite\..*\.(ts|js|mjs)$/)],
    outputs: ['dist/zmot.js', 'dist/zmot.iife.js', 'dist/zmot-dashboard.js', 'dist/locales'],
  },
  'build:lib': { inputs: () => ['src', 'tsconfig.build.json'], outputs: ['dist/lib/entries/index.js'] },
  'build:node': {
    inputs: () => ['src/collector', 'src/feed', 'src/telemetry', 'tsconfig.node.json', 'tsconfig.node.build.json'],
    outputs: ['dist/node/collector/cli.js'],
  },
};
/** A step added later (say `build:ssr`): it may read anything, so anything that changes rebuilds it. */
const UNKNOWN = { inputs: (root) => ['src', ...rootFiles(root, /^(vite\..*|tsconfig\..*\.json)$/)], outputs: [] };

/** The steps of the "build" script, in order: `npm run a && npm run b` → ['a', 'b']. */
export function buildSteps(pkg) {
  const script = pkg.scripts?.build ?? '';
  const steps = [...script.matchAll(/npm run (\S+)/g)].map((m) => m[1]);
  if (steps.length === 0 || script.replace(/npm run \S+/g, '').replace(/&&/g, '').trim() !== '') {
    throw new Error(`scripts/build-changed.js reads "build" as "npm run a && npm run b …"; it is now: ${script}`);
  }
  return steps;
}

function files(root, path) {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => files(root, join(path, entry.name)));
}

/** The hash of a step's inputs: each file's path and content, and the command it runs. */
export function inputHash(step, root = ROOT, pkg = readPackage(root)) {
  const hash = createHash('sha256');
  hash.update(`${step}\0${pkg.scripts?.[step] ?? ''}\0${process.version}\0`);
  const paths = [...new Set([...SHARED, ...(STEPS[step] ?? UNKNOWN).inputs(root)].flatMap((path) => files(root, path)))].sort();
  for (const path of paths) hash.update(`${path.split(sep).join('/')}\0`).update(readFileSync(join(root, path))).update('\0');
  return hash.digest('hex');
}

const stampFile = (root, step) => join(stamps(root), `${step.replace(/[^\w.-]/g, '_')}.sha256`);

/** Records every step as built from the sources as they are now (after a whole `npm run build`). */
export function stampAll(root = ROOT) {
  const pkg = readPackage(root);
  mkdirSync(stamps(root), { recursive: true });
  for (const step of buildSteps(pkg)) writeFileSync(stampFile(root, step), inputHash(step, root, pkg));
}

/** Runs the build steps whose inputs changed; returns the names of those it ran. Throws when one fails. */
export function buildChanged({ root = ROOT, force = false, log = (line) => process.stdout.write(`${line}\n`), stdio = 'inherit' } = {}) {
  const pkg = readPackage(root);
  const ran = [];
  for (const step of buildSteps(pkg)) {
    const stamp = stampFile(root, step);
    const hash = inputHash(step, root, pkg);
    const outputs = (STEPS[step] ?? UNKNOWN).outputs;
    const stamped = existsSync(stamp) ? readFileSync(stamp, 'utf8') : undefined;
    const missing = outputs.find((o) => !existsSync(join(root, o)));
    const why = force ? 'forced' : stamped === undefined ? 'not built yet' : stamped !== hash ? 'its sources changed since the last build' : missing ? `${missing} is missing` : '';
    if (!why) continue;
    log(`zmot: ${step} (${why})`);
    const result = spawnSync('npm', ['run', '--silent', step], { cwd: root, stdio, shell: process.platform === 'win32' });
    if (result.status !== 0) throw new Error(`npm run ${step} failed (exit ${result.status ?? result.signal})`);
    mkdirSync(stamps(root), { recursive: true });
    writeFileSync(stamp, hash);
    ran.push(step);
  }
  if (ran.length === 0) log('zmot: dist/ is up to date with the sources (nothing to build)');
  return ran;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    if (process.argv.includes('--stamp')) stampAll();
    else buildChanged({ force: process.argv.includes('--force') });
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  }
}
