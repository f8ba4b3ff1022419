/**
 * Language resolution, messages and `Intl` formatting shared by every element.
 */
import { en, type MessageKey, type Messages } from './messages/en.js';

const catalogues = new Map<string, Messages>([['en', en]]);
const localizers = new Map<string, Localizer>();

/** Adds (or replaces) a locale's catalogue; missing keys fall back to English. */
export function registerMessages(lang: string, messages: Partial<Messages>): void {
  catalogues.set(lang.toLowerCase(), { ...en, ...messages });
  localizers.clear();
}

/** The catalogue for `lang`: exact match, then the base language, then English. */
export function catalogueFor(lang: string): Messages {
  const tag = lang.toLowerCase();
  return catalogues.get(tag) ?? catalogues.get(tag.split('-')[0] ?? '') ?? en;
}

/** The element's own `lang`, else its nearest ancestor's (across shadow roots), else the document's. */
export function resolveLang(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
      node = node.parentNode;
    } else if (node instanceof ShadowRoot) {
      node = node.host;
    } else {
      node = node.parentNode;
    }
  }
  return document.documentElement.lang || navigator.language || 'en';
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
    const message: string | Record<string, string> = this.messages[key];
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
