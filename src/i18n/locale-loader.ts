/**
 * How locales other than English are fetched, set by the entry points. Apart from `i18n.ts` so the drop-in
 * can install its loader without carrying the English messages: those travel with the elements.
 */
import type { Messages } from './messages/en.js';

/** Fetches one locale's catalogue (`lang` is one of `LOCALES`). */
export type LocaleLoader = (lang: string) => Promise<Partial<Messages>>;

/** The installed loader; `undefined` keeps every page in English. */
export let loader: LocaleLoader | undefined;

/** How locales other than English are fetched; `undefined` keeps every page in English. Set by the entry points. */
export function setLocaleLoader(next: LocaleLoader | undefined): void {
  loader = next;
}

/** A loader that imports `<base><lang>.js`, an ES module whose default export is the catalogue (`dist/locales/`). */
export function localesFrom(base: string): LocaleLoader {
  return (lang) =>
    import(/* @vite-ignore */ new URL(`${lang}.js`, base).href).then((module: { default: Partial<Messages> }) => module.default);
}
