/**
 * `zmot serve | import | report | invite` (contract sections 6 and 8). `main` takes the arguments after `zmot` and returns
 * the exit code; `bin/zmot.js` calls it.
 */
import cluster from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
// The server, the drivers and the CSV reader are imported by the commands that use them (a package installed
// for its elements has none of them until `zmot serve` installs them: bin/zmot.js, `Io.prepare`).
import type { ImportError } from './import.js';
import { ruleSite } from './access.js';
import { buildReport, QueryError, resolveRange, siteParam } from './metrics.js';
import { MAX_COMMENTS, parseCommentQuery } from './comments.js';
import { MIN_TOKEN_LENGTH } from './owner.js';
import { formatComments, formatReport } from './report.js';
import type { CollectorOptions } from './server.js';
import { DEFAULT_DB, describeStore, openStore, type StoreOptions } from './store/open.js';

/** A problem with the input the user gave (an import file), said in one line, exit 1. */
class InputError extends Error {
  override name = 'InputError';
}
const isImportError = (error: unknown): error is ImportError => error instanceof Error && error.name === 'ImportError';

const USAGE = {
  main: `zmot — the zmot collector

Usage: zmot <command> [options]

Commands:
  serve    run the collector (events, metrics, review feeds)
  import   load reviews (contract JSON or CSV) for the review feeds
  report   print a site's ZMOT/UMOT report
  invite   print a signed, single-use link inviting a buyer to review a product

Run "zmot <command> --help" for a command's options.
`,
  serve: `Usage: zmot serve [options]

Runs the collector: POST /v1/events, GET /v1/metrics (owner token), GET /v1/feeds/{site}/{product}, GET /.

Options:
  --port N              port to listen on (default 8787; 0 picks a free one)
  --host H              address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --db FILE             SQLite file, created on first start (default ${DEFAULT_DB})
  --database-url URL    PostgreSQL instead of SQLite (also read from DATABASE_URL)
  --read-database-url URL
                        with --database-url: a read replica of it, for the dashboard, reports, feeds and
                        comments (also read from ZMOT_READ_DATABASE_URL)
  --retain-days N       keep raw events N days (up to 36500), then drop them (whole months on PostgreSQL, small
                        batches on SQLite; checked hourly); the daily rollups, and so every report, stay (default:
                        keep all)
  --workers N           N processes (node:cluster) sharing the port, for N cores (default 1); the rate
                        limits below are shared out: each worker allows 1/N of them
  --token T             the owner's token for GET /v1/metrics (also ZMOT_TOKEN; at least ${MIN_TOKEN_LENGTH} characters,
                        spaces around it ignored; generated and printed if absent)
  --allow-origin O      origins that may send events, repeatable: "https://a.example" for every site,
                        "acme=https://a.example,https://b.example" for site acme only, "*" for any
                        (default: any origin)
  --site S              accept events for site S, repeatable (with --allow-origin SITE=…, sites named there
                        are accepted too; with neither, any site is accepted)
  --rate-address N      batches a second per client address, 10 s burst (default 20; 0 = no limit);
                        referral events from one address: a tenth of it, in events a second
  --rate-site N         events a second per site, 10 s burst (default 2000; 0 = no limit)
  --trust-proxy [P]     behind reverse proxies, take the client address from X-Forwarded-For as they wrote
                        it: P is how many proxies (default 1) or their addresses/CIDR ranges, comma-separated
                        (e.g. 10.0.0.0/8,loopback); entries a client wrote itself are never believed
  --public-url URL      base URL for feeds' "next" links when behind a proxy that rewrites paths
  --keep-bots           store events from bot user agents too (testing with headless browsers)
  --request-timeout S   seconds a client has to send a whole request, else 408 (default 10)
  -h, --help            show this help
`,
  import: `Usage: zmot import --site S [options] FILE...

Loads reviews into the collector's store for GET /v1/feeds/S/{product}. Reviews are upserted by id.

FILE is a contract review feed as JSON (one feed, an array of feeds, or {"feeds": [...]}) or CSV with a
header row and the columns:
  product, id, rating            (required; separated by commas, semicolons or tabs)
  title, body, author, author_role, author_company, author_avatar, date, verified, source, url, lang,
  reply, reply_date, product_name, product_url, product_brand, product_image   (optional)
Dates are yyyy-mm-dd or an ISO date-time (2026-11-20T14:30:00Z).

Options:
  --site S              the site the reviews belong to (required)
  --format json|csv     the files' format (default: from the file name or content)
  --replace             drop each imported product's earlier reviews first
  --db FILE             SQLite file (default ${DEFAULT_DB})
  --database-url URL    PostgreSQL instead (also read from DATABASE_URL)
  -h, --help            show this help
`,
  report: `Usage: zmot report --site S [options]

Prints the site's ZMOT/UMOT report from the store (definitions in docs/collector.md).

Options:
  --site S              the site (required)
  --from yyyy-mm-dd     first day, UTC (default: 29 days before --to)
  --to yyyy-mm-dd       last day, UTC (default: today)
  --product P           only this product's events
  --json                print the report as JSON (the same as GET /v1/metrics)
  --comments            add what customers said: the period's NPS comments, newest first (at most 1000)
  --group G             with --comments: only detractor, passive or promoter
  --db FILE             SQLite file (default ${DEFAULT_DB})
  --database-url URL    PostgreSQL instead (also read from DATABASE_URL)
  -h, --help            show this help
`,
  invite: `Usage: zmot invite --site S --product P --order O [options]

Prints a link that invites the buyer of order O to review product P: the page with <zmot-review-form>, with a
signed token in its fragment (#zmot-invite=…). A review written through it is a verified purchase, once; the
order is kept only as a SHA-256 of it. Send the link in your own post-purchase e-mail, to every buyer.
Same as POST /v1/invitations (docs/reviews.md); writes to the store directly.

Options:
  --site S              the site (required)
  --product P           the product bought (required)
  --order O             the order number (required; not in the link)
  --url U               the page with the review form (default: the product's url, from its import)
  --incentive TEXT      what is offered for a review, shown with it (e.g. "10 % off your next order")
  --days N              days the link stays valid, 1–365 (default 60)
  --json                print {"token","url","expires"} instead of the link alone
  --db FILE             SQLite file (default ${DEFAULT_DB})
  --database-url URL    PostgreSQL instead (also read from DATABASE_URL)
  -h, --help            show this help
`,
} as const;

const storeFlags = {
  db: { type: 'string' },
  'database-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/** The longest `--retain-days`: a century. */
const MAX_RETAIN_DAYS = 36_500;

class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * A site named on the command line: a site id as events carry it (letters, digits, ".", "_", "-"). Any other
 * name could never receive an event, so it is refused here rather than found out from a silent dashboard.
 */
function siteId(value: string, flag: string): string {
  try {
    return siteParam(value);
  } catch (error) {
    throw new UsageError(`${flag}: ${JSON.stringify(value)} is not a site id (${(error as Error).message.replace(/^site: /, '')})`);
  }
}

/** What `npm start` adds to `zmot serve`: the demo's folders and home page (scripts/start.js). */
export type ServeExtras = Pick<CollectorOptions, 'static' | 'home' | 'includes'>;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** Called before a command needs the server's dependencies (bin/zmot.js installs them on first use). */
  prepare?: () => Promise<void>;
}

const defaultIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
};

function storeOptions(values: { db?: string | undefined; 'database-url'?: string | undefined }, env: NodeJS.ProcessEnv): StoreOptions {
  if (values['database-url']) return { databaseUrl: values['database-url'] };
  if (values.db) return { db: values.db };
  if (env.DATABASE_URL) return { databaseUrl: env.DATABASE_URL };
  return { db: DEFAULT_DB };
}

/** The edit distance of two short strings (for "did you mean --port?"). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}

/** Node's parseArgs errors, said in one short line: the option, and the closest known one. */
function usageMessage(error: Error & { code?: string }, options: NonNullable<ParseArgsConfig['options']>, args: string[]): string {
  const quoted = /'(-[^' ]*)/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const name = quoted.replace(/^-+/, '').split('=')[0] ?? '';
      const [closest] = Object.keys(options)
        .map((option) => [option, distance(name, option)] as const)
        .sort((a, b) => a[1] - b[1]);
      const guess = closest && closest[1] <= Math.max(2, Math.floor(name.length / 3)) ? ` (did you mean --${closest[0]}?)` : '';
      return `unknown option ${quoted}${guess}`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const option = /'(--[a-z-]+)/.exec(error.message)?.[1];
      return option && /argument missing/.test(error.message) ? `${option} needs a value` : error.message;
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${JSON.stringify(args.find((a) => !a.startsWith('-')) ?? quoted)}`;
    default:
      return error.message;
  }
}

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O, positionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals: positionals, strict: true });
  } catch (error) {
    throw new UsageError(usageMessage(error as Error & { code?: string }, options, args));
  }
}

/** A file's text, or an `InputError` saying in a few words why it cannot be read. */
async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`no file ${file}`);
    if (code === 'EISDIR') throw new InputError(`${file} is a folder, not a file`);
    if (code === 'EACCES' || code === 'EPERM') throw new InputError(`${file} cannot be read (permission denied)`);
    throw error;
  }
}

function number(value: string | undefined, name: string, fallback: number, positive = false): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || (positive && n === 0)) {
    throw new UsageError(`--${name}: expected a number ${positive ? '> 0' : '≥ 0'}, got ${JSON.stringify(value)}`);
  }
  return n;
}

/** `--trust-proxy` with no value (the next argument is another option, or none) means one proxy. */
function defaultTrustProxy(args: string[]): string[] {
  return args.flatMap((arg, i) => (arg === '--trust-proxy' && (i + 1 === args.length || args[i + 1]!.startsWith('-')) ? ['--trust-proxy=1'] : [arg]));
}

/** `--trust-proxy`: a number of proxies, or their addresses and CIDR ranges. */
function trustProxy(value: string | undefined): number | string[] {
  if (value === undefined) return 0;
  if (/^\d+$/.test(value.trim())) return Number(value);
  const list = value.split(',').map((v) => v.trim()).filter(Boolean);
  const address = /^(loopback|linklocal|uniquelocal|[\d.]+(\/\d+)?|[\da-f:.]+(\/\d+)?)$/i;
  const bad = list.find((v) => !address.test(v));
  if (bad !== undefined || list.length === 0) {
    throw new UsageError(`--trust-proxy: expected a number of proxies or their addresses and CIDR ranges, got ${JSON.stringify(bad ?? value)}`);
  }
  return list;
}

async function serve(args: string[], io: Io, extra: ServeExtras = {}): Promise<number> {
  const { values } = parse(defaultTrustProxy(args), {
    ...storeFlags,
    port: { type: 'string' },
    host: { type: 'string' },
    token: { type: 'string' },
    'allow-origin': { type: 'string', multiple: true },
    site: { type: 'string', multiple: true },
    'rate-address': { type: 'string' },
    'rate-site': { type: 'string' },
    'trust-proxy': { type: 'string' },
    'public-url': { type: 'string' },
    'keep-bots': { type: 'boolean' },
    'request-timeout': { type: 'string' },
    'read-database-url': { type: 'string' },
    workers: { type: 'string' },
    'retain-days': { type: 'string' },
  });
  if (values.help) {
    io.out(USAGE.serve);
    return 0;
  }
  for (const site of values.site ?? []) siteId(site, '--site');
  for (const rule of values['allow-origin'] ?? []) {
    const site = ruleSite(rule);
    if (site !== undefined) siteId(site, '--allow-origin');
  }
  const port = number(values.port, 'port', 8787);
  const workers = number(values.workers, 'workers', 1, true);
  if (!Number.isInteger(workers)) throw new UsageError(`--workers: expected a whole number of processes, got ${JSON.stringify(values.workers)}`);
  const retainDays = values['retain-days'] === undefined ? undefined : number(values['retain-days'], 'retain-days', 0, true);
  // At most a century: 10^9 days ran past JavaScript's dates and stopped the collector a second after it started.
  if (retainDays !== undefined && (!Number.isInteger(retainDays) || retainDays > MAX_RETAIN_DAYS)) {
    throw new UsageError(`--retain-days: expected a whole number of days up to ${MAX_RETAIN_DAYS}, got ${JSON.stringify(values['retain-days'])}`);
  }
  // A worker of `--workers N` (forked below with the same arguments) takes its share of the limits.
  const share = cluster.isWorker ? Number(io.env.ZMOT_WORKERS ?? workers) : 1;
  await io.prepare?.();
  const { createCollector, REVIEWS_PER_ADDRESS, REVIEWS_PER_SITE } = await import('./server.js');
  let token = (values.token ?? io.env.ZMOT_TOKEN ?? '').trim();
  const generated = !token;
  if (generated) token = randomBytes(18).toString('base64url');
  else if (token.length < MIN_TOKEN_LENGTH) {
    throw new UsageError(`--token: the owner token needs at least ${MIN_TOKEN_LENGTH} characters, got ${token.length} (leave it out to have one generated)`);
  }
  const where = storeOptions(values, io.env);
  const readDatabaseUrl = values['read-database-url'] ?? io.env.ZMOT_READ_DATABASE_URL;
  if (readDatabaseUrl) {
    if (!where.databaseUrl) throw new UsageError('--read-database-url: reads from a replica need PostgreSQL (--database-url or DATABASE_URL)');
    where.readDatabaseUrl = readDatabaseUrl;
  }
  const rateAddress = number(values['rate-address'], 'rate-address', 20);
  const rateSite = number(values['rate-site'], 'rate-site', 2000);
  if (workers > 1 && cluster.isPrimary) return servePrimary(workers, token, generated, where, io);
  const store = await openStore(where);
  const collector = await createCollector({
    store,
    token,
    allowOrigin: values['allow-origin'] ?? [],
    sites: values.site ?? [],
    rateAddress: rateAddress / share,
    rateSite: rateSite / share,
    // Each worker takes its share of the review limits too (and at least one review's burst).
    reviewsPerAddress: { rate: REVIEWS_PER_ADDRESS.rate / share, burst: Math.max(1, REVIEWS_PER_ADDRESS.burst! / share) },
    reviewsPerSite: { rate: REVIEWS_PER_SITE.rate / share, burst: Math.max(1, REVIEWS_PER_SITE.burst! / share) },
    trustProxy: trustProxy(values['trust-proxy']),
    keepBots: values['keep-bots'] ?? false,
    requestTimeout: number(values['request-timeout'], 'request-timeout', 10, true) * 1000,
    ...(retainDays && (!cluster.isWorker || io.env.ZMOT_RETAINER === '1') ? { retainDays } : {}),
    ...(values['public-url'] ? { publicUrl: values['public-url'] } : {}),
    logger: { level: 'warn' },
    ...extra,
  });
  const address = await collector.app.listen({ port, host: values.host ?? '127.0.0.1' });
  if (cluster.isWorker) process.send?.({ zmot: 'listening', address });
  else io.out(`zmot collector listening on ${address} (${describeStore(where)})\n`);
  if (generated) io.out(`owner token (generated; pass --token or ZMOT_TOKEN to keep one): ${token}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void collector.close().then(resolve, resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  // A worker's channel to its primary would keep it alive: closed, the worker exits like a lone collector.
  if (cluster.isWorker) process.disconnect?.();
  return 0;
}

/**
 * `zmot serve --workers N`: this process migrates the store once, then forks N workers (node:cluster, the same
 * arguments) that share the port; it says where they listen once all do, starts a new worker when one dies,
 * and on SIGINT/SIGTERM stops them all (each finishes its requests and pending writes) before exiting.
 */
async function servePrimary(workers: number, token: string, generated: boolean, where: StoreOptions, io: Io): Promise<number> {
  await (await openStore(where)).close();
  const env = { ZMOT_TOKEN: token, ZMOT_WORKERS: String(workers) };
  let stopping = false;
  let listening = 0;
  const started = new Promise<string>((resolve, reject) => {
    // Worker 0 (and whoever replaces it) applies --retain-days; the others leave it to it.
    const fork = (slot: number) => {
      const worker = cluster.fork({ ...env, ZMOT_RETAINER: slot === 0 ? '1' : '0' });
      let up = false;
      worker.on('message', (message: { zmot?: string; address?: string }) => {
        if (message?.zmot !== 'listening' || up) return;
        up = true;
        listening += 1;
        if (listening === workers) resolve(message.address!);
      });
      worker.on('exit', (code, signal) => {
        if (stopping) return;
        if (!up && listening < workers) return reject(new Error(`a worker exited with ${signal ?? code} before it listened`));
        io.err(`zmot: worker ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another in 1 s\n`);
        setTimeout(() => fork(slot), 1000);
      });
    };
    for (let slot = 0; slot < workers; slot++) fork(slot);
  });
  const stopAll = () =>
    Promise.all(
      Object.values(cluster.workers ?? {}).map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (!worker || worker.isDead()) return resolve();
            worker.once('exit', () => resolve());
            worker.process.kill('SIGTERM');
          }),
      ),
    );
  try {
    const address = await started;
    io.out(`zmot collector listening on ${address} (${describeStore(where)}, ${workers} workers)\n`);
    if (generated) io.out(`owner token (generated; pass --token or ZMOT_TOKEN to keep one): ${token}\n`);
  } catch (error) {
    stopping = true;
    await stopAll();
    throw error;
  }
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      stopping = true;
      void stopAll().then(() => resolve());
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}

async function importCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    args,
    { ...storeFlags, site: { type: 'string' }, format: { type: 'string' }, replace: { type: 'boolean' } },
    true,
  );
  if (values.help) {
    io.out(USAGE.import);
    return 0;
  }
  if (!values.site) throw new UsageError('--site is required');
  siteId(values.site, '--site');
  if (positionals.length === 0) throw new UsageError('name at least one FILE to import');
  if (values.format !== undefined && values.format !== 'json' && values.format !== 'csv') {
    throw new UsageError('--format: expected json or csv');
  }
  const format = values.format as 'json' | 'csv' | undefined;
  await io.prepare?.();
  const { parseImport } = await import('./import.js');
  const parsed = await Promise.all(
    positionals.map(async (file) => {
      const text = await readText(file);
      try {
        return parseImport(text, format, file);
      } catch (error) {
        if (isImportError(error)) throw new InputError(`${file}: ${error.message}`);
        throw error;
      }
    }),
  );
  const skipped = parsed.flatMap((p) => p.skipped);
  if (skipped.length > 0 && parsed.every((p) => p.feeds.every((feed) => feed.reviews.length === 0))) {
    for (const line of skipped) io.err(`skipped ${line}\n`);
    throw new InputError(`nothing imported: every review was skipped (${skipped.length})`);
  }
  const where = storeOptions(values, io.env);
  const store = await openStore(where);
  try {
    const result = await store.importFeeds(values.site, parsed.flatMap((p) => p.feeds), { replace: values.replace ?? false });
    for (const line of skipped) io.err(`skipped ${line}\n`);
    io.out(`imported ${result.reviews} review${result.reviews === 1 ? '' : 's'} of ${result.products} product${result.products === 1 ? '' : 's'} for site ${values.site} into ${describeStore(where)}\n`);
  } finally {
    await store.close();
  }
  return 0;
}

async function report(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, {
    ...storeFlags,
    site: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    product: { type: 'string' },
    json: { type: 'boolean' },
    comments: { type: 'boolean' },
    group: { type: 'string' },
  });
  if (values.help) {
    io.out(USAGE.report);
    return 0;
  }
  if (!values.site) throw new UsageError('--site is required');
  siteId(values.site, '--site');
  if (values.group !== undefined && !values.comments) throw new UsageError('--group needs --comments');
  const range = resolveRange(values.from, values.to);
  const commentQuery = values.comments
    ? parseCommentQuery({ site: values.site, ...range, product: values.product, group: values.group, limit: String(MAX_COMMENTS) }, Date.now())
    : undefined;
  await io.prepare?.();
  const store = await openStore(storeOptions(values, io.env));
  try {
    const result = await buildReport(store, { site: values.site, ...range, product: values.product });
    const said = commentQuery && (await store.comments(commentQuery));
    if (values.json) io.out(`${JSON.stringify(said ? { ...result, comments: said.comments } : result, null, 2)}\n`);
    else io.out(formatReport(result) + (said ? `\n${formatComments(said, commentQuery?.group)}` : ''));
  } finally {
    await store.close();
  }
  return 0;
}

async function invite(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, {
    ...storeFlags,
    site: { type: 'string' },
    product: { type: 'string' },
    order: { type: 'string' },
    url: { type: 'string' },
    incentive: { type: 'string' },
    days: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    io.out(USAGE.invite);
    return 0;
  }
  for (const name of ['site', 'product', 'order'] as const) if (!values[name]) throw new UsageError(`--${name} is required`);
  if (values.days !== undefined && !/^\d+$/.test(values.days.trim())) throw new UsageError(`--days: expected a whole number of days, got ${JSON.stringify(values.days)}`);
  await io.prepare?.();
  const { InvitationError, issueInvitation, parseInvitationRequest } = await import('./invitations.js');
  const tidy = (text: string | undefined) => (text === undefined ? undefined : text.normalize('NFC').trim() || undefined);
  let request;
  try {
    request = parseInvitationRequest({
      site: tidy(values.site),
      product: tidy(values.product),
      order: tidy(values.order),
      url: tidy(values.url),
      incentive: tidy(values.incentive),
      days: values.days === undefined ? undefined : Number(values.days),
    });
  } catch (error) {
    if (error instanceof InvitationError) throw new UsageError(`--${error.message}`);
    throw error;
  }
  const store = await openStore(storeOptions(values, io.env));
  try {
    const invitation = await issueInvitation(store, request, Date.now());
    io.out(values.json ? `${JSON.stringify(invitation, null, 2)}\n` : `${invitation.url}\n`);
  } catch (error) {
    if (error instanceof InvitationError) throw new InputError(`--${error.message}`);
    throw error;
  } finally {
    await store.close();
  }
  return 0;
}

export async function main(argv: string[], io: Io = defaultIo, extra: ServeExtras = {}): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve':
        return await serve(rest, io, extra);
      case 'import':
        return await importCommand(rest, io);
      case 'report':
        return await report(rest, io);
      case 'invite':
        return await invite(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h': {
        const topic = rest[0];
        io.out(topic === 'serve' || topic === 'import' || topic === 'report' || topic === 'invite' ? USAGE[topic] : USAGE.main);
        return 0;
      }
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      // Short: the error, then where the help is (the help itself would push the error off the screen).
      const known = command === 'serve' || command === 'import' || command === 'report' || command === 'invite';
      const usage = known ? (USAGE[command].split('\n')[0] ?? '') : 'Usage: zmot serve | import | report | invite [options]';
      io.err(`zmot: ${error.message}\n${usage}\nRun "zmot ${known ? `${command} ` : ''}--help" for ${known ? 'every option' : 'the commands'}.\n`);
      return 2;
    }
    if (error instanceof InputError || isImportError(error) || error instanceof QueryError) {
      io.err(`zmot: ${error.message}\n`);
      return 1;
    }
    io.err(`zmot: ${(error as Error).message ?? String(error)}\n`);
    return 1;
  }
}
