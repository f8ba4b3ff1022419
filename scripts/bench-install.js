#!/usr/bin/env node
// What `npm install` costs a new user, on an empty npm cache (everything downloaded from the registry):
// the checkout's own install (package.json and package-lock.json into an empty folder, install scripts as
// package.json allows them), at this commit and at --before for comparison; then the packed package
// installed alone into an empty front-end project. One run each: a clean-cache install takes minutes.
// better-sqlite3's install script downloads a prebuilt binary from GitHub, or compiles SQLite when it cannot
// (this machine reaches the npm registry only): each checkout is measured both ways, the download played by
// a local server that serves the checkout's own build (npm_config_better_sqlite3_binary_host).
//
//   node scripts/bench-install.js [--before b15866a]     (needs dist/: npm run build)
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { before: { type: 'string' } } });
const root = new URL('../', import.meta.url).pathname;
const load = () => loadavg().map((x) => x.toFixed(1)).join(', ');

/** `npm install` (of `args`) in a fresh folder holding `files`, with a fresh cache; time and packages added. */
async function install(files, args = [], env = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'zmot-bench-install-'));
  const cache = mkdtempSync(join(tmpdir(), 'zmot-bench-cache-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const loadBefore = load();
    const started = performance.now();
    // Not spawnSync: this process serves the prebuilt binary meanwhile.
    const child = spawn('npm', ['install', '--cache', cache, '--no-audit', '--no-fund', ...args], { cwd: dir, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const status = await new Promise((resolve) => child.on('close', resolve));
    const seconds = (performance.now() - started) / 1000;
    if (status !== 0) throw new Error(`npm install failed in ${dir}: ${stderr}`);
    const added = /added (\d+) packages?/.exec(stdout)?.[1] ?? '?';
    return { seconds, added, loadBefore, loadAfter: load() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
}

const atCommit = (commit, file) => execFileSync('git', ['show', `${commit}:${file}`], { cwd: root, encoding: 'utf8' });

// The prebuilt binary, as GitHub would serve it: the checkout's build of better-sqlite3 in a .tar.gz.
const prebuilt = mkdtempSync(join(tmpdir(), 'zmot-bench-prebuilt-'));
const tarball = join(prebuilt, 'better-sqlite3.tar.gz');
execFileSync('tar', ['-czf', tarball, '-C', join(root, 'node_modules/better-sqlite3'), 'build/Release/better_sqlite3.node']);
const mirror = createServer((request, response) => {
  if (request.url?.endsWith('.tar.gz')) response.writeHead(200).end(readFileSync(tarball));
  else response.writeHead(404).end();
});
await new Promise((resolve) => mirror.listen(0, '127.0.0.1', resolve));
const download = { npm_config_better_sqlite3_binary_host: `http://127.0.0.1:${mirror.address().port}` };

const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
const checkouts = [
  ...(values.before ? [[`${values.before} (before)`, (file) => atCommit(values.before, file)]] : []),
  [head, (file) => readFileSync(join(root, file), 'utf8')],
];
const rows = [];
for (const [how, env] of [['better-sqlite3 compiled', {}], ['better-sqlite3 downloaded', download]]) {
  for (const [label, read] of checkouts) {
    const r = await install({ 'package.json': read('package.json'), 'package-lock.json': read('package-lock.json') }, [], env);
    rows.push(`| the checkout at ${label}, ${how} | ${r.added} | ${r.seconds.toFixed(0)} s | ${r.loadBefore} → ${r.loadAfter} |`);
  }
}
mirror.close();
rmSync(prebuilt, { recursive: true, force: true });

const packs = mkdtempSync(join(tmpdir(), 'zmot-bench-pack-'));
try {
  const [pack] = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packs], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 }));
  const r = await install({ 'package.json': JSON.stringify({ name: 'front-end', private: true }) }, [join(packs, pack.filename)]);
  rows.push(`| the packed package alone, into an empty front-end project | ${r.added} | ${r.seconds.toFixed(0)} s | ${r.loadBefore} → ${r.loadAfter} |`);
} finally {
  rmSync(packs, { recursive: true, force: true });
}

console.log('`npm install --cache <empty folder> --no-audit --no-fund` in an empty folder holding the files named (one run each; the machine is shared, so the load average, 1, 5 and 15 minutes, is given before → after).\n');
console.log('| install | packages added | time | load |\n| --- | ---: | ---: | --- |');
console.log(rows.join('\n'));
