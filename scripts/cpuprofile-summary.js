#!/usr/bin/env node
// Where a process's CPU time went, from a V8 .cpuprofile (node --cpu-prof): self time per package
// (node_modules/…), per zmot module (dist/node/…), and per built-in or V8 bucket ((idle), (garbage collector),
// writev …), as shares of the profile's whole time, largest first. Used for the collector's profile in
// BENCHMARKS.md:
//
//   BENCH_WORKERS=1 BENCH_RUNS=1 BENCH_ONLY=sqlite BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=.tmp/prof" npm run bench:collector
//   node scripts/cpuprofile-summary.js .tmp/prof/*.cpuprofile [lines]
import { readFileSync } from 'node:fs';

const [file, lines = '15'] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node scripts/cpuprofile-summary.js FILE.cpuprofile [lines]\n');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));

/** The bucket a sample's function belongs to. */
function bucket({ url, functionName }) {
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inModules) return inModules[1];
  const own = /\/dist\/node\/(.*)$/.exec(url);
  if (own) return `zmot/${own[1]}`;
  if (url) return `node:${url.split('/').pop()}`;
  return functionName || '(native)';
}

const time = new Map();
let total = 0;
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i] ?? 0;
  total += delta;
  const key = bucket(nodes.get(id).callFrame);
  time.set(key, (time.get(key) ?? 0) + delta);
});
for (const [key, spent] of [...time].sort((a, b) => b[1] - a[1]).slice(0, Number(lines))) {
  const name = key.length > 80 ? `${key.slice(0, 77)}…` : key;
  console.log(`${((100 * spent) / total).toFixed(1).padStart(5)}%  ${name}`);
}
