/**
 * Language resolution, messages and `Intl` formatting shared by every element.
 *
 * English is built in: the messages several elements show are here, and each element adds its own when its
 * module is imported (`addEnglish`), so they travel in its chunk. The other locales (`LOCALES`) are separate
 * modules loaded on first use through the loader the entry point installs: the drop-in imports
 * `locales/<lang>.js` from beside its own script, `zmot/define` lets the bundler split them. A page pays only
 * for the languages it shows, and for the English of the elements it has.
 */
import { config } from '../config.js';
import { loader } from './locale-loader.js';
import type { MessageKey, Messages } from './messages/en.js';
import { sharedMessages } from './messages/en.shared.js';

export { localesFrom, setLocaleLoader, type LocaleLoader } from './locale-loader.js';

/** The locales zmot translates, besides English (built in). Region variants (`de-AT`, `pt-BR`) use their language's. */
export const LOCALES = ['da', 'nl', 'de', 'fr', 'es', 'it', 'pt', 'sv', 'pl', 'ja', 'ar'] as const;
export type Locale = 'en' | (typeof LOCALES)[number];

/** English so far: the shared messages, and those of each element whose module has been imported. */
const english: Partial<Messages> = { ...sharedMessages };
/** Messages by language tag: what was loaded for a locale, with what `registerMessages` added on top. */
const registered = new Map<string, Partial<Messages>>();
const catalogues = new Map<string, Messages>();
const localizers = new Map<string, Localizer>();
/** Locales whose loading has finished: loaded, failed or given up. */
const settled = new Set<string>();
const pending = new Map<string, Promise<void>>();

function changed(): void {
  catalogues.clear();
  localizers.clear();
}

/** The language subtag: `de` for `de-AT`. */
function baseLanguage(tag: string): string {
  return tag.toLowerCase().split('-')[0] ?? '';
}

/**
 * Adds an element's own English messages (`src/elements/<name>/<name>.messages.ts`); its module calls this
 * when it is imported, so a page downloads the English of the elements it has and no other.
 */
export function addEnglish(messages: Partial<Messages>): void {
  Object.assign(english, messages);
  changed();
}

/**
 * Adds messages for a language, over what zmot ships for it (a region tag such as `de-CH` over `de`):
 * reword a few strings, or add a language zmot does not ship. Missing keys fall back to English.
 */
export function registerMessages(lang: string, messages: Partial<Messages>): void {
  const tag = lang.toLowerCase();
  registered.set(tag, { ...registered.get(tag), ...messages });
  changed();
}

/**
 * Starts loading the catalogue `lang` needs. `undefined` when there is nothing to wait for (English, a
 * loaded or unsupported language, no loader); else a promise that settles, never rejects, once the
 * catalogue is in, or has failed or timed out (`config.timeout`) and English stands in.
 */
export function loadLocale(lang: string): Promise<void> | undefined {
  const base = baseLanguage(lang);
  if (!loader || settled.has(base) || !(LOCALES as readonly string[]).includes(base)) return undefined;
  let promise = pending.get(base);
  if (!promise) {
    const load = loader;
    promise = new Promise<void>((resolve) => {
      const give = (warning?: string) => {
        if (settled.has(base)) return;
        if (warning) console.warn(`zmot: the ${base} messages ${warning}; showing English`);
        settled.add(base);
        pending.delete(base);
        changed();
        resolve();
      };
      const timer = setTimeout(() => give(`did not load within ${config.timeout} ms`), config.timeout);
      Promise.resolve()
        .then(() => load(base))
        .then(
          (messages) => {
            clearTimeout(timer);
            if (settled.has(base)) return;
            if (messages && typeof messages === 'object') {
              registered.set(base, { ...messages, ...registered.get(base) });
              give();
            } else {
              give('were empty');
            }
          },
          (error: unknown) => {
            clearTimeout(timer);
            give(`could not be loaded (${error instanceof Error ? error.message : String(error)})`);
          },
        );
    });
    pending.set(base, promise);
  }
  return promise;
}

/**
 * The catalogue for `lang`: English, under what is registered for its language, under its exact tag's. Its
 * English has the keys of the elements imported so far, which are the only ones that ask for messages.
 */
export function catalogueFor(lang: string): Messages {
  const tag = lang.toLowerCase();
  let catalogue = catalogues.get(tag);
  if (!catalogue) {
    const base = baseLanguage(tag);
    catalogue = { ...english, ...registered.get(base), ...(tag === base ? undefined : registered.get(tag)) } as Messages;
    catalogues.set(tag, catalogue);
  }
  return catalogue;
}

/** The element's own `lang`, else its nearest ancestor's (across shadow roots), else the document's. */
export function resolveLang(element: Element): string {
  // Duck-typed rather than `instanceof Element`/`ShadowRoot`: on the server (zmot/ssr) neither class exists.
  let node: Node | null | undefined = element;
  while (node) {
    if (typeof (node as Element).getAttribute === 'function') {
      const lang = (node as Element).getAttribute('lang');
      if (lang) return lang;
      node = node.parentNode;
    } else {
      node = (node as ShadowRoot).host ?? node.parentNode;
    }
  }
  // On the server (zmot/ssr) there is no document: the element's own `lang`, else English.
  return globalThis.document?.documentElement.lang || globalThis.navigator?.language || 'en';
}

/** A language tag `Intl` accepts: `lang` when valid, else English. */
function intlLocale(lang: string): string {
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

export type Params = Record<string, string | number>;

/** Formats messages, numbers and dates for one language. */
export class Localizer {
  readonly locale: string;
  private readonly messages: Messages;
  private readonly plurals: Intl.PluralRules;
  private readonly numbers = new Map<string, Intl.NumberFormat>();

  constructor(lang: string) {
    this.locale = intlLocale(lang);
    this.messages = catalogueFor(this.locale);
    this.plurals = new Intl.PluralRules(this.locale);
  }

  /** A message with `{name}` placeholders filled; plural messages choose their form by `params.count`. */
  t(key: MessageKey, params: Params = {}): string {
    const message: string | Partial<Record<Intl.LDMLPluralRule, string>> = this.messages[key];
    let template: string;
    if (typeof message === 'string') {
      template = message;
    } else {
      const count = Number(params.count ?? 0);
      template = message[this.plurals.select(count)] ?? message.other ?? '';
      if (typeof params.count === 'number') params = { ...params, count: this.number(params.count) };
    }
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  }

  number(value: number, options: Intl.NumberFormatOptions = {}): string {
    const key = JSON.stringify(options);
    let format = this.numbers.get(key);
    if (!format) {
      format = new Intl.NumberFormat(this.locale, options);
      this.numbers.set(key, format);
    }
    return format.format(value);
  }

  /** A score with exactly one decimal: 4.6, 4,6 … */
  score(value: number): string {
    return this.number(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  }

  percent(fraction: number): string {
    return this.number(fraction, { style: 'percent', maximumFractionDigits: 0 });
  }

  /** A list joined the way the language joins lists: "A, B and C". */
  list(items: string[]): string {
    return new Intl.ListFormat(this.locale, { type: 'conjunction' }).format(items);
  }

  date(value: Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
    return new Intl.DateTimeFormat(this.locale, options).format(value);
  }
}

/** A shared `Localizer` per language. */
export function localizer(lang: string): Localizer {
  let l = localizers.get(lang);
  if (!l) {
    l = new Localizer(lang);
    localizers.set(lang, l);
  }
  return l;
}
