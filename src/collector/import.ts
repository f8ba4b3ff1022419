/**
 * Reading reviews to import: a contract feed as JSON (one feed, an array of feeds, or `{ "feeds": [...] }`),
 * or CSV with one review a row (columns in `CSV_COLUMNS`, documented in docs/collector.md). Reviews that fail
 * validation are skipped and reported; the rest are imported.
 */
import { parse } from 'csv-parse/sync';
import { parseFeed, ReviewSchema, type Product, type Review } from '../feed/schema.js';
import { describeIssue, LIMITS, STORABLE, valueAt } from '../telemetry/schema.js';
import type { ImportedFeed } from './store/types.js';

export interface ParsedImport {
  feeds: ImportedFeed[];
  /** One line per skipped review, naming where it was and what was wrong. */
  skipped: string[];
}

export class ImportError extends Error {
  override name = 'ImportError';
}

/** CSV columns: `product`, `id` and `rating` are required; the rest may be absent or empty. */
export const CSV_COLUMNS = [
  'product', 'id', 'rating', 'title', 'body', 'author', 'author_role', 'author_company', 'author_avatar',
  'date', 'verified', 'source', 'url', 'lang', 'reply', 'reply_date',
  'product_name', 'product_url', 'product_brand', 'product_image',
] as const;
type Column = (typeof CSV_COLUMNS)[number];

const ALIASES: Record<string, Column> = { product_id: 'product', author_name: 'author', review_id: 'id', reply_body: 'reply' };

export function parseJsonImport(text: string): ParsedImport {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    throw new ImportError(`not valid JSON: ${(error as Error).message}`);
  }
  const list: unknown[] = Array.isArray(input)
    ? input
    : input !== null && typeof input === 'object' && Array.isArray((input as { feeds?: unknown }).feeds)
      ? (input as { feeds: unknown[] }).feeds
      : [input];
  const feeds: ImportedFeed[] = [];
  const skipped: string[] = [];
  list.forEach((raw, index) => {
    let parsed;
    try {
      parsed = parseFeed(raw);
    } catch (error) {
      throw new ImportError(list.length > 1 ? `feeds[${index}]: ${(error as Error).message}` : (error as Error).message);
    }
    const { feed } = parsed;
    for (const s of parsed.skipped) skipped.push(`${feed.product.id}: ${s.problem}`);
    const reviews = feed.reviews.filter((review) => {
      const problem = reviewDateProblem(review, '.');
      if (problem) skipped.push(`${feed.product.id}: review ${JSON.stringify(review.id)}: ${problem}`);
      return !problem;
    });
    const imported: ImportedFeed = { product: feed.product, reviews, fields: 'replace' };
    if (feed.aggregate) imported.aggregate = feed.aggregate;
    if (feed.sources) imported.sources = feed.sources;
    feeds.push(imported);
  });
  return { feeds, skipped };
}

function truthy(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (v === '') return undefined;
  return ['1', 'true', 'yes', 'y'].includes(v);
}

const REQUIRED = ['product', 'id', 'rating'] as const;

/** The dates a review may carry, as the widgets read them: `2026-11-20`, or an ISO date-time. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * `undefined` when `value` is a date the widgets read; else what is wrong, with the accepted formats (and the
 * date rewritten when a day-first or month-first reading is the only possible one: 20/11/2026).
 */
export function dateProblem(value: string): string | undefined {
  if (ISO_DATE.test(value) && Number.isFinite(Date.parse(value.replace(' ', 'T')))) {
    const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCMonth() === month - 1 && check.getUTCDate() === day) return undefined;
  }
  let hint = '';
  const parts = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (parts) {
    const [a, b] = [Number(parts[1]), Number(parts[2])];
    const pad = (n: number) => String(n).padStart(2, '0');
    if (a > 12 && b <= 12) hint = ` (${pad(a)}/${pad(b)} reads as day/month: ${parts[3]}-${pad(b)}-${pad(a)})`;
    else if (b > 12 && a <= 12) hint = ` (${pad(a)}/${pad(b)} reads as month/day: ${parts[3]}-${pad(a)}-${pad(b)})`;
    else hint = ' (day/month or month/day cannot be told apart here)';
  }
  return `${JSON.stringify(value)} is not a date zmot reads; write yyyy-mm-dd or an ISO date-time such as 2026-11-20 or 2026-11-20T14:30:00Z${hint}`;
}

/** Problems with a review's dates that the schema lets through (it takes any text), as `field: problem`. */
function reviewDateProblem(review: { date?: string | undefined; reply?: { date?: string | undefined } | undefined }, prefix: string): string | undefined {
  for (const [field, value] of [['date', review.date], [`reply${prefix}date`, review.reply?.date]] as const) {
    const problem = value === undefined || value.trim() === '' ? undefined : dateProblem(value.trim());
    if (problem) return `${field}: ${problem}`;
  }
  return undefined;
}

/** The delimiter of a CSV file, from its header line: the one of `,` `;` and tab that occurs most outside quotes. */
function detectDelimiter(text: string): string {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const unquoted = header.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, unquoted.split(d).length - 1] as const);
  const [best] = counts.sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

export function parseCsvImport(text: string): ParsedImport {
  let records: string[][];
  const delimiter = detectDelimiter(text);
  try {
    records = parse(text, { bom: true, delimiter, skip_empty_lines: true, relax_column_count: true, trim: false });
  } catch (error) {
    throw new ImportError(`not valid CSV: ${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header) throw new ImportError('the CSV file is empty');
  const columns = header.map((h) => {
    const name = h.trim().toLowerCase().replace(/[\s-]+/g, '_');
    return (ALIASES[name] ?? name) as Column;
  });
  const lacking = REQUIRED.filter((required) => !columns.includes(required));
  if (lacking.length > 0) {
    const has = header.map((h) => h.trim()).filter(Boolean);
    const quote = (names: readonly string[]) => names.map((n) => JSON.stringify(n)).join(', ');
    throw new ImportError(
      `the CSV header lacks the column${lacking.length === 1 ? '' : 's'} ${quote(lacking)}; it has ${has.length ? quote(has) : 'no names'}. ` +
        `Required: ${REQUIRED.join(', ')} (the first line names the columns, separated by commas, semicolons or tabs)`,
    );
  }
  const feeds = new Map<string, ImportedFeed>();
  const skipped: string[] = [];
  rows.forEach((cells, index) => {
    const line = index + 2;
    const cell = (column: Column): string | undefined => {
      const at = columns.indexOf(column);
      const value = at >= 0 ? cells[at]?.trim() : undefined;
      return value === '' ? undefined : value;
    };
    const productId = cell('product');
    const missing = REQUIRED.find((column) => cell(column) === undefined);
    if (missing) {
      skipped.push(`line ${line}: ${missing} is required`);
      return;
    }
    if (!productId) return;
    const rating = cell('rating');
    const authorName = cell('author');
    const replyBody = cell('reply');
    const candidate = {
      id: cell('id'),
      rating: rating === undefined ? undefined : Number(rating),
      title: cell('title'),
      body: cell('body'),
      author: authorName
        ? { name: authorName, role: cell('author_role'), company: cell('author_company'), avatar: cell('author_avatar') }
        : undefined,
      date: cell('date'),
      verified: truthy(cell('verified') ?? ''),
      source: cell('source'),
      url: cell('url'),
      lang: cell('lang'),
      reply: replyBody ? { body: replyBody, date: cell('reply_date') } : undefined,
    };
    const input = dropUndefined(candidate);
    const review = ReviewSchema.safeParse(input);
    if (!review.success) {
      const issue = review.error.issues[0];
      const column = issue ? issue.path.map(String).join('_') || 'review' : 'review';
      skipped.push(`line ${line}: ${column}: ${issue ? describeIssue(issue, valueAt(input, issue.path)) : 'invalid'}`);
      return;
    }
    const dateProblemText = reviewDateProblem(review.data, '_');
    if (dateProblemText) {
      skipped.push(`line ${line}: ${dateProblemText}`);
      return;
    }
    let feed = feeds.get(productId);
    if (!feed) {
      feed = { product: { id: productId }, reviews: [], fields: 'merge' };
      feeds.set(productId, feed);
    }
    const product: Product = { ...feed.product };
    for (const [column, field] of [['product_name', 'name'], ['product_url', 'url'], ['product_brand', 'brand'], ['product_image', 'image']] as const) {
      const value = cell(column);
      if (value !== undefined) product[field] = value;
    }
    feed.product = product;
    feed.reviews.push(review.data as Review);
  });
  return { feeds: [...feeds.values()], skipped };
}

function dropUndefined<T extends Record<string, unknown>>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    out[k] = v !== null && typeof v === 'object' && !Array.isArray(v) ? dropUndefined(v as Record<string, unknown>) : v;
  }
  return out as T;
}

/** Parses an import by its format: `csv`, `json`, or guessed from the file name and first character. */
export function parseImport(text: string, format?: 'csv' | 'json', name = ''): ParsedImport {
  const guessed = format ?? (/\.csv$/i.test(name) ? 'csv' : /\.json$/i.test(name) ? 'json' : /^\s*[[{]/.test(text) ? 'json' : 'csv');
  return storable(guessed === 'csv' ? parseCsvImport(text) : parseJsonImport(text));
}

/** The largest count the databases' `integer` columns hold (PostgreSQL's int4). */
export const MAX_COUNT = 2_147_483_647;
/** The longest review id and source id kept (each is a key of an index; PostgreSQL's hold ~2,700 bytes). */
export const MAX_REVIEW_ID = 128;
const MAX_SOURCE_ID = 64;

function idProblem(id: string, max: number): string | undefined {
  if (id.length > max) return `longer than ${max} characters`;
  if (!STORABLE.test(id)) return 'contains U+0000 or an unpaired surrogate';
  return undefined;
}

/**
 * What the feed schema allows but no database column holds, refused before anything is written (PostgreSQL
 * refused these mid-import, some after the reviews were committed): a review whose id is too long or holds
 * U+0000 is skipped and reported; a product id so, a count past 2,147,483,647 (alone, or the own reviews'
 * and the sources' together, which the combined score adds up), or a source named twice or named `own` or
 * `*` (the site's own reviews and the combined score) refuses the file, naming the field.
 */
function storable(parsed: ParsedImport): ParsedImport {
  for (const feed of parsed.feeds) {
    const product = feed.product.id;
    const where = `product ${JSON.stringify(product.length > 40 ? `${product.slice(0, 40)}…` : product)}`;
    const productProblem = idProblem(product, LIMITS.product);
    if (productProblem) throw new ImportError(`${where}: product.id: ${productProblem}`);
    const counts: [string, number | undefined][] = [
      ['aggregate.count', feed.aggregate?.count],
      ...Object.entries(feed.aggregate?.distribution ?? {}).map(([star, n]): [string, number | undefined] => [`aggregate.distribution.${star}`, n]),
      ...(feed.sources ?? []).map((source, i): [string, number | undefined] => [`sources[${i}].count`, source.count]),
    ];
    for (const [path, n] of counts) if (n !== undefined && n > MAX_COUNT) throw new ImportError(`${where}: ${path}: at most ${MAX_COUNT}`);
    // The combined score counts the site's own reviews and every source's together.
    const total = (feed.aggregate?.count ?? feed.reviews.length) + (feed.sources ?? []).reduce((sum, source) => sum + source.count, 0);
    if (total > MAX_COUNT) throw new ImportError(`${where}: aggregate.count and sources[].count: together at most ${MAX_COUNT}, got ${total}`);
    const seen = new Set<string>();
    (feed.sources ?? []).forEach((source, i) => {
      const problem =
        source.id === 'own' || source.id === '*'
          ? `${JSON.stringify(source.id)} is reserved (the site's own reviews, and the combined score)`
          : seen.has(source.id)
            ? `${JSON.stringify(source.id)} is named twice`
            : idProblem(source.id, MAX_SOURCE_ID);
      if (problem) throw new ImportError(`${where}: sources[${i}].id: ${problem}`);
      seen.add(source.id);
    });
    feed.reviews = feed.reviews.filter((review) => {
      const id = String(review.id);
      const problem = idProblem(id, MAX_REVIEW_ID);
      if (problem) parsed.skipped.push(`${product}: review ${JSON.stringify(id.length > 40 ? `${id.slice(0, 40)}…` : id)}: id: ${problem}`);
      return !problem;
    });
  }
  return parsed;
}
