// What every message catalogue must satisfy against its English, for the widgets' messages
// (test/i18n/locales.test.ts) and the dashboard's (test/elements/dashboard-i18n.test.ts) alike.
import { expect } from '@open-wc/testing';

type Catalogue = Readonly<Record<string, string | object>>;

/** The `{name}` placeholders in a message's text. */
export const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!));

/** A message's texts by plural form (`''` for a message without plural forms). */
export const forms = (message: string | object) => (typeof message === 'string' ? { '': message } : (message as Record<string, string>));

/**
 * The keys whose message `catalogue` copies from English unchanged, unless every word of it (as `words` splits
 * it) is one `allowed` keeps ("E-mail"), or it has none ("{rating}/{scale}").
 */
export function copiedFromEnglish(
  en: Catalogue,
  catalogue: Catalogue,
  words: (text: string) => string[],
  allowed: ReadonlySet<string>,
): string[] {
  return Object.keys(en).filter(
    (key) =>
      JSON.stringify(catalogue[key]) === JSON.stringify(en[key]) &&
      Object.values(forms(en[key]!)).some((text) => words(text).some((word) => !allowed.has(word))),
  );
}

/** English's own test: every plural message has `one` and `other`. */
export function itHasEnglishPlurals(en: Catalogue): void {
  it('English has one and other for every plural message', () => {
    for (const [key, message] of Object.entries(en)) {
      if (typeof message !== 'string') expect(Object.keys(message).sort(), key).to.deep.equal(['one', 'other']);
    }
  });
}

/** The tests of `lang`'s catalogue against English: the same keys, its language's plural forms, English's placeholders. */
export function itMatchesEnglish(lang: string, en: Catalogue, catalogue: Catalogue): void {
  const keys = Object.keys(en);
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;

  it('has every key English has, and no other', () => {
    expect(Object.keys(catalogue).sort()).to.deep.equal([...keys].sort());
  });

  it(`has exactly the plural forms ${lang} needs (${categories.join(', ')})`, () => {
    for (const key of keys) {
      const message = catalogue[key];
      if (typeof en[key] === 'string') {
        expect(typeof message, key).to.equal('string');
      } else {
        expect(typeof message, key).to.equal('object');
        expect(Object.keys(message!).sort(), key).to.deep.equal([...categories].sort());
      }
    }
  });

  it('keeps English’s placeholders (a form for zero, one or two may spell its number out)', () => {
    for (const key of keys) {
      const wanted = new Set(Object.values(forms(en[key]!)).flatMap((text) => [...placeholders(text)]));
      for (const [form, text] of Object.entries(forms(catalogue[key]!))) {
        const found = placeholders(text);
        for (const name of found) expect(wanted.has(name), `${key}.${form} has {${name}}`).to.equal(true);
        for (const name of wanted) {
          const optional = name === 'count' && ['zero', 'one', 'two'].includes(form);
          if (!optional) expect(found.has(name), `${key}${form ? `.${form}` : ''} lacks {${name}}`).to.equal(true);
        }
      }
    }
  });
}
