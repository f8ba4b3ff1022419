// Telemetry's share of the drop-in: the drop-in built twice with the project's own Vite config, once as it
// is and once with src/telemetry's entry points replaced by no-ops, in memory (dist/ is not touched). Counted:
// the JavaScript a page with every element loads — `zmot.js` and its `chunks/` (or, for a single-file build,
// `zmot.iife.js`) — each file minified, then gzip -9 / brotli 11, summed. Also: src/telemetry bundled alone.
// Usage: npm run size:telemetry
import { build } from 'vite';
import { build as esbuild } from 'esbuild';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const stubs = {
  'index.js': `export const track = () => undefined; export const consent = () => {}; export const flush = () => Promise.resolve();
    export const startTelemetry = () => {}; export const widgets = new WeakMap();`,
  'controller.js': `export class TelemetryController { constructor(host) { host.addController(this); } rendered() {} interaction() {} track() {} }`,
};

function withoutTelemetry() {
  return {
    name: 'zmot-without-telemetry',
    enforce: 'pre',
    resolveId(source, importer) {
      const name = source.match(/telemetry\/(index|controller)\.js$/)?.[0].split('/')[1];
      if (name && importer && !importer.includes('/src/telemetry/')) return `\0stub:${name}`;
      return null;
    },
    load(id) {
      return id.startsWith('\0stub:') ? stubs[id.slice(6)] : null;
    },
  };
}

/** The drop-in's JavaScript files, by name. */
async function dropIn(plugins) {
  const outputs = await build({
    configFile: 'vite.config.ts',
    logLevel: 'silent',
    plugins,
    build: { write: false, sourcemap: false },
  });
  const files = new Map();
  for (const output of [outputs].flat()) {
    for (const chunk of output.output) if (chunk.type === 'chunk') files.set(chunk.fileName, Buffer.from(chunk.code));
  }
  const names = files.has('zmot.js') ? [...files.keys()].filter((name) => name === 'zmot.js' || name.startsWith('chunks/')) : ['zmot.iife.js'];
  if (!names.every((name) => files.has(name))) throw new Error('no zmot.js or zmot.iife.js in the build');
  return names.map((name) => files.get(name));
}

const sizes = (code) => ({
  min: code.length,
  gzip: gzipSync(code, { level: 9 }).length,
  brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

const sum = (codes) =>
  codes.map(sizes).reduce((a, b) => ({ min: a.min + b.min, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), { min: 0, gzip: 0, brotli: 0 });

const fullFiles = await dropIn([]);
const full = sum(fullFiles);
const bare = sum(await dropIn([withoutTelemetry()]));
const alone = await esbuild({
  stdin: {
    contents: `export { track, consent, flush, startTelemetry } from './src/telemetry/index.ts';
      export { TelemetryController } from './src/elements/core/telemetry-controller.ts';`,
    resolveDir: process.cwd(),
    loader: 'ts',
  },
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2021',
  write: false,
});
const standalone = sizes(Buffer.from(alone.outputFiles[0].contents));

const row = (name, s) => `| ${name} | ${s.min} | ${s.gzip} | ${s.brotli} |`;
console.log('| bytes | minified | gzip -9 | brotli 11 |');
console.log('| --- | ---: | ---: | ---: |');
const what = fullFiles.length > 1 ? `drop-in (\`zmot.js\` + ${fullFiles.length - 1} chunks)` : 'drop-in';
console.log(row(what, full));
console.log(row(`${what} without telemetry`, bare));
console.log(row('**telemetry’s share** (difference)', { min: full.min - bare.min, gzip: full.gzip - bare.gzip, brotli: full.brotli - bare.brotli }));
console.log(row('`src/telemetry` bundled alone (esbuild --minify)', standalone));
