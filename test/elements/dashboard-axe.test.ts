// axe over the whole dashboard in each of its twelve languages, light and dark: the sign-in, and the signed-in
// report with everything that arrives after it (the live view, what customers said, the reputation and its
// chart), with the language picker the collector's page shows. Arabic as a right-to-left page has it
// (`dir="rtl"`).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/entries/zmot-dashboard.js';
import type { ZmotDashboard } from '../../src/elements/dashboard/dashboard.js';
import { LOCALES } from '../../src/i18n/i18n.js';
import { serveCollector } from '../support/collector.js';
import { startWorker, worker } from '../support/msw.js';

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
});
