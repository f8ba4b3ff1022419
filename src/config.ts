/**
 * Page-wide configuration: what the drop-in script's `data-*` attributes say (or `configure()` for
 * bundler users). Elements read it when they need it, so it may arrive before or after they upgrade.
 */
import { MIN_SAMPLE } from './telemetry/limits.js';

/** `granted` (default); `pending`: events wait in memory; `denied`: nothing is collected (`zmot.consent(false)`). */
export type Consent = 'granted' | 'pending' | 'denied';

export interface ZmotConfig {
  /** Site id sent with every event. */
  site?: string;
  /** Feed URL template; `{product}` becomes the URL-encoded product id. */
  feed?: string;
  /** Where events go; absent means nothing is sent. */
  endpoint?: string;
  consent: Consent;
  /** Milliseconds before a feed request is given up. */
  timeout: number;
  /** Days a referral code is kept for conversions after a landing (`data-attribution-days`). */
  attributionDays: number;
  /** Which referral a conversion is credited to: the latest landing (`last`) or the first (`first`). */
  attribution: 'last' | 'first';
  /** Share of page views whose events are sent, 0 < sample ≤ 1 (`data-sample`); the rate travels with them. */
  sample: number;
  /** Name of the tag manager's array every event is also pushed onto (`data-datalayer`; `dataLayer` when empty). */
  dataLayer?: string;
  /** Share of browsers held out from the visitor widgets, 0 < holdout ≤ 0.5 (`data-holdout`; contract §10). */
  holdout?: number;
}

export const config: ZmotConfig = { consent: 'granted', timeout: 8000, attributionDays: 30, attribution: 'last', sample: 1 };

const listeners = new Set<() => void>();

/** Sets page-wide options; what is not named stays as it was. Connected elements pick them up. */
export function configure(options: Partial<ZmotConfig>): void {
  Object.assign(config, options);
  listeners.forEach((listener) => listener());
}

/** Calls `listener` after every `configure()`; returns the function that stops it. */
export function onConfigure(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Reads `data-site`, `data-feed`, `data-endpoint`, `data-consent`, `data-timeout`, `data-attribution-days`,
 * `data-attribution`, `data-sample`, `data-datalayer` and `data-holdout` from a script tag.
 */
export function readScriptConfig(script: HTMLOrSVGScriptElement): Partial<ZmotConfig> {
  const data = script.dataset;
  const options: Partial<ZmotConfig> = {};
  if (data.site) options.site = data.site;
  if (data.feed) options.feed = data.feed;
  if (data.endpoint) options.endpoint = data.endpoint;
  if (data.consent === 'pending' || data.consent === 'granted' || data.consent === 'denied') options.consent = data.consent;
  const timeout = Number(data.timeout);
  if (data.timeout && Number.isFinite(timeout) && timeout > 0) options.timeout = timeout;
  const days = Number(data.attributionDays);
  if (data.attributionDays && Number.isFinite(days) && days >= 0) options.attributionDays = days;
  if (data.attribution === 'first' || data.attribution === 'last') options.attribution = data.attribution;
  const sample = Number(data.sample);
  // Below 1 in 1 000 the collector refuses a batch (MIN_SAMPLE, telemetry/limits.ts): keep more, not none.
  if (data.sample && sample > 0 && sample <= 1) options.sample = Math.max(sample, MIN_SAMPLE);
  if (data.datalayer !== undefined) options.dataLayer = data.datalayer || 'dataLayer';
  const holdout = Number(data.holdout);
  if (holdout > 0 && holdout <= 0.5) options.holdout = holdout;
  else if (data.holdout !== undefined) console.warn('zmot: data-holdout must be a share above 0 and at most 0.5; no holdout runs');
  return options;
}
