/**
 * The events on the wire (contract section 4), as one `zod/mini` schema shared by the widgets' telemetry and
 * the collector: the browser builds batches that pass it, the collector stores only batches that pass it.
 * Types are inferred from it. Nothing here touches Node or DOM APIs.
 *
 * Extensions to the contract, all optional:
 * - envelope `sample`: the sampling rate (0 < sample ≤ 1, default 1) the page sent events at; reports scale
 *   counts by 1 / sample.
 * - `referral_landing.self`: the visitor landed on their own referral code; not a referral.
 * - `interaction.action` and `error.message` are short, length-capped strings.
 * - `ref` (share, landing, conversion) is a URL-safe token: letters, digits, `_` and `-` (SECURITY.md).
 * - `arm` and the `assignment` event (contract §10): while a holdout runs, the browser's arm.
 */
import * as z from 'zod/mini';

import { LIMITS, MAX_BATCH_BYTES, MAX_BATCH_EVENTS, MIN_SAMPLE } from './limits.js';

/** The most revenue one conversion may add to a report: its `value` times its weight (1 / sample). */
export const MAX_EVENT_VALUE = 1e12;

export { LIMITS, MAX_BATCH_BYTES, MAX_BATCH_EVENTS, MIN_SAMPLE };

/**
 * Text the databases store as it came: no U+0000 (PostgreSQL's text cannot hold it) and no unpaired
 * surrogate (not Unicode; stored as U+FFFD). The browser replaces both before sending (`clean` in event.ts).
 */
export const STORABLE = /^[^\0\uD800-\uDFFF]*$/u;
const storable = z.regex(STORABLE, 'must not contain U+0000 or unpaired surrogates');
const capped = (max: number) => z.string().check(z.minLength(1), z.maxLength(max), storable);

/**
 * A referral code as it travels: the browser makes 10-character codes and believes 4–64 URL-safe characters
 * from a link (`isCode` in referral/code.ts); anything else (markup, spaces, quotes) is forged.
 */
export const REF_PATTERN = /^[A-Za-z0-9_-]+$/;
const RefSchema = capped(LIMITS.ref).check(z.regex(REF_PATTERN, 'use only letters, digits, "_" and "-"'));

/** A site id: letters, digits, `.`, `_`, `-`. */
export const SiteSchema = capped(LIMITS.site).check(
  z.regex(/^[A-Za-z0-9._-]+$/, 'use only letters, digits, ".", "_" and "-"'),
);

/** A page URL with no user name or password, query string or fragment (they may carry personal data). */
const PageUrlSchema = capped(LIMITS.url).check(
  z.regex(/^https?:\/\/[^\s?#/@]+(\/[^\s?#]*)?$/, 'must be an http(s) URL without user name, password, query string or fragment'),
);

/** Milliseconds since the epoch, within JavaScript's date range. */
const TimeSchema = z.int().check(z.gte(0), z.lte(8.64e15));

/** A browser's arm while a holdout runs (contract §10). */
export const ARMS = ['shown', 'holdout'] as const;
const ArmSchema = z.enum(ARMS);

const base = {
  /** Unique per event (a UUIDv7 from the browser; any UUID shape is accepted); kept on retries. */
  id: z.guid(),
  ts: TimeSchema,
  /** The page-view id: random per page view, never a person. */
  pv: capped(LIMITS.pv),
  url: PageUrlSchema,
  widget: z.optional(capped(LIMITS.widget)),
  product: z.optional(capped(LIMITS.product)),
  arm: z.optional(ArmSchema),
};

export const RenderEventSchema = z.object({ ...base, type: z.literal('render') });
export const ImpressionEventSchema = z.object({ ...base, type: z.literal('impression') });
export const InteractionEventSchema = z.object({ ...base, type: z.literal('interaction'), action: capped(LIMITS.action) });
export const NpsEventSchema = z.object({
  ...base,
  type: z.literal('nps'),
  score: z.int().check(z.gte(0), z.lte(10)),
  comment: z.optional(z.string().check(z.maxLength(LIMITS.comment), storable)),
});
export const ShareEventSchema = z.object({
  ...base,
  type: z.literal('share'),
  channel: capped(LIMITS.channel),
  ref: RefSchema,
});
export const ReferralLandingEventSchema = z.object({
  ...base,
  type: z.literal('referral_landing'),
  ref: RefSchema,
  /** True when the visitor landed on their own referral code: not a referral. */
  self: z.optional(z.boolean()),
});
export const ConversionEventSchema = z.object({
  ...base,
  type: z.literal('conversion'),
  order_id: capped(LIMITS.order_id),
  ref: z.optional(RefSchema),
  value: z.optional(z.number().check(z.gte(0), z.lte(1e12))),
  currency: z.optional(z.string().check(z.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as "EUR"'))),
});
/** Sent once, when a browser is assigned to an arm of the holdout: each arm's browsers are counted by it. */
export const AssignmentEventSchema = z.object({
  ...base,
  type: z.literal('assignment'),
  arm: ArmSchema,
  /** The share held out (`data-holdout`) when the browser was assigned: the sample-ratio check expects it. */
  share: z.optional(z.number().check(z.gt(0), z.lte(0.5))),
});
export const ErrorEventSchema = z.object({ ...base, type: z.literal('error'), message: capped(LIMITS.message) });

export const EventSchema = z.discriminatedUnion('type', [
  RenderEventSchema,
  ImpressionEventSchema,
  InteractionEventSchema,
  NpsEventSchema,
  ShareEventSchema,
  ReferralLandingEventSchema,
  ConversionEventSchema,
  ErrorEventSchema,
  AssignmentEventSchema,
]);

export const EVENT_TYPES = [
  'render',
  'impression',
  'interaction',
  'nps',
  'share',
  'referral_landing',
  'conversion',
  'error',
  'assignment',
] as const;

export const EnvelopeSchema = z.object({
  v: z.literal(1),
  site: SiteSchema,
  /** When the batch left the page (ms since the epoch); lets the collector correct the page's clock. */
  sent: TimeSchema,
  /** The sampling rate the events were kept at, MIN_SAMPLE ≤ sample ≤ 1; 1 when absent. */
  sample: z.optional(z.number().check(z.gte(MIN_SAMPLE), z.lte(1))),
  events: z.array(EventSchema),
});

export type ZmotEvent = z.infer<typeof EventSchema>;
export type EventType = ZmotEvent['type'];
export type Envelope = z.infer<typeof EnvelopeSchema>;
/** An event as a widget hands it to the queue: one member of the union, with its own extra fields. */
export type EventOf<T extends EventType> = Extract<ZmotEvent, { type: T }>;

export type EnvelopeResult = { ok: true; envelope: Envelope } | { ok: false; error: string };

/** A path as `events[3].score`. */
export function pathOf(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part);
  return out;
}

/** One problem zod found (also used for review imports, which share this wording). */
export type Issue = z.core.$ZodIssue;

/** The value at a zod issue's path inside the input. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** zod/mini ships no message texts (they would weigh on the bundle), so the few we need are written here. */
/** A short English text for a zod issue, given the value it was about (zod does not report it). */
export function describeIssue(issue: Issue, value: unknown): string {
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = issue.expected === 'int' ? 'an integer' : `a${/^[aeiou]/.test(issue.expected) ? 'n' : ''} ${issue.expected}`;
      return value === undefined ? `required, ${expected}` : `must be ${expected}`;
    }
    case 'too_big':
    case 'too_small': {
      const bound = issue.code === 'too_big' ? issue.maximum : issue.minimum;
      const word = issue.code === 'too_big' ? (issue.inclusive ? 'at most' : 'less than') : issue.inclusive ? 'at least' : 'more than';
      const unit = issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : '';
      if (issue.code === 'too_small' && issue.origin === 'string' && bound === 1) return 'must not be empty';
      return `must be ${word} ${String(bound)}${unit}`;
    }
    case 'invalid_format':
      return issue.format === 'guid' ? 'must be a UUID' : `must match ${issue.pattern ?? issue.format}`;
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'invalid_union':
      return 'discriminator' in issue && 'options' in issue && Array.isArray(issue.options)
        ? `must be one of ${issue.options.join(', ')}`
        : 'matches none of the allowed shapes';
    default:
      return issue.message || 'invalid';
  }
}

/**
 * Validates a batch. On failure `error` names the first bad field, e.g. `events[3].score: must be at most 10`.
 */
export function validateEnvelope(input: unknown): EnvelopeResult {
  const result = EnvelopeSchema.safeParse(input);
  if (result.success) {
    // What one conversion adds to the revenue is capped, whatever the sampling rate scales it by.
    const weight = 1 / (result.data.sample ?? 1);
    const index = result.data.events.findIndex((e) => e.type === 'conversion' && (e.value ?? 0) * weight > MAX_EVENT_VALUE);
    if (index >= 0) return { ok: false, error: `events[${index}].value: times 1 / sample must be at most ${MAX_EVENT_VALUE}` };
    return { ok: true, envelope: result.data };
  }
  const first = result.error.issues[0];
  if (!first) return { ok: false, error: 'invalid batch' };
  const where = pathOf(first.path);
  const message = describeIssue(first, valueAt(input, first.path));
  return { ok: false, error: `${where || 'batch'}: ${message}` };
}
