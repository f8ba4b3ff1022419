#!/usr/bin/env node
// The `zmot` command: runs the compiled collector CLI (dist/node/, made by `npm run build:node`). In a
// checkout before a build it runs the TypeScript sources through tsx instead, or says in one line what to run.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/node/collector/cli.js', import.meta.url);
const source = new URL('../src/collector/cli.ts', import.meta.url);

/** The CLI module: compiled if built, else the sources through tsx (a checkout), else `undefined`. */
async function load() {
  if (existsSync(compiled)) return import(compiled.href);
  if (!existsSync(source)) return undefined;
  try {
    const { register } = await import('tsx/esm/api');
    register();
  } catch {
    return undefined;
  }
  return import(source.href);
}

const cli = await load();
if (cli) {
  process.exitCode = await cli.main(process.argv.slice(2));
} else {
  process.stderr.write('zmot: the collector is not built yet: run "npm install && npm run build:node" in the zmot folder first\n');
  process.exitCode = 1;
}
