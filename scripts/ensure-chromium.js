// Makes sure Debian's Chromium is there for the browser tests: installs it when we are root, else says how.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from './chromium.js';

if (!existsSync(chromiumPath)) {
  if (process.getuid?.() === 0) {
    console.log('zmot: installing Debian’s chromium for the browser tests …');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  } else {
    console.error(`zmot: the browser tests need Chromium at ${chromiumPath}: run "sudo apt-get install -y chromium" (or set CHROMIUM_PATH).`);
    process.exit(1);
  }
}
