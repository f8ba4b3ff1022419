// The dashboard's eleven catalogues against its English messages (the same keys, exactly the plural forms
// each language needs, English's placeholders, nothing copied over), and a dashboard that speaks the
// language of its `lang` attribute, its ancestor or its document.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/entries/zmot-dashboard.js';
import type { ZmotDashboard } from '../../src/elements/dashboard/dashboard.js';
import { catalogue, dashboardCatalogues, message, messages, type DashboardMessage } from '../../src/elements/dashboard/messages.js';
import { LOCALES, Localizer } from '../../src/i18n/i18n.js';
import { copiedFromEnglish, forms, itHasEnglishPlurals, itMatchesEnglish, placeholders } from '../support/catalogues.js';
import { serveCollector } from '../support/collector.js';
import { startWorker, worker } from '../support/msw.js';

const SRC = 'https://stats.acme.test/z/';
const TOKEN = 'owner-secret';
const FROM = '2026-03-01';
const TO = '2026-03-30';

const keys = Object.keys(messages) as DashboardMessage[];
const words = (text: string) => (text.replace(/\{\w+\}/g, ' ').toLowerCase().match(/\p{L}+/gu) ?? []);

/** Messages that may read exactly as in English: every word of theirs is in these lists. */
const SHARED_WORDS = ['nps', 'widget'];
const OWN_WORDS: Record<string, string[]> = {
  de: ['conversions', 'status'],
  fr: ['site', 'conversions', 'interactions', 'source'],
  es: ['detractor'],
  pt: ['site'],
  nl: ['product', 'score', 'reviews', 'status'],
  da: ['score', 'status'],
  sv: ['period', 'status'],
  pl: ['status'],
};

describe('dashboard catalogues', () => {
  it('exist for the eleven languages the widgets speak besides English', () => {
    expect([...dashboardCatalogues.keys()].sort()).to.deep.equal([...LOCALES].sort());
  });

  itHasEnglishPlurals(messages);

  for (const lang of LOCALES) {
    describe(lang, () => {
      const cat = dashboardCatalogues.get(lang)!;
      itMatchesEnglish(lang, messages, cat);

      it('copies nothing over from English', () => {
        const allowed = new Set([...SHARED_WORDS, ...(OWN_WORDS[lang] ?? [])]);
        expect(copiedFromEnglish(messages, cat, words, allowed)).to.deep.equal([]);
      });

      it('fills every message, whatever the count', () => {
        const l = new Localizer(lang);
        expect(message(l, 'signIn')).to.equal(cat.signIn);
        const params = Object.fromEntries(
          keys.flatMap((key) => Object.values(forms(messages[key])).flatMap((text) => [...placeholders(text)])).map((name) => [name, 'X']),
        );
        for (const key of keys) {
          for (const count of [0, 1, 2, 3, 5, 11, 22, 100, 1.5, 1_000_000]) {
            const text = message(l, key, { ...params, count });
            expect(text, `${key} (${count})`).not.to.match(/\{\w+\}/);
            expect(text.trim(), `${key} (${count})`).not.to.equal('');
          }
        }
      });
    });
  }

  it('chooses plural forms by the language’s rules, region tags by their language, others in English', () => {
    const days = (lang: string, n: number) => message(new Localizer(lang), 'lastDays', { count: n });
    expect([1, 2, 5, 22, 1.5].map((n) => days('pl', n))).to.deep.equal([
      'Ostatni dzień',
      'Ostatnie 2 dni',
      'Ostatnie 5 dni',
      'Ostatnie 22 dni',
      'Ostatnie 1,5 dnia',
    ]);
    const rows = (lang: string, n: number) => message(new Localizer(lang), 'showAll', { count: n });
    expect([2, 5, 22].map((n) => rows('pl', n))).to.deep.equal(['Pokaż wszystkie 2 wiersze', 'Pokaż wszystkie 5 wierszy', 'Pokaż wszystkie 22 wiersze']);
    expect([1, 2].map((n) => message(new Localizer('ar'), 'npsNote', { count: n }))).to.deep.equal(['من إجابة واحدة', 'من إجابتين']);
    expect(message(new Localizer('ja'), 'lastDays', { count: 7 })).to.equal('過去 7 日間');
    expect(message(new Localizer('fr'), 'npsNote', { count: 1_000_000 })).to.equal(`sur ${new Intl.NumberFormat('fr').format(1_000_000)} de réponses`);
    expect(catalogue('de-AT')).to.equal(dashboardCatalogues.get('de'));
    expect(catalogue('pt-BR')).to.equal(dashboardCatalogues.get('pt'));
    expect(catalogue('fi')).to.equal(messages);
    expect(catalogue('constructor')).to.equal(messages);
  });
});

const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...root(el).querySelectorAll<T>(selector)];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Answers like a collector with acme's numbers. */
function collector(): void {
  serveCollector(SRC, FROM);
}

async function shown(el: ZmotDashboard): Promise<ZmotDashboard> {
  await waitUntil(() => $(el, '[data-card="impressions"]'), 'the report did not show', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

function note(el: ZmotDashboard, id: string): string {
  return text($(el, `[data-card="${id}"] .note`));
}

describe('<zmot-dashboard> in other languages', () => {
  before(startWorker);
  beforeEach(() => sessionStorage.clear());
  afterEach(() => worker.resetHandlers());

  it('lang="de": the whole report in German, with German numbers and dates, and passes axe', async () => {
    collector();
    const el = await fixture<ZmotDashboard>(html`<zmot-dashboard lang="de" src=${SRC} from=${FROM} to=${TO}></zmot-dashboard>`);
    expect(text($(el, '#token')!.closest('label'))).to.equal('Eigentümer-Token');
    el.token = TOKEN;
    await shown(el);
    const shownText = text(root(el) as unknown as Element);
    expect(shownText).to.include('Kennzahlen');
    expect(shownText).to.include('Sichtbare Impressionen');
    expect(shownText).to.include('ZMOT → UMOT-Trichter');
    expect(shownText).not.to.include('Viewable impressions');
    expect(note(el, 'impressions')).to.equal('von 2.000 angezeigten Widgets');
    expect(note(el, 'nps')).to.equal('aus 20 Antworten');
    expect(text($(el, '[data-card="impressions"] .change .sr'))).to.equal('plus 50 % gegenüber 800');
    expect(text($(el, '.period-note'))).to.equal('01.–30.03.2026, verglichen mit 30.01. – 28.02.2026');
    const funnel = $$(el, 'table.funnel tbody tr').map((tr) => [...tr.children].slice(0, 2).map((c) => text(c)));
    expect(funnel[0]).to.deep.equal(['Angezeigte Widgets', '2.000']);
    expect($$<HTMLButtonElement>(el, 'button').map((b) => text(b))).to.include.members(['Abmelden', 'CSV herunterladen']);
    await expect(el).to.be.accessible();
  });

  it('takes its language from an ancestor, follows a later change of it, and shows English for a language zmot does not ship', async () => {
    const page = await fixture<HTMLElement>(html`<div lang="pl"><zmot-dashboard src=${SRC}></zmot-dashboard></div>`);
    const el = page.querySelector<ZmotDashboard>('zmot-dashboard')!;
    await el.updateComplete;
    expect(text($(el, '#token')!.closest('label'))).to.equal('Token właściciela');
    page.lang = 'ar';
    await waitUntil(() => text($(el, '#token')!.closest('label')) === 'رمز المالك', 'the dashboard did not switch to Arabic');
    page.lang = 'fi';
    await waitUntil(() => text($(el, '#token')!.closest('label')) === 'Owner token', 'the dashboard did not fall back to English');
  });

  it('takes the document’s language when neither it nor an ancestor has one; region tags use their language', async () => {
    const before = document.documentElement.lang;
    document.documentElement.lang = 'ja';
    try {
      const el = await fixture<ZmotDashboard>(html`<zmot-dashboard src=${SRC}></zmot-dashboard>`);
      expect(text($(el, '#token')!.closest('label'))).to.equal('オーナートークン');
      el.lang = 'pt-BR';
      await waitUntil(() => text($(el, '#token')!.closest('label')) === 'Token de proprietário', 'pt-BR did not use Portuguese');
    } finally {
      document.documentElement.lang = before;
    }
  });
});
