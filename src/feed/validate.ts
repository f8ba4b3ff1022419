/**
 * The browser's feed validator: a small interpreter for the JSON Schema generated from the zod schema in
 * `schema.ts` (see `scripts/gen-feed-schema.ts`), so the drop-in bundle validates exactly the same shape
 * without carrying zod. It answers like `parseFeed`: the envelope strictly, reviews one by one; unknown
 * properties are dropped and defaults filled in.
 */
import { feedJsonSchema } from './feed-schema.generated.js';
import type { Feed, ParsedFeed } from './schema.js';

/** The part of JSON Schema the generated feed schema uses. */
export interface JsonSchema {
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  properties?: Record<string, JsonSchema>;
  /** A record's values (its keys are strings). */
  additionalProperties?: JsonSchema;
  required?: string[];
  enum?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  default?: unknown;
}

export class FeedValidationError extends Error {
  override name = 'FeedValidationError';
}

const fail = (path: string, message: string): never => {
  throw new FeedValidationError(`${path}: ${message}`);
};

function kind(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** Returns the value as the schema shapes it, or throws naming the first bad field. */
function check(schema: JsonSchema, value: unknown, path: string): unknown {
  if (schema.anyOf) {
    for (const option of schema.anyOf) {
      try {
        return check(option, value, path);
      } catch {
        // try the next option
      }
    }
    return fail(path, `unexpected ${kind(value)}`);
  }
  const { type } = schema;
  if (type === 'object') {
    if (kind(value) !== 'object') fail(path, `expected object, received ${kind(value)}`);
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    const values = schema.additionalProperties;
    if (values) for (const key of Object.keys(record)) out[key] = check(values, record[key], `${path}.${key}`);
    for (const [key, child] of Object.entries(schema.properties ?? {})) {
      const present = Object.prototype.hasOwnProperty.call(record, key) && record[key] !== undefined;
      if (present) out[key] = check(child, record[key], `${path}.${key}`);
      else if (child.default !== undefined) out[key] = child.default;
      else if (schema.required?.includes(key)) fail(`${path}.${key}`, 'required');
    }
    return out;
  }
  if (type === 'array') {
    if (!Array.isArray(value)) fail(path, `expected array, received ${kind(value)}`);
    return (value as unknown[]).map((item, i) => (schema.items ? check(schema.items, item, `${path}[${i}]`) : item));
  }
  if (type === 'string') {
    if (typeof value !== 'string') fail(path, `expected string, received ${kind(value)}`);
    if (schema.minLength !== undefined && (value as string).length < schema.minLength) fail(path, 'too short');
    if (schema.enum && !schema.enum.includes(value as string)) fail(path, `expected one of ${schema.enum.join(', ')}`);
    return value;
  }
  if (type === 'boolean') {
    if (typeof value !== 'boolean') fail(path, `expected boolean, received ${kind(value)}`);
    return value;
  }
  if (type === 'number' || type === 'integer') {
    if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, `expected number, received ${kind(value)}`);
    const n = value as number;
    if (type === 'integer' && !Number.isSafeInteger(n)) fail(path, 'expected integer');
    if (schema.minimum !== undefined && n < schema.minimum) fail(path, `too small: expected >= ${schema.minimum}`);
    if (schema.exclusiveMinimum !== undefined && n <= schema.exclusiveMinimum) fail(path, `too small: expected > ${schema.exclusiveMinimum}`);
    if (schema.maximum !== undefined && n > schema.maximum) fail(path, `too big: expected <= ${schema.maximum}`);
    return n;
  }
  return value;
}

/** The one rule JSON Schema cannot say: a source's rating lies on its own scale. */
function checkSources(feed: Feed): void {
  feed.sources?.forEach((source, i) => {
    if (source.rating > source.scale) fail(`feed.sources[${i}].rating`, 'rating is above the source’s scale');
  });
}

/** Validates a feed like `parseFeed` in `schema.ts`, without zod. */
export function validateFeed(input: unknown): ParsedFeed {
  const properties = feedJsonSchema.properties ?? {};
  const envelopeSchema: JsonSchema = { ...feedJsonSchema, properties: { ...properties, reviews: { type: 'array' } } };
  const envelope = check(envelopeSchema, input, 'feed') as Feed;
  checkSources(envelope);
  const reviewSchema = properties.reviews?.items ?? {};
  const reviews: Feed['reviews'] = [];
  const skipped: ParsedFeed['skipped'] = [];
  (envelope.reviews as unknown[]).forEach((raw, index) => {
    try {
      reviews.push(check(reviewSchema, raw, `reviews[${index}]`) as Feed['reviews'][number]);
    } catch (error) {
      skipped.push({ index, problem: (error as Error).message });
    }
  });
  return { feed: { ...envelope, reviews }, skipped };
}
