// `npm run size:modules`: where the bytes of each budgeted page go (`npm run size` says how many there are).
// Run after `npm run build`; `--json` prints the figures as JSON instead of Markdown tables.
//
// The build's source maps say which source module each byte of dist/ comes from. For every module of a page,
// two figures: the minified bytes (UTF-8) it has in the page's files, and what it costs gzip: how much smaller the
// page's files compress (each on its own, gzip -9, as `npm run size` measures them) with that module's bytes
// cut out. A module's gzip cost depends on the rest (what compresses against what), so the costs do not add
// up to the page's size exactly; bytes no module owns are the bundler's glue (imports, exports, helpers).
// Then the same by area; what the page's files weigh joined into one (the cost of loading chunks apart); and
// the page without capabilities the contract names, cut out the same way: how much each would give back, and
// what the page would weigh without all of them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { eachMapping, TraceMap } from '@jridgewell/trace-mapping';
import { BUDGETS, DIST, KB, PAGES, pageFiles, read, requireBuild } from './size-pages.js';

requireBuild('size:modules');

/** Capabilities the contract or an issue asks for, by the modules that are nothing else. */
const CAPABILITIES = {
  'feed validation (contract §3: an invalid feed shows the fallback)': ['src/feed/validate.ts', 'src/feed/feed-schema.generated.ts'],
  'JSON-LD for search results (contract §3)': [
    'src/feed/structured-data.ts',
    'src/elements/core/structured-data.ts',
    'src/elements/testimonials/structured-data.ts',
  ],
  'viewable impressions (contract §4, IAB/MRC)': ['src/telemetry/viewability.ts'],
  'events kept across page views (the outbox)': ['src/telemetry/outbox.ts'],
  'space reserved before the elements are defined (CLS 0)': ['src/reserve.ts'],
  'feed fetched before the element loads': ['src/feed/prefetch.ts'],
  'the carousel layout (contract §2)': ['src/elements/testimonials/carousel.ts'],
};

/** A module's area, for the summary. */
function area(source) {
  if (!source) return 'bundler glue (imports, exports, helpers, source map comments)';
  if (/(^|\/)node_modules\/(lit|lit-html|lit-element|@lit\/[\w-]+)\//.test(source)) return 'Lit';
  if (/\.styles\.ts$/.test(source)) return 'styles';
  if (/\.messages\.ts$|^src\/i18n\/messages\//.test(source)) return 'English messages';
  if (/^src\/elements\/(zmot-element|feed-controller|trusted|core\/[\w-]+)\.ts$|^src\/i18n\/lang-controller\.ts$/.test(source)) {
    return 'base class, controllers and directives';
  }
  const dir = /^src\/([^/]+)\//.exec(source)?.[1];
  if (dir === 'elements') return 'the elements';
  if (dir === 'telemetry') return 'telemetry';
  if (dir === 'feed') return 'feed: loading, validation, aggregation, JSON-LD';
  if (dir === 'i18n') return 'languages and formatting';
  if (dir === 'referral') return 'referral';
  return 'start-up: script tag, configuration, discovery';
}

/** One file of a page: its code, and the runs of it each source module owns. */
function spans(file) {
  const code = read(file).toString('utf8');
  const map = new TraceMap(JSON.parse(readFileSync(join(DIST, `${file}.map`), 'utf8')));
  const lineStarts = [0];
  for (let i = code.indexOf('\n'); i >= 0; i = code.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const marks = [];
  eachMapping(map, (m) => {
    // Sources are relative to the map (`../src/x.ts`, `../../src/x.ts`): as paths from the project root.
    const source = m.source ? m.source.replace(/^(\.\.\/)+/, '') : null;
    marks.push({ at: lineStarts[m.generatedLine - 1] + m.generatedColumn, source });
  });
  marks.sort((a, b) => a.at - b.at);
  const runs = [];
  let last = { at: 0, source: null };
  for (const mark of [...marks, { at: code.length, source: null }]) {
    if (mark.at > last.at) runs.push({ start: last.at, end: mark.at, source: last.source });
    last = mark;
  }
  return { code, runs };
}

const gzip = (text) => gzipSync(text, { level: 9 }).length;

/** The page's gzip size with the bytes of these modules cut out of every file. */
function without(files, sources) {
  return files.reduce((total, { code, runs }) => {
    if (!sources.size) return total + gzip(code);
    return total + gzip(runs.map((r) => (sources.has(r.source) ? '' : code.slice(r.start, r.end))).join(''));
  }, 0);
}

function measure(name) {
  const files = pageFiles(PAGES[name], true).map(spans);
  const total = without(files, new Set());
  const bytes = new Map();
  for (const { code, runs } of files) {
    for (const r of runs) bytes.set(r.source, (bytes.get(r.source) ?? 0) + Buffer.byteLength(code.slice(r.start, r.end)));
  }
  const modules = [...bytes]
    .map(([source, min]) => ({ source, area: area(source), min, gzip: total - without(files, new Set([source])) }))
    .sort((a, b) => b.gzip - a.gzip);
  const areas = [...new Set(modules.map((m) => m.area))]
    .map((name) => {
      const members = modules.filter((m) => m.area === name);
      const sources = new Set(members.map((m) => m.source));
      return { area: name, modules: members.length, min: members.reduce((t, m) => t + m.min, 0), gzip: total - without(files, sources) };
    })
    .sort((a, b) => b.gzip - a.gzip);
  const present = Object.entries(CAPABILITIES)
    .map(([capability, sources]) => ({ capability, sources: sources.filter((s) => bytes.has(s)) }))
    .filter((c) => c.sources.length);
  const capabilities = present.map(({ capability, sources }) => ({ capability, gzip: total - without(files, new Set(sources)) }));
  const withoutAll = without(files, new Set(present.flatMap((c) => c.sources)));
  const oneFile = gzip(files.map((f) => f.code).join('\n'));
  return { page: name, target: BUDGETS[name].target, files: files.length, total, oneFile, modules, areas, capabilities, withoutAll };
}

const pages = Object.keys(BUDGETS)
  .filter((name) => BUDGETS[name].target)
  .map(measure);

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(pages, null, 2));
  process.exit(0);
}

const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
const over = (bytes, target) => (bytes > target ? `${kb(bytes - target)} over` : `${kb(target - bytes)} under`);
for (const p of pages) {
  console.log(
    `**${p.page}** (classic script): ${kb(p.total)} gzip in ${p.files} files, target ${kb(p.target)}, ${over(p.total, p.target)}; ` +
      `the same files joined into one: ${kb(p.oneFile)} (${over(p.oneFile, p.target)})\n`,
  );
  console.log('| area | modules | minified | gzip cost |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const a of p.areas) console.log(`| ${a.area} | ${a.modules} | ${kb(a.min)} | ${kb(a.gzip)} |`);
  console.log('\n| module | minified | gzip cost |');
  console.log('| --- | ---: | ---: |');
  for (const m of p.modules.filter((m) => m.source && m.gzip >= 100)) console.log(`| \`${m.source}\` | ${kb(m.min)} | ${kb(m.gzip)} |`);
  const small = p.modules.filter((m) => m.source && m.gzip < 100);
  if (small.length) console.log(`| ${small.length} modules under 0.1 KB each | ${kb(small.reduce((t, m) => t + m.min, 0))} | — |`);
  console.log('\n| without | gives back (gzip) | page |');
  console.log('| --- | ---: | ---: |');
  for (const c of p.capabilities) console.log(`| ${c.capability} | ${kb(c.gzip)} | ${kb(p.total - c.gzip)} |`);
  console.log(`| all of these | ${kb(p.total - p.withoutAll)} | ${kb(p.withoutAll)} (${over(p.withoutAll, p.target)}) |\n`);
}
