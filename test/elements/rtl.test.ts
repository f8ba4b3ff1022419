// Right to left: in an Arabic page (`dir="rtl"`) the stars fill from the right, the distribution bars
// grow from the right, the carousel's "next" is on the left and points left, and the share panel and the
// NPS scale run from the right, checked on screenshots of what Chromium draws, against the same widgets
// left to right.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/entries/define.js';
import { ANSWERED_KEY, type ZmotRecommend } from '../../src/elements/recommend/recommend.js';
import type { ZmotRating } from '../../src/elements/rating/rating.js';
import type { ZmotTestimonials } from '../../src/elements/testimonials/testimonials.js';
import { configure } from '../../src/config.js';
import type { Feed } from '../../src/feed/schema.js';
import { blue, inkSpan, pointing, red, screenshot } from '../support/pixels.js';

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
const box = (node: Element) => node.getBoundingClientRect();

/** 2.5 stars from four reviews: half of them 5 stars, half 1 star. */
const half = {
  product: { id: 'rtl-1', name: 'Widget' },
  aggregate: { rating: 2.5, count: 4, distribution: { 5: 2, 4: 0, 3: 0, 2: 0, 1: 2 } },
  reviews: [
    { id: 'a', rating: 5, body: 'ممتاز', author: { name: 'سارة' } },
    { id: 'b', rating: 1, body: 'سيئ', author: { name: 'علي' } },
    { id: 'c', rating: 5, body: 'رائع', author: { name: 'منى' } },
  ],
} satisfies Feed;

const COLOURS = '--zmot-color-star: rgb(255 0 0); --zmot-color-star-empty: rgb(0 0 255); --zmot-color-bar: rgb(255 0 0); --zmot-color-track: rgb(0 0 255); --zmot-rating-star-size: 40px;';

async function page<T extends HTMLElement>(dir: 'ltr' | 'rtl', template: ReturnType<typeof html>): Promise<T> {
  const lang = dir === 'rtl' ? 'ar' : 'en';
  const wrapper = await fixture<HTMLElement>(html`<div dir=${dir} lang=${lang} style="inline-size: 640px; background: #fff; color: #000">${template}</div>`);
  const el = wrapper.firstElementChild as T & { updateComplete: Promise<boolean> };
  await el.updateComplete;
  return el;
}

before(() => configure({ feed: undefined, endpoint: undefined }));
beforeEach(() => localStorage.removeItem(ANSWERED_KEY));

describe('right to left', () => {
  it('speaks Arabic in an Arabic page, laid out from the right', async () => {
    const el = await page<ZmotRating>('rtl', html`<zmot-rating .data=${half}></zmot-rating>`);
    expect(part(el, 'base').getAttribute('aria-label')).to.equal(`التقييم ${new Intl.NumberFormat('ar', { minimumFractionDigits: 1 }).format(2.5)} من 5 بناءً على ${new Intl.NumberFormat('ar').format(4)} مراجعات`);
    expect(getComputedStyle(part(el, 'base')).direction).to.equal('rtl');
  });

  for (const dir of ['ltr', 'rtl'] as const) {
    const start = dir === 'ltr' ? 'left' : 'right';

    it(`${dir}: the stars fill from the ${start}`, async () => {
      const el = await page<ZmotRating>(dir, html`<zmot-rating style=${COLOURS} .data=${half}></zmot-rating>`);
      const shot = await screenshot(part(el, 'stars'));
      const filled = inkSpan(shot, red);
      const empty = inkSpan(shot, blue);
      // Two and a half stars of five: half the width filled, from the inline start.
      if (dir === 'ltr') {
        expect(filled.start).to.be.below(0.05);
        expect(filled.end).to.be.within(0.45, 0.55);
        expect(empty.end).to.be.above(0.95);
      } else {
        expect(filled.end).to.be.above(0.95);
        expect(filled.start).to.be.within(0.45, 0.55);
        expect(empty.start).to.be.below(0.05);
      }
    });

    it(`${dir}: the distribution bars grow from the ${start}`, async () => {
      const el = await page<ZmotRating>(dir, html`<zmot-rating variant="full" style=${COLOURS} .data=${half}></zmot-rating>`);
      const fiveStars = part(el, 'distribution').querySelector('.track')!;
      const bar = inkSpan(await screenshot(fiveStars), red);
      if (dir === 'ltr') {
        expect(bar.start).to.be.below(0.03);
        expect(bar.end).to.be.within(0.45, 0.55);
      } else {
        expect(bar.end).to.be.above(0.97);
        expect(bar.start).to.be.within(0.45, 0.55);
      }
      // The row reads star label, bar, count from the inline start.
      const row = part(el, 'distribution').querySelector('.row')!;
      const [label, , count] = [...row.children].filter((c) => !c.classList.contains('sr'));
      if (dir === 'ltr') expect(box(label!).left).to.be.below(box(count!).left);
      else expect(box(label!).left).to.be.above(box(count!).left);
    });

    it(`${dir}: the carousel's "next" is on the ${dir === 'ltr' ? 'right' : 'left'} and points that way`, async () => {
      const el = await page<ZmotTestimonials>(
        dir,
        html`<zmot-testimonials layout="carousel" style="color: rgb(255 0 0)" .data=${half}></zmot-testimonials>`,
      );
      const previous = part(el, 'previous');
      const next = part(el, 'next');
      const onward = dir === 'ltr' ? 'right' : 'left';
      const back = dir === 'ltr' ? 'left' : 'right';
      if (dir === 'ltr') expect(box(next).left).to.be.above(box(previous).left);
      else expect(box(next).left).to.be.below(box(previous).left);
      expect(pointing(await screenshot(next.querySelector('svg')!), red)).to.equal(onward);
      expect(pointing(await screenshot(previous.querySelector('svg')!), red)).to.equal(back);
    });

    it(`${dir}: the share panel runs from the ${start}: link, then the copy button, then the channels`, async () => {
      const el = await page<ZmotRecommend>(
        dir,
        html`<zmot-recommend ask="share" channels="copy,email,whatsapp" style="--zmot-color-accent: rgb(255 0 0)" name="Widget"
          url="https://shop.example/p/1"></zmot-recommend>`,
      );
      const link = part(el, 'link');
      const row = link.parentElement!;
      const copy = inkSpan(await screenshot(row), red);
      // The copy button (in the accent colour) follows the link field, at the inline end of the row.
      if (dir === 'ltr') expect(copy.start).to.be.above(0.5);
      else expect(copy.end).to.be.below(0.5);
      const channels = [...part(el, 'channels').querySelectorAll('li')].map(box);
      if (dir === 'ltr') expect(channels[0]!.left).to.be.below(channels[1]!.left);
      else expect(channels[0]!.left).to.be.above(channels[1]!.left);
    });

    it(`${dir}: the NPS scale starts at 0 on the ${start}, and the dialog's close button sits in the ${dir === 'ltr' ? 'right' : 'left'} corner`, async () => {
      const el = await page<ZmotRecommend>(dir, html`<zmot-recommend name="Widget"></zmot-recommend>`);
      const scores = [...el.shadowRoot!.querySelectorAll('[part~="score"]')].map(box);
      if (dir === 'ltr') expect(scores[0]!.left).to.be.below(scores[10]!.left);
      else expect(scores[0]!.left).to.be.above(scores[10]!.left);
      const ends = part(el, 'ends').children;
      if (dir === 'ltr') expect(box(ends[0]!).left).to.be.below(box(ends[1]!).left);
      else expect(box(ends[0]!).left).to.be.above(box(ends[1]!).left);

      el.open();
      await el.updateComplete;
      const dialog = box(part(el, 'dialog'));
      const close = box(part(el, 'close'));
      const middle = dialog.left + dialog.width / 2;
      if (dir === 'ltr') expect(close.left).to.be.above(middle);
      else expect(close.right).to.be.below(middle);
      el.close();
    });
  }
});
