// Telemetry's share of the drop-in: the classic-script build (dist/zmot.iife.js) made twice with the
// project's own Vite config, once as it is and once with src/telemetry's entry points replaced by no-ops,
// minified and gzip -9 / brotli 11 in memory (dist/ is not touched). Also: src/telemetry bundled alone.
// Usage: node scripts/size-telemetry.js
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

async function iife(plugins) {
  const outputs = await build({
    configFile: 'vite.config.ts',
    logLevel: 'silent',
    plugins,
    build: { write: false, sourcemap: false },
  });
  for (const output of [outputs].flat()) {
    for (const chunk of output.output) if (chunk.type === 'chunk' && chunk.fileName === 'zmot.iife.js') return Buffer.from(chunk.code);
  }
  throw new Error('no zmot.iife.js in the build');
}

const sizes = (code) => ({
  min: code.length,
  gzip: gzipSync(code, { level: 9 }).length,
  brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

const full = sizes(await iife([]));
const bare = sizes(await iife([withoutTelemetry()]));
const alone = await esbuild({
  stdin: {
    contents: `export { track, consent, flush, startTelemetry } from './src/telemetry/index.ts';
      export { TelemetryController } from './src/telemetry/controller.ts';`,
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
console.log(row('`zmot.iife.js`', full));
console.log(row('`zmot.iife.js` without telemetry', bare));
console.log(row('**telemetry’s share** (difference)', { min: full.min - bare.min, gzip: full.gzip - bare.gzip, brotli: full.brotli - bare.brotli }));
console.log(row('`src/telemetry` bundled alone (esbuild --minify)', standalone));
