// Size beside peers (part of `npm run bench`): zmot's rating element and telemetry, and the npm packages of
// a star-rating web component and two browser trackers, each bundled the same way — esbuild --bundle
// --minify, ES2021 modules, with the calls a page would make so tree-shaking keeps what is used — then
// gzip -9 and brotli 11. (The drop-in itself also minifies Lit's templates; `npm run size` has its files.)
//
//   node --import ./scripts/with-bench-deps.js scripts/bench-size.js
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// The peers are bench/'s tools (scripts/deps.js installs them; run through npm run bench, or with
// `node --import ./scripts/with-bench-deps.js`): esbuild looks for them there too.
const BENCH_MODULES = fileURLToPath(new URL('../bench/node_modules', import.meta.url));
const version = (name) => JSON.parse(readFileSync(join(BENCH_MODULES, name, 'package.json'), 'utf8')).version;

const groups = [
  {
    title: 'A star-rating web component (the element, its framework, its styles)',
    cases: [
      {
        name: 'zmot `<zmot-rating>`: with feed loading and validation, aggregation across sources, JSON-LD, i18n, telemetry',
        code: `import { ZmotRating } from './src/elements/rating/rating.ts';
          customElements.define('zmot-rating', ZmotRating);`,
      },
      {
        name: `Shoelace ${version('@shoelace-style/shoelace')} \`<sl-rating>\` (an input: stars only, no data)`,
        code: `import '@shoelace-style/shoelace/dist/components/rating/rating.js';`,
      },
    ],
  },
  {
    title: 'A browser tracker (events to an endpoint)',
    cases: [
      {
        name: 'zmot telemetry: `track()`, batching, retries, beacons, outbox, consent, IAB viewability',
        code: `import { consent, flush, startTelemetry, track } from './src/telemetry/index.ts';
          import { TelemetryController } from './src/elements/core/telemetry-controller.ts';
          window.zmotBench = { consent, flush, startTelemetry, track, TelemetryController };`,
      },
      {
        name: `Plausible \`@plausible-analytics/tracker\` ${version('@plausible-analytics/tracker')}: page views and custom events`,
        code: `import { init, track } from '@plausible-analytics/tracker';
          init({ domain: 'acme.example', endpoint: '/api/event' });
          window.zmotBench = track;`,
      },
      {
        name: `Snowplow \`@snowplow/browser-tracker\` ${version('@snowplow/browser-tracker')}: page views and self-describing events`,
        code: `import { newTracker, trackPageView, trackSelfDescribingEvent } from '@snowplow/browser-tracker';
          newTracker('sp', 'https://collector.acme.example', { appId: 'acme' });
          trackPageView();
          window.zmotBench = trackSelfDescribingEvent;`,
      },
    ],
  },
];

async function measure(code) {
  const result = await build({
    stdin: { contents: code, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2021',
    write: false,
    logLevel: 'silent',
    define: { __ZMOT_VERSION__: '"bench"' },
    conditions: ['production'],
    nodePaths: [BENCH_MODULES],
  });
  const bytes = Buffer.from(result.outputFiles[0].contents);
  return {
    min: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
for (const group of groups) {
  console.log(`**${group.title}**\n`);
  console.log('| bundle | minified | gzip -9 | brotli 11 |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const c of group.cases) {
    const s = await measure(c.code);
    console.log(`| ${c.name} | ${kb(s.min)} | ${kb(s.gzip)} | ${kb(s.brotli)} |`);
  }
  console.log('');
}
