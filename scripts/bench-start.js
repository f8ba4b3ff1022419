#!/usr/bin/env node
// How long `npm start` takes until the demo answers, when nothing changed since the last build: runs it
// (through npm, as a user does) --runs times, each time until GET /demo/ answers 200, then stops it.
// Prints each run and the median, with the machine's load.
//
//   node scripts/bench-start.js [--runs 5]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
const root = new URL('../', import.meta.url).pathname;

async function once() {
  const dir = mkdtempSync(join(tmpdir(), 'zmot-bench-start-'));
  const started = performance.now();
  const child = spawn('npm', ['start'], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORT: '0', ZMOT_DEMO_DB: join(dir, 'demo.db') } });
  try {
    let out = '';
    const url = await new Promise((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const match = /collector and demo pages on (http:\/\/\S+)/.exec(out);
        if (match) resolve(match[1]);
      });
      child.stderr.on('data', (chunk) => (out += chunk));
      child.on('exit', (code) => reject(new Error(`npm start exited (${code}): ${out}`)));
    });
    for (;;) {
      const answer = await fetch(`${url}/demo/`).catch(() => undefined);
      if (answer?.status === 200) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    return { ms: performance.now() - started, built: /zmot: build:/.test(out) };
  } finally {
    process.kill(-child.pid, 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

const results = [];
for (let i = 0; i < runs; i++) {
  const result = await once();
  results.push(result.ms);
  console.log(`run ${i + 1}: ${(result.ms / 1000).toFixed(2)} s${result.built ? ' (it built something)' : ''}  load ${loadavg()[0].toFixed(2)}`);
}
const sorted = [...results].sort((a, b) => a - b);
console.log(`median of ${runs}: ${(sorted[Math.floor(runs / 2)] / 1000).toFixed(2)} s (npm start until GET /demo/ answers, nothing changed since the last build)`);
