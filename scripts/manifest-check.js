// Regenerates custom-elements.json into a temporary folder and fails when the committed copy differs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// The analyzer resolves its outdir against the working directory, so the scratch folder lives in .tmp/.
mkdirSync('.tmp', { recursive: true });
const outdir = mkdtempSync(join('.tmp', 'cem-'));
try {
  execFileSync('npx', ['cem', 'analyze', '--quiet'], { env: { ...process.env, CEM_OUTDIR: outdir }, stdio: 'inherit' });
  const fresh = readFileSync(join(outdir, 'custom-elements.json'), 'utf8');
  let committed = '';
  try {
    committed = readFileSync('custom-elements.json', 'utf8');
  } catch {
    // missing counts as stale
  }
  if (fresh !== committed) {
    console.error('custom-elements.json is stale: run "npm run manifest" and commit it.');
    process.exit(1);
  }
  console.log('custom-elements.json is fresh.');
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
