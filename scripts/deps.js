#!/usr/bin/env node
/**
 * The tools only the tests and the benchmarks use are not installed by `npm install` at the root: each
 * group has its own package.json and lockfile (test/, bench/), and `npm ci` installs it there the first
 * time a script needs it, and again whenever its lockfile changes (a SHA-256 of it is kept in
 * node_modules/.zmot-lock). npm test and the test:* scripts call it for test/, npm run bench and the
 * bench:* scripts for bench/.
 *
 *   node scripts/deps.js test [bench]      install what is missing or stale (quiet when up to date)
 *
 * Files under test/ resolve test/node_modules as Node resolves any folder. Scripts under scripts/ that use
 * bench/'s tools run with `--import ./scripts/with-bench-deps.js`, which installs them and resolves from
 * bench/node_modules what the root's node_modules does not have.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
export const GROUPS = ['test', 'bench'];

/** Installs `group`'s tools (test/ or bench/) unless node_modules already holds its lockfile's tree. */
export function ensureDeps(group) {
  if (!GROUPS.includes(group)) throw new Error(`scripts/deps.js: unknown group ${JSON.stringify(group)}; known: ${GROUPS.join(', ')}`);
  const folder = join(ROOT, group);
  const lock = join(folder, 'package-lock.json');
  const marker = join(folder, 'node_modules', '.zmot-lock');
  const hash = createHash('sha256').update(readFileSync(lock)).digest('hex');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === hash) return false;
  process.stderr.write(`zmot: installing ${group}/'s tools (${group}/package.json; once, and after its lockfile changes) …\n`);
  const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: folder, stdio: 'inherit', shell: process.platform === 'win32' });
  if (npm.status !== 0) throw new Error(`npm ci in ${group}/ failed (exit ${npm.status ?? npm.signal})`);
  writeFileSync(marker, hash);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    for (const group of process.argv.slice(2)) ensureDeps(group);
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  }
}
