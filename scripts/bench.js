// `npm run bench`: builds, runs every benchmark and writes BENCHMARKS.md — the machine, then each section
// with the command that produced it and its output (medians of at least 5 runs). Long: the collector's part
// takes minutes.
//
//   npm run bench                         everything
//   npm run bench -- --only size,render   only these sections; the others keep what BENCHMARKS.md had
//   npm run bench -- --no-build           use dist/ as it is
//
// Sections: size, render, lighthouse, lighthouse-a11y, lighthouse-dashboard, telemetry, install, start, collector, reads.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem, type } from 'node:os';
import { parseArgs } from 'node:util';
import { chromiumPath } from './chromium.js';

const { values } = parseArgs({ options: { only: { type: 'string' }, 'no-build': { type: 'boolean', default: false } } });
const FILE = 'BENCHMARKS.md';

/** Each section: its title, what it measures, and the commands whose output it shows. */
const SECTIONS = [
  {
    id: 'size',
    title: 'Size',
    intro:
      'What the drop-in costs a visitor: every file, and each kind of page (the files it downloads, each compressed on its own, as a server sends them). CI fails when a page is over its limit (`npm test` runs `npm run size`). Then where the bytes of the two pages with a target go, module by module, from the build’s source maps, and what cutting out capabilities the contract names would give back. Then zmot beside peers installed from npm, all bundled the same way.',
    commands: [['npm', ['run', '--silent', 'size']], ['npm', ['run', '--silent', 'size:modules']], ['node', ['scripts/bench-size.js']]],
  },
  {
    id: 'render',
    title: 'Rendering',
    intro:
      'Time from the script tag to the widgets shown, long tasks, main-thread script time and JS heap; then `<zmot-testimonials>` with feeds of 10, 1,000 and 10,000 reviews.',
    commands: [['node', ['scripts/bench-render.js', '--runs', '7']], ['node', ['scripts/bench-testimonials.js', '--runs', '7']]],
  },
  {
    id: 'lighthouse',
    title: 'Page cost (Lighthouse)',
    intro:
      'The demo product page with and without zmot (goals: CLS 0.000, TBT added under 50 ms, performance score unchanged); then the server-rendered product page beside the same page rendered in the browser (goals for the server-rendered one: performance 100, CLS 0.000, TBT under 30 ms).',
    commands: [['node', ['scripts/bench-lighthouse.js', '--runs', '7']]],
  },
  {
    id: 'lighthouse-a11y',
    title: 'Accessibility of the demo pages (Lighthouse)',
    intro:
      'Lighthouse’s accessibility category on every demo page as `npm start` serves it, one run each (a score, not a timing), with each failing audit and the elements it names. Goal: 100 on every page.',
    commands: [['node', ['scripts/bench-lighthouse-a11y.js']]],
  },
  {
    id: 'lighthouse-dashboard',
    title: 'The dashboard in Lighthouse',
    intro:
      'The collector’s page at `/` before signing in and the signed-in dashboard, light and dark, as Lighthouse user flows (scripts/bench-lighthouse-dashboard.ts). Goals: accessibility 100, CLS 0.000.',
    commands: [['npm', ['run', '--silent', 'bench:lighthouse-dashboard', '--', '--runs', '5']]],
  },
  {
    id: 'telemetry',
    title: 'Telemetry',
    intro: 'Main-thread time per 1,000 events and bytes per event on the wire.',
    commands: [['node', ['scripts/bench-telemetry.js', '--runs', '7']]],
  },
  {
    id: 'install',
    title: 'Install',
    intro:
      'What `npm install` costs a new user on an empty npm cache: the checkout (what the build, the demo and the type-checker need; the test and benchmark tools are installed into test/ and bench/ when `npm test` and `npm run bench` first run), before and after that split, and the packed package alone in a front-end project (`npx zmot serve` installs the collector’s dependencies on first use).',
    commands: [['node', ['scripts/bench-install.js', '--before', 'b15866a']]],
  },
  {
    id: 'start',
    title: 'Start',
    intro: 'Time from `npm start` to the demo answering, when nothing changed since the last build (nothing is rebuilt).',
    commands: [['node', ['scripts/bench-start.js', '--runs', '5']]],
  },
  {
    id: 'collector',
    title: 'Collector',
    intro:
      'Events per second into the collector over HTTP, SQLite and PostgreSQL, with `zmot serve --workers 1` and `--workers 2` side by side, beside the store’s own insert and the database’s raw bulk insert of the same rows into a plain table with the same primary key (SQLite: a prepared INSERT a row, 10,000 a transaction; PostgreSQL: `COPY`), measured in the same run; `HTTP / raw` is the share of the raw rate that reaches clients (docs/collector.md explains the set-up). Then the CPU time each event cost the collector, PostgreSQL and the load generator during the HTTP runs (from /proc), and what the machine’s cores could take at that cost.',
    commands: [['npm', ['run', '--silent', 'bench:collector']]],
    env: { BENCH_RUNS: '5' },
  },
  {
    id: 'reads',
    title: 'The owner’s questions on a large site',
    intro:
      'How long `GET /v1/metrics` and `GET /v1/comments` take for a site with many events over a year, on SQLite and PostgreSQL (target: median under 100 ms at 10 million events). The store is filled straight through its insert, 10,000 events a transaction; then each question is asked 21 times over HTTP on loopback after a warm-up. The answers read the rollups (the site’s daily rollups, and the product rollups for the breakdown by product), the sharers and the comments table, whose sizes follow the days, products, codes and comments more than the events; on SQLite a period’s whole months come from the monthly rollups and sharers (migration 9). This run: 3 million events (`BENCH_EVENTS`; filling 10 million through the store takes about 25 minutes on SQLite here: the runs at 10 million are below, with their commands). At 3 million the bench’s site has events on 300 of the 365 days, about 94,000 rollup rows and 75,000 sharer rows (at 10 million: every day, about 114,000 and 91,000) and 60,000 comments (200,000).',
    commands: [['npm', ['run', '--silent', 'bench:reads']]],
    env: { BENCH_EVENTS: '3000000' },
  },
];

const only = values.only?.split(',').map((s) => s.trim());
const unknown = only?.filter((id) => !SECTIONS.some((s) => s.id === id));
if (unknown?.length) throw new Error(`unknown section(s): ${unknown.join(', ')}; known: ${SECTIONS.map((s) => s.id).join(', ')}`);

const previous = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '';
const kept = (id) => new RegExp(`<!-- bench:${id} -->\\n([\\s\\S]*?)<!-- /bench:${id} -->`).exec(previous)?.[1];
/** What was written by hand after a section's generated block (analysis, one-off runs): kept as it was. */
const notes = (id) => new RegExp(`<!-- /bench:${id} -->\\n([\\s\\S]*?)(?=\\n## |$)`).exec(previous)?.[1]?.trim() ?? '';

function machine() {
  const chromium = (() => {
    try {
      return execFileSync(chromiumPath, ['--version'], { encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  })();
  return [
    `- ${availableParallelism()} cores (\`nproc\`), ${cpus()[0]?.model.trim()}, ${(totalmem() / 1024 ** 3).toFixed(0)} GB memory, ${type()} ${release()}`,
    `- Node ${process.version}, ${chromium} (headless), puppeteer-core, Lighthouse 12`,
    '- the machine is shared with other work: timings are noisy, hence medians, with the cases of a benchmark taken in turn;',
    '  each section says when it ran, at which commit and under which load average (1, 5, 15 minutes)',
  ].join('\n');
}

/** When a section ran: date, commit and load average. */
function stamp() {
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  return `Ran ${date} UTC at commit ${commit}, load average ${loadavg().map((x) => x.toFixed(1)).join(', ')}.`;
}

function run(section) {
  const parts = [stamp()];
  for (const [command, args] of section.commands) {
    const shown = `${section.env ? `${Object.entries(section.env).map(([k, v]) => `${k}=${v}`).join(' ')} ` : ''}${command} ${args.join(' ')}`;
    process.stderr.write(`\n== ${shown}\n`);
    const started = Date.now();
    const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, ...section.env }, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
    // `npm run size` exits with 1 when a budget is exceeded: its table still goes in, and so does the failure.
    if (result.status !== 0 && !(section.id === 'size' && result.status === 1)) {
      throw new Error(`${shown} failed (exit ${result.status})`);
    }
    const seconds = (Date.now() - started) / 1000;
    const took = seconds < 90 ? `${seconds.toFixed(0)} s` : `${(seconds / 60).toFixed(1)} min`;
    parts.push(`\`${shown}\` (${took})\n\n${result.stdout.trim()}${result.status ? '\n\n**Over budget: `npm run size` exits with 1.**' : ''}`);
  }
  return `${parts.join('\n\n')}\n`;
}

if (!values['no-build']) {
  process.stderr.write('== npm run build\n');
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const sections = [];
for (const section of SECTIONS) {
  const body = !only || only.includes(section.id) ? run(section) : (kept(section.id) ?? '_Not run yet: `npm run bench`._\n');
  const after = notes(section.id);
  sections.push(`## ${section.title}\n\n${section.intro}\n\n<!-- bench:${section.id} -->\n${body}<!-- /bench:${section.id} -->${after ? `\n\n${after}` : ''}`);
}

writeFileSync(
  FILE,
  `# zmot benchmarks

Generated by \`npm run bench\` (scripts/bench.js): each block between \`<!-- bench:… -->\` markers is rewritten
when its section runs; notes written after a block (analysis, one-off runs) are kept. Every timing is the
median of at least 5 runs; sizes are exact.

## Machine

${machine()}

${sections.join('\n\n')}
`,
);
process.stderr.write(`\nwrote ${FILE}\n`);
