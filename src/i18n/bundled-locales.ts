/**
 * The locales as modules a bundler splits into chunks of their own (`zmot/define` uses this loader): each is
 * fetched the first time an element needs it. The drop-in loads `dist/locales/<lang>.js` instead.
 */
import type { LocaleLoader } from './i18n.js';
import type { Messages } from './messages/en.js';

type Module = Promise<{ default: Partial<Messages> }>;

const modules: Record<string, () => Module> = {
  da: () => import('./messages/da.js'),
  nl: () => import('./messages/nl.js'),
  de: () => import('./messages/de.js'),
  fr: () => import('./messages/fr.js'),
  es: () => import('./messages/es.js'),
  it: () => import('./messages/it.js'),
  pt: () => import('./messages/pt.js'),
  sv: () => import('./messages/sv.js'),
  pl: () => import('./messages/pl.js'),
  ja: () => import('./messages/ja.js'),
  ar: () => import('./messages/ar.js'),
};

export const bundledLocales: LocaleLoader = async (lang) => {
  const load = modules[lang];
  if (!load) throw new Error(`no messages for ${lang}`);
  return (await load()).default;
};
