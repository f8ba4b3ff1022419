import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { LitElement, css, html as litHtml } from 'lit';
import { http, HttpResponse } from 'msw';
import { configure } from '../../src/config.js';
import { clearFeedCache } from '../../src/feed/load.js';
import '../../src/entries/define.js';
import type { ZmotRating } from '../../src/elements/rating/rating.js';
import { TelemetryController } from '../../src/elements/core/telemetry-controller.js';
import { flush } from '../../src/telemetry/index.js';
import type { ZmotEvent } from '../../src/telemetry/schema.js';
import { b2b } from '../support/feeds.js';
import { startWorker, worker } from '../support/msw.js';
import { captureWarnings, endpoint, freshTelemetry, sleep } from './helpers.js';

// Count the IntersectionObservers telemetry makes (it must share one); the observers themselves are real.
let observers = 0;
window.IntersectionObserver = class extends IntersectionObserver {
  constructor(...args: ConstructorParameters<typeof IntersectionObserver>) {
    super(...args);
    observers += 1;
  }
};

/** A widget of a given size that reports through a TelemetryController, as every zmot element does. */
class TestWidget extends LitElement {
  static override properties = { product: {} };
  static override styles = css`
    :host {
      display: block;
      inline-size: var(--w, 300px);
      block-size: var(--h, 200px);
    }
  `;
  product?: string;
  readonly telemetry = new TelemetryController(this, 'test');
  override render() {
    return litHtml`<p>widget</p>`;
  }
  override updated() {
    this.telemetry.rendered();
  }
}
customElements.define('test-widget', TestWidget);

const heard: ZmotEvent[] = [];
const listen = (e: CustomEvent<ZmotEvent>) => heard.push(e.detail);
const impressions = (el?: Element) => heard.filter((e) => e.type === 'impression' && (!el || e.product === (el as TestWidget).product));
const renders = (el?: Element) => heard.filter((e) => e.type === 'render' && (!el || e.product === (el as TestWidget).product));
let n = 0;

/** A page taller than the viewport with the widget `top` px down; returns the widget. */
async function page(top: number, style = ''): Promise<TestWidget> {
  const product = `p-${++n}`;
  const wrapper = await fixture<HTMLDivElement>(html`<div style="position: relative; block-size: 4000px">
    <test-widget product=${product} style="position: absolute; inset-block-start: ${top}px; ${style}"></test-widget>
  </div>`);
  const el = wrapper.querySelector('test-widget') as TestWidget;
  await el.updateComplete;
  return el;
}

before(startWorker);
beforeEach(() => {
  freshTelemetry();
  configure({ endpoint: undefined });
  heard.length = 0;
  document.addEventListener('zmot-event', listen);
  window.scrollTo(0, 0);
});
afterEach(() => {
  document.removeEventListener('zmot-event', listen);
  worker.resetHandlers();
});

describe('telemetry: viewability', () => {
  it('a widget below the fold renders at once, and is viewable only after it is scrolled into view for 1 s', async () => {
    const el = await page(2000);
    expect(renders(el)).to.have.length(1);
    await sleep(1300);
    expect(impressions(el), 'below the fold').to.have.length(0);
    window.scrollTo(0, 1900);
    const shown = Date.now();
    await waitUntil(() => impressions(el).length, 'no impression after scrolling', { timeout: 3000, interval: 20 });
    expect(Date.now() - shown).to.be.within(950, 1600);
    // Once per page view: out of view and back again changes nothing.
    window.scrollTo(0, 0);
    await sleep(100);
    window.scrollTo(0, 1900);
    await sleep(1300);
    expect(impressions(el)).to.have.length(1);
    expect(renders(el)).to.have.length(1);
  });

  it('one continuous second: scrolled away before it, the count starts again', async () => {
    const el = await page(2000);
    for (let i = 0; i < 3; i++) {
      window.scrollTo(0, 1900);
      await sleep(700);
      window.scrollTo(0, 0);
      await sleep(100);
    }
    expect(impressions(el)).to.have.length(0);
    window.scrollTo(0, 1900);
    await waitUntil(() => impressions(el).length, 'no impression', { timeout: 2500, interval: 20 });
  });

  it('needs at least half of its pixels in the viewport', async () => {
    const el = await page(1000); // 200 px high
    const viewport = innerHeight;
    window.scrollTo(0, 1000 - viewport + 80); // 80 of 200 px visible: 40%
    await sleep(1400);
    expect(impressions(el), 'at 40%').to.have.length(0);
    window.scrollTo(0, 1000 - viewport + 110); // 55%
    await waitUntil(() => impressions(el).length, 'no impression at 55%', { timeout: 2500, interval: 20 });
  });

  it('a widget too tall to show half of itself counts once it fills half the viewport’s height', async () => {
    const el = await page(innerHeight * 0.6, `--h: ${innerHeight * 3}px`); // 40% of the viewport
    await sleep(1300);
    expect(impressions(el)).to.have.length(0);
    window.scrollTo(0, innerHeight * 0.4); // about 80% of the viewport, 27% of the widget
    await waitUntil(() => impressions(el).length, 'no impression for a tall widget filling the viewport', { timeout: 2500, interval: 20 });
  });

  it('a zero-size widget never counts, though it rendered', async () => {
    const el = await page(10, '--w: 0px; --h: 0px');
    const flat = await page(40, '--w: 300px; --h: 0px');
    await sleep(1500);
    expect(renders(el)).to.have.length(1);
    expect(renders(flat)).to.have.length(1);
    expect(impressions(el)).to.have.length(0);
    expect(impressions(flat)).to.have.length(0);
  });

  it('a widget taken out of the page before its second is up never counts; put back, it starts again', async () => {
    const el = await page(10);
    const parent = el.parentElement!;
    await sleep(500);
    el.remove();
    await sleep(800);
    expect(impressions(el)).to.have.length(0);
    parent.append(el);
    await waitUntil(() => impressions(el).length, 'no impression after coming back', { timeout: 2500, interval: 20 });
    expect(renders(el)).to.have.length(1);
  });

  it('a new product is a new render and a new impression', async () => {
    const el = await page(10);
    await waitUntil(() => impressions(el).length, 'no impression', { timeout: 2500, interval: 20 });
    el.product = 'p-other';
    await el.updateComplete;
    await waitUntil(() => impressions(el).length, 'no impression for the new product', { timeout: 2500, interval: 20 });
    expect(heard.filter((e) => e.product === 'p-other').map((e) => e.type)).to.deep.equal(['render', 'impression']);
  });

  it('watches every widget with one shared IntersectionObserver', async () => {
    await page(10);
    await page(20);
    await page(30);
    expect(observers).to.equal(1);
  });
});

describe('<zmot-rating> telemetry', () => {
  beforeEach(() => {
    clearFeedCache();
    configure({ feed: '/feeds/{product}.json', endpoint: '/z/events' });
  });

  it('reports render, then impression, with widget and product, to the endpoint', async () => {
    worker.use(http.get('/feeds/:product.json', () => HttpResponse.json(b2b)));
    const ep = endpoint();
    const el = await fixture<ZmotRating>(html`<zmot-rating product="sku-42"></zmot-rating>`);
    await waitUntil(() => impressions().length, 'no impression', { timeout: 3000, interval: 20 });
    await flush();
    expect(ep.events().map((e) => [e.type, e.widget, e.product])).to.deep.equal([
      ['render', 'rating', 'sku-42'],
      ['impression', 'rating', 'sku-42'],
    ]);
    expect(el.summary).to.exist;
  });

  it('names the feed’s product when it is given as data, without a product attribute', async () => {
    const el = await fixture<ZmotRating>(html`<zmot-rating .data=${b2b}></zmot-rating>`);
    await waitUntil(() => renders().length, 'no render');
    expect(renders()[0]).to.include({ widget: 'rating', product: 'sku-42' });
    expect(el.summary).to.exist;
  });

  it('reports a feed failure as an error event, without the feed URL', async () => {
    worker.use(http.get('/feeds/:product.json', () => new HttpResponse(null, { status: 404 })));
    const ep = endpoint();
    const warnings = captureWarnings();
    try {
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      const fired = oneEvent(wrapper, 'zmot-error');
      wrapper.innerHTML = '<zmot-rating product="sku-404"></zmot-rating>';
      await fired;
      await flush();
    } finally {
      warnings.restore();
    }
    expect(ep.events()).to.have.length(1);
    const [error] = ep.events();
    expect(error).to.include({ type: 'error', widget: 'rating', product: 'sku-404', message: 'http: the feed answered HTTP 404' });
    expect(renders()).to.have.length(0);
  });

  it('reports a click on a star row as a filter interaction', async () => {
    const el = await fixture<ZmotRating>(html`<zmot-rating variant="full" .data=${b2b}></zmot-rating>`);
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.row')!.click();
    const interaction = heard.find((e) => e.type === 'interaction');
    expect(interaction).to.include({ action: 'filter', widget: 'rating', product: 'sku-42' });
  });
});
