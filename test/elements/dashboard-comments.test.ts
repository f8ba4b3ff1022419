// <zmot-dashboard>: what customers said (contract section 9) — the NPS comments with their score, product and
// date, filtered by group and product, marked as followed up, in the CSV; the text untrusted.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import '../../src/entries/zmot-dashboard.js';
import type { ZmotDashboard, ZmotExportDetail } from '../../src/elements/dashboard/dashboard.js';
import { serveCollector } from '../support/collector.js';
import { startWorker, worker } from '../support/msw.js';
import { COMMENTS, commentsAnswer } from '../support/reports.js';

const SRC = 'https://stats.acme.test/z/';
const TOKEN = 'owner-secret';
const FROM = '2026-03-01';
const TO = '2026-03-30';

const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...root(el).querySelectorAll<T>(selector)];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

interface Marked {
  id: string;
  body: unknown;
  authorization: string | null;
}

function collector(options: { mark?: (id: string) => Response } = {}): { asked: URL[]; marked: Marked[] } {
  const asked: URL[] = [];
  const marked: Marked[] = [];
  serveCollector(
    SRC,
    FROM,
    http.get(`${SRC}v1/comments`, ({ request }) => {
      const url = new URL(request.url);
      asked.push(url);
      return HttpResponse.json(commentsAnswer(url));
    }),
    http.post(`${SRC}v1/comments/:id/handled`, async ({ request, params }) => {
      const id = String(params.id);
      marked.push({ id, body: JSON.parse(await request.text()), authorization: request.headers.get('authorization') });
      if (options.mark) return options.mark(id);
      const comment = COMMENTS.find((c) => c.id === id)!;
      return HttpResponse.json({ ...comment, handled: (marked.at(-1)!.body as { handled: boolean }).handled });
    }),
  );
  return { asked, marked };
}

async function mount(lang = 'en'): Promise<ZmotDashboard> {
  const el = await fixture<ZmotDashboard>(html`<zmot-dashboard lang=${lang} src=${SRC} from=${FROM} to=${TO}></zmot-dashboard>`);
  el.token = TOKEN;
  await waitUntil(() => $(el, '[data-comment]'), 'the comments did not show', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

const items = (el: ZmotDashboard) =>
  $$(el, '[data-comment]').map((li) => [text(li.querySelector('.meta')), text(li.querySelector('.text'))]);

async function select(el: ZmotDashboard, label: string, value: string): Promise<void> {
  const field = $$<HTMLSelectElement>(el, '[data-section="comments"] select').find((s) => text(s.closest('label')).startsWith(label))!;
  field.value = value;
  field.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

before(startWorker);
beforeEach(() => sessionStorage.clear());
afterEach(() => worker.resetHandlers());

describe('<zmot-dashboard>: what customers said', () => {
  it('every comment of the period, newest first, with score, group, product and date; passes axe', async () => {
    const { asked } = collector();
    const el = await mount();
    expect(text($(el, '#comments-title'))).to.equal('What customers said');
    expect(Object.fromEntries(asked[0]!.searchParams)).to.deep.equal({ site: 'acme', from: FROM, to: TO, limit: '20' });
    expect(items(el)).to.deep.equal([
      ['Score 2 · Detractor sku-42 Mar 29, 2026', 'Broke after a day. Second line.'],
      ['Score 10 · Promoter =cmd|calc Mar 20, 2026', 'Best purchase this year'],
      ['Score 7 · Passive (page-wide) Mar 12, 2026', COMMENTS[2]!.comment],
      ['Score 5 · Detractor sku-42 Mar 2, 2026', 'Delivery took three weeks'],
    ]);
    expect(text($(el, '[data-comments-status]'))).to.equal('Shown: 4 of 4');
    expect($$<HTMLInputElement>(el, '[data-comment] input[type="checkbox"]').map((box) => box.checked)).to.deep.equal([false, false, true, false]);
    await expect(el).to.be.accessible();
  });

  it('shows the text as text: markup in a comment is neither parsed nor run', async () => {
    collector();
    const el = await mount();
    const hostile = $(el, '[data-comment="c2"] .text')!;
    expect(hostile.textContent).to.equal(COMMENTS[2]!.comment);
    expect(hostile.children).to.have.length(0);
    expect(root(el).querySelector('img')).to.equal(null);
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
    // The customer's own writing direction, whatever the dashboard's language.
    expect(hostile.dir).to.equal('auto');
    // Line breaks the customer typed are kept.
    expect(getComputedStyle($(el, '[data-comment="c4"] .text')!).whiteSpace).to.equal('pre-wrap');
  });

  it('filters by group and by product, asking the collector', async () => {
    const { asked } = collector();
    const el = await mount();
    await select(el, 'Group', 'detractor');
    await waitUntil(() => items(el).length === 2, 'only detractors');
    expect(asked.at(-1)!.searchParams.get('group')).to.equal('detractor');
    expect(items(el).map(([meta]) => meta.split(' ·')[0])).to.deep.equal(['Score 2', 'Score 5']);
    await select(el, 'Group', '');
    const options = $$<HTMLOptionElement>(el, '[data-section="comments"] label:nth-child(2) option').map((o) => text(o));
    expect(options).to.deep.equal(['All products', 'sku-42', '=cmd|calc', '(page-wide)']);
    await select(el, 'Product', '2');
    await waitUntil(() => items(el).length === 1, 'only page-wide comments');
    expect(asked.at(-1)!.searchParams.get('product')).to.equal('');
    expect(items(el)[0]![1]).to.equal(COMMENTS[2]!.comment);
  });

  it('keyboard: Space on a comment’s box marks it followed up at the collector, with the token; again takes it back', async () => {
    const { marked } = collector();
    const el = await mount();
    const box = $<HTMLInputElement>(el, '[data-comment="c4"] input[type="checkbox"]')!;
    expect(text(box.closest('label'))).to.equal('Followed up');
    box.focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => marked.length === 1, 'the mark is sent');
    expect(marked[0]).to.deep.equal({ id: 'c4', body: { handled: true }, authorization: `Bearer ${TOKEN}` });
    expect(box.checked).to.equal(true);
    await sendKeys({ press: 'Space' });
    await waitUntil(() => marked.length === 2, 'the unmark is sent');
    expect(marked[1]!.body).to.deep.equal({ handled: false });
    expect(box.checked).to.equal(false);
  });

  it('a mark the collector refuses is taken back and said in words', async () => {
    collector({ mark: () => HttpResponse.json({ error: 'database unavailable' }, { status: 503 }) });
    const el = await mount();
    const box = $<HTMLInputElement>(el, '[data-comment="c1"] input[type="checkbox"]')!;
    box.click();
    await waitUntil(() => text($(el, '[data-section="comments"] [role="alert"]')) !== '', 'the problem is said');
    expect(text($(el, '[data-section="comments"] [role="alert"]'))).to.equal('The follow-up could not be saved: database unavailable');
    expect(box.checked).to.equal(false);
  });

  it('the CSV carries the comments shown, five rows each, their text defused', async () => {
    collector();
    const el = await mount();
    $<HTMLInputElement>(el, '[data-comment="c1"] input[type="checkbox"]')!.click();
    const button = $$<HTMLButtonElement>(el, 'button').find((b) => text(b) === 'Download CSV')!;
    await el.updateComplete;
    setTimeout(() => button.click());
    const event = (await oneEvent(el, 'zmot-export')) as CustomEvent<ZmotExportDetail>;
    event.preventDefault();
    const lines = event.detail.csv.trimEnd().split('\r\n');
    const rows = lines.filter((l) => l.startsWith(`acme,${FROM},${TO},comment,`)).map((l) => l.slice(`acme,${FROM},${TO},comment,`.length));
    expect(rows).to.have.length(4 * 5);
    expect(rows).to.include.members([
      'c4,date,2026-03-29T09:30:00.000Z,',
      'c4,score,2,',
      'c4,product,sku-42,',
      'c4,handled,false,',
      'c4,text,"Broke after a day.\nSecond line.",',
      'c1,handled,true,',
      `c2,text,"'=HYPERLINK(""http://evil.example"",""x"") <img src=x onerror=""window.pwned=1"">",`,
      "c3,product,'=cmd|calc,",
    ]);
  });

  it('reads in German, and passes axe', async () => {
    collector();
    const de = await mount('de');
    expect(text($(de, '#comments-title'))).to.equal('Was Kunden gesagt haben');
    expect(items(de)[0]![0]).to.equal('Wert 2 · Kritiker sku-42 29.03.2026');
    await expect(de).to.be.accessible();
  });

  it('reads in Arabic, and passes axe', async () => {
    collector();
    const ar = await mount('ar');
    expect(text($(ar, '#comments-title'))).to.equal('ماذا قال العملاء');
    await expect(ar).to.be.accessible();
  });
});
