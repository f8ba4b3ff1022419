/**
 * Reading reviews to import: a contract feed as JSON (one feed, an array of feeds, or `{ "feeds": [...] }`),
 * or CSV with one review a row (columns in `CSV_COLUMNS`, documented in docs/collector.md). Reviews that fail
 * validation are skipped and reported; the rest are imported.
 */
import { parse } from 'csv-parse/sync';
import { parseFeed, ReviewSchema, type Product, type Review } from '../feed/schema.js';
import { describeIssue, valueAt } from '../telemetry/schema.js';
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
    const imported: ImportedFeed = { product: feed.product, reviews: feed.reviews, fields: 'replace' };
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

export function parseCsvImport(text: string): ParsedImport {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: false });
  } catch (error) {
    throw new ImportError(`not valid CSV: ${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header) throw new ImportError('the CSV file is empty');
  const columns = header.map((h) => {
    const name = h.trim().toLowerCase().replace(/[\s-]+/g, '_');
    return (ALIASES[name] ?? name) as Column;
  });
  for (const required of ['product', 'id', 'rating'] as const) {
    if (!columns.includes(required)) throw new ImportError(`the CSV header has no "${required}" column (columns: ${CSV_COLUMNS.join(', ')})`);
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
    if (!productId) {
      skipped.push(`line ${line}: product: required`);
      return;
    }
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
  return guessed === 'csv' ? parseCsvImport(text) : parseJsonImport(text);
}
