// `npm run size`: what the drop-in costs a visitor, minified, gzip -9 and brotli (quality 11): each file the
// build wrote, and each kind of page — the files such a page downloads, each compressed on its own as a
// server sends it. Exits with 1 when a page goes over its budget (CI runs it after the build).
// Run after `npm run build`. `--json` prints the figures as JSON instead of Markdown tables.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { BUDGETS, CHUNK_BUDGETS, chunk, chunkFiles, DIST, KB, PAGES, pageFiles, read, requireBuild } from './size-pages.js';

requireBuild('size');

function sizes(file) {
  const source = read(file);
  return {
    file,
    min: source.length,
    gzip: gzipSync(source, { level: 9 }).length,
    brotli: brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function page(elements, classic) {
  const files = pageFiles(elements, classic);
  const each = files.map(sizes);
  const sum = (key) => each.reduce((total, s) => total + s[key], 0);
  return { files, min: sum('min'), gzip: sum('gzip'), brotli: sum('brotli') };
}

const files = ['zmot.iife.js', 'zmot.js', ...chunkFiles().map((name) => `chunks/${name}`)].map(sizes);
for (const optional of ['zmot.css', 'zmot-dashboard.js']) if (existsSync(join(DIST, optional))) files.push(sizes(optional));
const locales = existsSync(join(DIST, 'locales'))
  ? readdirSync(join(DIST, 'locales')).filter((name) => name.endsWith('.js')).map((name) => sizes(`locales/${name}`))
  : [];

const pages = Object.entries(PAGES).map(([name, elements]) => {
  const module = page(elements, false);
  const classic = page(elements, true);
  const budget = BUDGETS[name];
  return { name, module, classic, budget, over: budget ? classic.gzip > budget.limit : false };
});

const chunks = Object.entries(CHUNK_BUDGETS).map(([name, limit]) => {
  const { file, gzip } = sizes(chunk(name));
  return { name, file, gzip, limit, over: gzip > limit };
});

const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ files, locales, pages, chunks }, null, 2));
} else {
  console.log('| file | minified | gzip -9 | brotli 11 |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const s of files) console.log(`| \`${s.file}\` | ${kb(s.min)} | ${kb(s.gzip)} | ${kb(s.brotli)} |`);
  if (locales.length) {
    const largest = locales.reduce((a, b) => (b.gzip > a.gzip ? b : a));
    console.log(`| \`locales/*.js\` (${locales.length}; largest \`${largest.file}\`) | ${kb(largest.min)} | ${kb(largest.gzip)} | ${kb(largest.brotli)} |`);
  }
  console.log('\n| page | module: gzip / brotli | classic script: gzip / brotli | budget (gzip, classic) |');
  console.log('| --- | ---: | ---: | --- |');
  for (const p of pages) {
    const budget = p.budget
      ? `${p.over ? '**over**' : 'within'} ${kb(p.budget.limit)}${p.budget.target ? ` (target ${kb(p.budget.target)})` : ''}`
      : '—';
    console.log(
      `| ${p.name} (${p.classic.files.length} files) | ${kb(p.module.gzip)} / ${kb(p.module.brotli)} | ${kb(p.classic.gzip)} / ${kb(p.classic.brotli)} | ${budget} |`,
    );
  }
  console.log('\n| chunk | gzip -9 | budget |');
  console.log('| --- | ---: | --- |');
  for (const c of chunks) console.log(`| \`${c.file}\` | ${kb(c.gzip)} | ${c.over ? '**over**' : 'within'} ${kb(c.limit)} |`);
}

const over = pages.filter((p) => p.over);
for (const p of over) console.error(`size: "${p.name}" is ${kb(p.classic.gzip)} gzip (${p.classic.gzip} B), over its budget of ${kb(p.budget.limit)} (${Math.floor(p.budget.limit)} B)`);
const overChunks = chunks.filter((c) => c.over);
for (const c of overChunks) console.error(`size: ${c.file} is ${c.gzip} bytes gzip, over its budget of ${c.limit}`);
process.exit(over.length || overChunks.length ? 1 : 0);
