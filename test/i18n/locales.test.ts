// Every locale's catalogue against English: the same keys, every plural form its language needs and no
// other, the same placeholders, no English left behind; and how the messages read once filled in.
import { expect } from '@open-wc/testing';
import { catalogueFor, loadLocale, LOCALES, Localizer, setLocaleLoader, type Locale } from '../../src/i18n/i18n.js';
import { bundledLocales } from '../../src/i18n/bundled-locales.js';
import { en, type Messages, type MessageKey } from '../../src/i18n/messages/en.js';
import ar from '../../src/i18n/messages/ar.js';
import da from '../../src/i18n/messages/da.js';
import de from '../../src/i18n/messages/de.js';
import es from '../../src/i18n/messages/es.js';
import fr from '../../src/i18n/messages/fr.js';
import it_ from '../../src/i18n/messages/it.js';
import ja from '../../src/i18n/messages/ja.js';
import nl from '../../src/i18n/messages/nl.js';
import pl from '../../src/i18n/messages/pl.js';
import pt from '../../src/i18n/messages/pt.js';
import sv from '../../src/i18n/messages/sv.js';
import { copiedFromEnglish, forms, itHasEnglishPlurals, itMatchesEnglish } from '../support/catalogues.js';
// Each element's module adds its own English messages when it is imported.
import '../../src/elements/rating/rating.js';
import '../../src/elements/recommend/recommend.js';
import '../../src/elements/review-form/review-form.js';
import '../../src/elements/testimonials/testimonials.js';

const catalogues: Record<Exclude<Locale, 'en'>, Messages> = { da, nl, de, fr, es, it: it_, pt, sv, pl, ja, ar };

/**
 * Words a translation may share with the English catalogue. Everywhere: product and key names (Ctrl, Mac)
 * and the loanwords "link", "e-mail" and "spam" that these languages use themselves. Per locale: words that
 * are that language's own and happen to be spelled like English ones.
 */
const SHARED_WORDS = ['ctrl', 'mac', 'link', 'mail', 'spam'];
const OWN_WORDS: Partial<Record<Locale, string[]>> = {
  da: ['for', 'send', 'platform'],
  de: ['name', 'optional', 'shop'],
  es: ['personal'],
  fr: ['site', 'source', 'sources', 'invitation', 'publication', 'long'],
  nl: ['later', 'platform'],
  pt: ['site', 'for'],
};

const keys = Object.keys(en) as MessageKey[];
const words = (text: string) => (text.replace(/\{\w+\}/g, ' ').toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => w.length >= 3);
const englishWords = new Set(keys.flatMap((key) => Object.values(forms(en[key])).flatMap(words)));

before(async () => {
  setLocaleLoader(bundledLocales);
  await Promise.all(LOCALES.map((lang) => loadLocale(lang)));
});

describe('locales', () => {
  it('are the twelve the product promises, and each loads on demand', async () => {
    expect(['en', ...LOCALES].sort()).to.deep.equal(['ar', 'da', 'de', 'en', 'es', 'fr', 'it', 'ja', 'nl', 'pl', 'pt', 'sv']);
    for (const lang of LOCALES) expect(await bundledLocales(lang), lang).to.equal(catalogues[lang]);
  });

  it('English is whole once the elements are imported: the messages they share, and each one’s own', () => {
    expect(catalogueFor('en')).to.deep.equal(en);
  });

  itHasEnglishPlurals(en);

  for (const lang of LOCALES) {
    describe(lang, () => {
      const catalogue = catalogues[lang];
      itMatchesEnglish(lang, en, catalogue);

      it('leaves no English behind', () => {
        const allowed = new Set([...SHARED_WORDS, ...(OWN_WORDS[lang] ?? [])]);
        const left = keys.flatMap((key) =>
          Object.entries(forms(catalogue[key])).flatMap(([form, text]) =>
            words(text)
              .filter((word) => englishWords.has(word) && !allowed.has(word))
              .map((word) => `${key}${form ? `.${form}` : ''}: "${word}"`),
          ),
        );
        expect(left).to.deep.equal([]);
        // Nothing copied over unchanged either, unless its words are all allowed ("E-mail") or it has none ("{rating}/{scale}").
        expect(copiedFromEnglish(en, catalogue, words, allowed)).to.deep.equal([]);
      });

      it('fills every message, whatever the count', () => {
        const l = new Localizer(lang);
        expect(l.t('noReviews')).to.equal(catalogue.noReviews);
        const params = { rating: '4', reviews: 'R', sources: 'S', name: 'N', stars: 'S', percent: 'P', scale: '5', role: 'R', company: 'C', source: 'S', language: 'L', index: '1', min: '20', max: '5000', time: 'T', incentive: 'I', reasons: 'R', order: 'O' };
        for (const key of keys) {
          for (const count of [0, 1, 2, 3, 5, 11, 22, 100, 1.5, 1_000_000]) {
            const text = l.t(key, { ...params, count });
            expect(text, `${key} (${count})`).not.to.match(/\{\w+\}/);
            expect(text.trim(), `${key} (${count})`).not.to.equal('');
          }
        }
      });
    });
  }

  it('chooses the plural form by the language’s rules', () => {
    const count = (lang: string, n: number) => new Localizer(lang).t('reviewCount', { count: n });
    expect([1, 2, 5, 22, 25, 1.5].map((n) => count('pl', n))).to.deep.equal([
      '1 opinia',
      '2 opinie',
      '5 opinii',
      '22 opinie',
      '25 opinii',
      '1,5 opinii',
    ]);
    const arabic = (n: number) => new Localizer('ar').t('starCount', { count: n });
    const num = (n: number) => new Intl.NumberFormat('ar').format(n);
    expect([0, 1, 2, 3, 11, 100].map(arabic)).to.deep.equal([
      'لا نجوم',
      'نجمة واحدة',
      'نجمتان',
      `${num(3)} نجوم`,
      `${num(11)} نجمة`,
      `${num(100)} نجمة`,
    ]);
    expect([1, 7].map((n) => new Localizer('ja').t('reviewCount', { count: n }))).to.deep.equal(['1件のレビュー', '7件のレビュー']);
    expect(new Localizer('fr').t('reviewCount', { count: 1_000_000 })).to.equal(`${new Intl.NumberFormat('fr').format(1_000_000)} d’avis`);
    expect(new Localizer('fr').t('starCount', { count: 0 })).to.equal('0 étoile');
  });

  it('formats numbers, scores, percentages and lists the language’s way', () => {
    expect(new Localizer('de').score(4.56)).to.equal('4,6');
    expect(new Localizer('fr').number(2046)).to.equal(new Intl.NumberFormat('fr').format(2046));
    expect(new Localizer('pl').percent(0.73)).to.equal(new Intl.NumberFormat('pl', { style: 'percent' }).format(0.73));
    expect(new Localizer('ar').score(4.5)).to.equal(new Intl.NumberFormat('ar', { minimumFractionDigits: 1 }).format(4.5));
    expect(new Localizer('ja').list(['A', 'B', 'C'])).to.equal('A、B、C');
    expect(new Localizer('sv').list(['A', 'B', 'C'])).to.equal('A, B och C');
  });
});
