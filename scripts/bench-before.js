// The drop-in as it was before it was split into chunks, for the benchmarks to compare with: built from git
// into a temporary folder with the project's node_modules.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The last commit with the one-file drop-in (zmot.iife.js and zmot.js each a whole bundle). */
export const BEFORE_SPLIT = 'abf7232';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Builds BEFORE_SPLIT's dist/zmot.js and dist/zmot.iife.js; returns that dist folder and how to remove it. */
export function buildBefore() {
  const dir = mkdtempSync(join(tmpdir(), 'zmot-before-'));
  const archive = execFileSync('git', ['archive', BEFORE_SPLIT, 'src', 'vite.config.ts', 'package.json', 'tsconfig.json'], { cwd: root });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  execFileSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'silent'], { cwd: dir });
  return { dist: join(dir, 'dist'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
