// <zmot-review-form> in each of the 12 languages: axe finds nothing, and on a 320 px phone nothing overlaps, is
// cut off, touches a border or makes the page wider, and every control is at least 44 × 44 px (the layout
// matrix's geometry, test/support/layout-matrix.ts) — with the most the form can show: B2B fields, an invitation
// with an incentive, every error and its summary, a problem sending; then its thanks. Light and dark.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { configure } from '../../src/config.js';
import '../../src/entries/define.js';
import type { ZmotReviewForm } from '../../src/elements/review-form/review-form.js';
import { INVITE_KEY } from '../../src/elements/review-form/invitation.js';
import { en } from '../../src/i18n/messages/en.js';
import { layoutProblems, LANGUAGES } from '../support/layout-matrix.js';
import { startWorker, worker } from '../support/msw.js';

const COLLECTOR = 'https://collector.example/v1/reviews';
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const address = location.href;

function token(payload: object): string {
  const bytes = new TextEncoder().encode(JSON.stringify(payload));
  return `${btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}.c2ln`;
}

async function fill(el: ZmotReviewForm, id: string, value: string): Promise<void> {
  const field = $<HTMLInputElement>(el, `#${id}`)!;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Geometry at 320 px in light and dark, then axe (contrast included) in both. */
async function check(el: ZmotReviewForm, what: string): Promise<string[]> {
  const problems: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await emulateMedia({ colorScheme: scheme });
    await setViewport({ width: 320, height: 800 });
    for (let frame = 0; frame < 2; frame++) await new Promise(requestAnimationFrame);
    if (document.documentElement.scrollWidth > 320) problems.push(`${what}, ${scheme}: the page is ${document.documentElement.scrollWidth} px wide`);
    for (const problem of layoutProblems(el, 320)) problems.push(`${what}, ${scheme}: ${problem}`);
    try {
      await expect(el).to.be.accessible();
    } catch (error) {
      problems.push(`${what}, ${scheme}: axe: ${(error as Error).message.split('\n').slice(0, 6).join(' ')}`);
    }
  }
  return problems;
}

before(async () => {
  await startWorker();
  configure({ feed: undefined, endpoint: undefined, site: 'demo', consent: 'denied' });
  document.documentElement.style.colorScheme = 'light dark';
});
after(async () => {
  configure({ consent: 'granted' });
  await emulateMedia({ colorScheme: 'light' });
  await setViewport({ width: 800, height: 600 });
  document.documentElement.style.colorScheme = '';
});
afterEach(() => {
  worker.resetHandlers();
  history.replaceState(null, '', address);
  sessionStorage.removeItem(INVITE_KEY);
});

describe('<zmot-review-form> in every language', () => {
  for (const lang of LANGUAGES) {
    it(`${lang}: axe-clean and whole on a 320 px phone, with everything it can show, then its thanks`, async function () {
      this.timeout(60_000);
      let answer = 0;
      worker.use(
        http.post(COLLECTOR, () =>
          ++answer === 1
            ? new HttpResponse(null, { status: 429, headers: { 'retry-after': '90' } })
            : HttpResponse.json({ id: 'r', status: 'pending' }, { status: 202 }),
        ),
      );
      history.replaceState(null, '', `${address.split('#')[0]}#zmot-invite=${token({ v: 1, s: 'demo', p: 'sku-42', i: 'i', e: Date.now() + 1e9, n: 'a 10 % discount on your next order' })}`);
      await setViewport({ width: 800, height: 800 });
      const page = await fixture<HTMLElement>(
        html`<main lang=${lang} dir=${lang === 'ar' ? 'rtl' : 'ltr'} style="background: Canvas; color: CanvasText; padding: 8px"
          ><zmot-review-form b2b name="Ledgerly Cloud for Finance Teams" action=${COLLECTOR}></zmot-review-form
        ></main>`,
      );
      const el = page.firstElementChild as ZmotReviewForm;
      await el.updateComplete;
      await waitUntil(() => $(el, '[part~="base"]')?.getAttribute('aria-busy') !== 'true', 'the messages load');
      if (lang !== 'en') expect(text($(el, 'legend')), 'translated').not.to.equal(en.formRating);
      expect($(el, '[part~="incentive"]'), 'the incentive is disclosed').not.to.equal(null);

      // Every client-side error, with the summary.
      $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
      await el.updateComplete;
      const problems = await check(el, 'errors');
      expect(el.shadowRoot!.querySelectorAll('[part~="error"]').length).to.equal(4);

      // Filled in, then refused for a while: the status beside the button. (Values that fit a phone's field:
      // a longer one scrolls inside its one-line field, as in any text field, which the geometry counts as hidden.)
      $<HTMLInputElement>(el, 'input[name="rating"][value="2"]')!.click();
      await fill(el, 'title', 'Month-end close in three days');
      await fill(el, 'body', 'The consolidation across our subsidiaries finally runs without spreadsheets.');
      await fill(el, 'name', 'Maximilian Obermeier-Castellanos');
      await fill(el, 'role', 'Head of Finance');
      await fill(el, 'company', 'Northwind Logistics');
      $<HTMLInputElement>(el, '#consent')!.click();
      await el.updateComplete;
      $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
      await waitUntil(() => text($(el, '[part~="status"]')), 'the 429 shows');
      problems.push(...(await check(el, 'too many')));

      $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
      await waitUntil(() => $(el, '[part~="success"]'), 'the thanks show');
      problems.push(...(await check(el, 'thanks')));
      expect(problems, problems.join('\n')).to.deep.equal([]);
    });
  }
});
