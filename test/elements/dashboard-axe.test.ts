// axe over the whole dashboard in each of its twelve languages, light and dark: the sign-in, and the signed-in
// report with everything that arrives after it (the live view, what customers said, the reputation and its
// chart), with the language picker the collector's page shows. Arabic as a right-to-left page has it
// (`dir="rtl"`). And the Reviews page, every review's reply form and history open, with a field's error shown.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/entries/zmot-dashboard.js';
import type { ZmotDashboard } from '../../src/elements/dashboard/dashboard.js';
import { LOCALES } from '../../src/i18n/i18n.js';
import { serveCollector } from '../support/collector.js';
import { startWorker, worker } from '../support/msw.js';
import { reviewsHandlers } from '../support/reviews.js';

const SRC = 'https://stats.acme.test/z/';
const TOKEN = 'owner-secret';
const FROM = '2026-03-01';
const TO = '2026-03-30';

const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<zmot-dashboard>: axe in every language, light and dark', () => {
  before(startWorker);
  beforeEach(() => sessionStorage.clear());
  afterEach(async () => {
    worker.resetHandlers();
    await emulateMedia({ colorScheme: 'light' });
  });

  for (const scheme of ['light', 'dark'] as const) {
    for (const lang of ['en', ...LOCALES]) {
      it(`${lang}, ${scheme}: the sign-in and the whole report pass axe`, async () => {
        await emulateMedia({ colorScheme: scheme });
        serveCollector(SRC, FROM);
        const el = await fixture<ZmotDashboard>(
          html`<zmot-dashboard lang=${lang} dir=${lang === 'ar' ? 'rtl' : 'ltr'} language-picker src=${SRC} from=${FROM} to=${TO}></zmot-dashboard>`,
        );
        expect(matchMedia('(prefers-color-scheme: dark)').matches).to.equal(scheme === 'dark');
        await waitUntil(() => $(el, '#token'), 'the sign-in did not show');
        await expect(el).to.be.accessible();

        el.token = TOKEN;
        await waitUntil(
          () =>
            $(el, '[data-card="impressions"]') &&
            $(el, '[data-comment]') &&
            $(el, 'table[data-table="reputation"] tbody tr') &&
            text($(el, '[data-live-checked]')) !== '' &&
            el.shadowRoot!.querySelectorAll('.uplot').length === 4,
          'the report, the comments, the reputation and the live view did not all show',
          { timeout: 5000 },
        );
        await el.updateComplete;
        await expect(el).to.be.accessible();
      });
    }
  }

  for (const scheme of ['light', 'dark'] as const) {
    for (const lang of ['en', ...LOCALES]) {
      it(`${lang}, ${scheme}: the Reviews page passes axe`, async () => {
        await emulateMedia({ colorScheme: scheme });
        serveCollector(SRC, FROM, ...reviewsHandlers(SRC).handlers);
        const el = await fixture<ZmotDashboard>(
          html`<zmot-dashboard lang=${lang} dir=${lang === 'ar' ? 'rtl' : 'ltr'} language-picker page="reviews" src=${SRC} from=${FROM} to=${TO}></zmot-dashboard>`,
        );
        el.token = TOKEN;
        await waitUntil(() => el.shadowRoot!.querySelectorAll('[data-review]').length === 3, 'the reviews did not show', { timeout: 5000 });
        for (const details of el.shadowRoot!.querySelectorAll('details')) details.open = true;
        // A reject without a reason: the field's error shows.
        $(el, '[data-review="r1"] [data-action="reject"]')!.click();
        await el.updateComplete;
        expect(text($(el, '[data-review="r1"] .problem'))).to.not.equal('');
        await expect(el).to.be.accessible();
      });
    }
  }
});
