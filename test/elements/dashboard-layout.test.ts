// <zmot-dashboard> on phones and in long languages: nothing wider than the screen from 320 px up, in every
// language; tables become stacked rows (a label beside each value) when they do not fit.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/entries/zmot-dashboard.js';
import type { ZmotDashboard } from '../../src/elements/dashboard/dashboard.js';
import { LOCALES } from '../../src/i18n/i18n.js';
import { serveCollector } from '../support/collector.js';
import { startWorker, worker } from '../support/msw.js';
import { reviewsHandlers } from '../support/reviews.js';

const SRC = 'https://stats.acme.test/z/';
const FROM = '2026-03-01';
const TO = '2026-03-30';

function collector(): void {
  serveCollector(SRC, FROM);
}

/** Every element of the shadow root (open <details> included) that reaches past the viewport's edges. */
function overflowing(el: ZmotDashboard): string[] {
  const width = document.documentElement.clientWidth;
  for (const details of el.shadowRoot!.querySelectorAll('details')) details.open = true;
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('*')]
    .filter((node) => {
      const box = node.getBoundingClientRect();
      return box.width > 0 && (box.right > width + 0.5 || box.left < -0.5);
    })
    .map((node) => `${node.localName}${node.className ? `.${String(node.className).split(' ').join('.')}` : ''} ${Math.round(node.getBoundingClientRect().left)}–${Math.round(node.getBoundingClientRect().right)}`);
}

async function mount(lang: string): Promise<ZmotDashboard> {
  const el = await fixture<ZmotDashboard>(html`<zmot-dashboard lang=${lang} src=${SRC} from=${FROM} to=${TO}></zmot-dashboard>`);
  el.token = 'owner-secret';
  await waitUntil(() => el.shadowRoot!.querySelector('[data-comment]') && el.shadowRoot!.querySelector('.uplot'), 'the report did not show', { timeout: 8000 });
  await el.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return el;
}

before(startWorker);
beforeEach(() => sessionStorage.clear());
afterEach(async () => {
  worker.resetHandlers();
  await setViewport({ width: 800, height: 600 });
});

describe('<zmot-dashboard> on narrow screens', () => {
  for (const width of [320, 390]) {
    for (const lang of ['en', ...LOCALES]) {
      it(`${width} px, ${lang}: nothing wider than the screen`, async () => {
        await setViewport({ width, height: 800 });
        collector();
        const el = await mount(lang);
        expect(overflowing(el)).to.deep.equal([]);
        expect(document.documentElement.scrollWidth).to.be.at.most(width);
      });
    }
  }

  for (const lang of ['en', ...LOCALES]) {
    it(`320 px, ${lang}: the Reviews page, its forms and histories open, nothing wider than the screen`, async () => {
      await setViewport({ width: 320, height: 800 });
      serveCollector(SRC, FROM, ...reviewsHandlers(SRC).handlers);
      const el = await fixture<ZmotDashboard>(html`<zmot-dashboard lang=${lang} page="reviews" src=${SRC} from=${FROM} to=${TO}></zmot-dashboard>`);
      el.token = 'owner-secret';
      await waitUntil(() => el.shadowRoot!.querySelectorAll('[data-review]').length === 3, 'the reviews did not show', { timeout: 8000 });
      await el.updateComplete;
      expect(overflowing(el)).to.deep.equal([]);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      // The reason's select and the reject button fit side by side or wrap, never past the review's edge.
      const review = el.shadowRoot!.querySelector('[data-review="r1"]')!.getBoundingClientRect();
      const select = el.shadowRoot!.querySelector('[data-review="r1"] select[name="reason"]')!.getBoundingClientRect();
      expect(select.right).to.be.at.most(review.right);
      expect(select.left).to.be.at.least(review.left);
    });
  }

  it('320 px: a table becomes stacked rows, each value beside its column’s name', async () => {
    await setViewport({ width: 320, height: 800 });
    collector();
    const el = await mount('en');
    const row = el.shadowRoot!.querySelector<HTMLTableRowElement>('table[data-table="product"] tbody tr')!;
    expect(getComputedStyle(row).display).to.not.equal('table-row');
    const cell = row.querySelector('td')!;
    expect(cell.dataset.label).to.equal('Rendered');
    expect(getComputedStyle(cell, '::before').content).to.equal('"Rendered"');
  });
});
