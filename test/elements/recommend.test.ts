import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { configure } from '../../src/config.js';
import { clearFeedCache } from '../../src/feed/load.js';
import '../../src/entries/define.js';
import { ANSWERED_KEY, type ZmotRecommend } from '../../src/elements/recommend/recommend.js';
import { CODE_KEY } from '../../src/referral/code.js';
import type { ZmotEvent } from '../../src/telemetry/index.js';
import { b2b } from '../support/feeds.js';
import { captureWarnings, mountExpectingError } from '../support/elements.js';
import { startWorker, worker } from '../support/msw.js';

const root = (el: Element) => el.shadowRoot!;
const part = (el: Element, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** Assertions name elements by these, never hold them: a failing comparison of DOM nodes stalls the runner. */
const shown = (node: Element | null | undefined) => Boolean(node);
const who = (node: Element | null | undefined) =>
  node ? `${node.localName}${node.id ? `#${node.id}` : ''}${node instanceof HTMLInputElement ? `=${node.value}` : ''} "${text(node).slice(0, 40)}"` : 'nothing';
const radio = (el: Element, score: number) => root(el).querySelector<HTMLInputElement>(`input[value="${score}"]`)!;
const button = (el: Element, label: string) =>
  [...root(el).querySelectorAll<HTMLElement>('button, a')].find((b) => text(b) === label || b.getAttribute('aria-label') === label);

/** Every `zmot-event` the page dispatches. */
const events: ZmotEvent[] = [];
const record = (event: Event) => events.push((event as CustomEvent<ZmotEvent>).detail);
const ofType = <T extends ZmotEvent['type']>(type: T) => events.filter((e): e is Extract<ZmotEvent, { type: T }> => e.type === type);

/** The element, rendered. */
async function mount(template: ReturnType<typeof html>): Promise<ZmotRecommend> {
  const el = await fixture<ZmotRecommend>(template);
  await el.updateComplete;
  return el;
}

/** Chooses a score as a pointer user does (click on the number) and sends it. */
async function answer(el: ZmotRecommend, score: number, comment?: string): Promise<void> {
  radio(el, score).click();
  await el.updateComplete;
  if (comment !== undefined) {
    const box = root(el).querySelector('textarea')!;
    box.value = comment;
    box.dispatchEvent(new Event('input'));
  }
  button(el, 'Send')!.click();
  await el.updateComplete;
}

/** Replaces a `navigator` member for one test; returns the function that puts it back. */
function replaceNavigator(name: string, value: unknown): () => void {
  const own = Object.getOwnPropertyDescriptor(navigator, name);
  Object.defineProperty(navigator, name, { value, configurable: true, writable: true });
  return () => {
    if (own) Object.defineProperty(navigator, name, own);
    else delete (navigator as unknown as Record<string, unknown>)[name];
  };
}

const clipboard = navigator.clipboard;
const CODE = /^[0-9a-hjkmnp-tv-z]{10}$/;

before(async () => {
  await startWorker();
  document.addEventListener('zmot-event', record);
  await executeServerCommand('grant-permissions', { permissions: ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write'] });
});
beforeEach(() => {
  events.length = 0;
  clearFeedCache();
  configure({ feed: undefined, endpoint: undefined, consent: 'granted' });
  localStorage.removeItem(ANSWERED_KEY);
  localStorage.removeItem(CODE_KEY);
  document.querySelectorAll('link[rel="canonical"], meta[property="og:site_name"]').forEach((node) => node.remove());
});
afterEach(() => worker.resetHandlers());

describe('<zmot-recommend>: the question', () => {
  it('asks about the product as a labelled 0–10 radio group with labelled ends', async () => {
    const el = await mount(html`<zmot-recommend product="sku-42" .data=${b2b}></zmot-recommend>`);
    const fieldset = part(el, 'question')!;
    expect(fieldset.localName).to.equal('fieldset');
    expect(text(fieldset.querySelector('legend'))).to.equal(
      'How likely are you to recommend Ledgerly Cloud to a friend or colleague?',
    );
    const radios = [...fieldset.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((r) => r.value)).to.deep.equal(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(text(radios[0]!.closest('label'))).to.equal('0 (Not likely)');
    expect(text(radios[10]!.closest('label'))).to.equal('10 (Very likely)');
    expect(text(radios[5]!.closest('label'))).to.equal('5');
    expect([...part(el, 'ends')!.children].map((end) => text(end))).to.deep.equal(['Not likely', 'Very likely']);
    expect(part(el, 'ends')!.getAttribute('aria-hidden')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('fits a 320 px phone: eleven 44 × 44 px targets in two rows (0–5, 6–10), "10" clear of its edges', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div style="inline-size: 304px"><zmot-recommend .data=${b2b}></zmot-recommend></div>`);
    const el = wrapper.firstElementChild as ZmotRecommend;
    await el.updateComplete;
    const boxes = [...root(el).querySelectorAll('[part~="score"]')].map((label) => label.getBoundingClientRect());
    const host = el.getBoundingClientRect();
    for (const [score, box] of boxes.entries()) {
      expect(box.width, `${score} wide`).to.be.at.least(44);
      expect(box.height, `${score} high`).to.be.at.least(44);
      expect(box.right, `${score} inside`).to.be.at.most(host.right);
    }
    expect(new Set(boxes.map((b) => Math.round(b.top))).size, 'rows').to.equal(2);
    expect(boxes[6]!.top, '6 starts the second row').to.be.above(boxes[5]!.top);
    const ten = root(el).querySelector('input[value="10"] + .box')!;
    const range = document.createRange();
    range.selectNodeContents([...ten.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())!);
    const digits = range.getBoundingClientRect();
    const edge = ten.getBoundingClientRect();
    expect(Math.min(digits.left - edge.left, edge.right - digits.right), '"10" clear of its edges').to.be.at.least(4);
  });

  it('works with the keyboard: Tab into the scale, arrow keys choose, Enter sends; nothing is sent before', async () => {
    const el = await mount(html`<zmot-recommend .data=${b2b}></zmot-recommend>`);
    radio(el, 0).focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect(radio(el, 3).checked).to.equal(true);
    expect(who(root(el).activeElement)).to.equal(who(radio(el, 3)));
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' }); // wraps from 0 to 10
    expect(radio(el, 10).checked).to.equal(true);
    expect(ofType('nps')).to.have.length(0);
    await sendKeys({ press: 'Enter' }); // submits the form
    await el.updateComplete;
    expect(ofType('nps').map(({ score, widget, product }) => ({ score, widget, product }))).to.deep.equal([
      { score: 10, widget: 'recommend', product: undefined },
    ]);
  });

  it('will not send without a score', async () => {
    const el = await mount(html`<zmot-recommend .data=${b2b}></zmot-recommend>`);
    button(el, 'Send')!.click();
    await el.updateComplete;
    expect(ofType('nps')).to.have.length(0);
    expect(shown(part(el, 'question'))).to.equal(true);
    expect(radio(el, 0).validity.valueMissing).to.equal(true);
  });

  it('says "us" and links to this page (no query, no fragment) when there is no feed', async () => {
    history.replaceState(null, '', `${location.pathname}${location.search}#frag`);
    const el = await mount(html`<zmot-recommend ask="share"></zmot-recommend>`);
    expect((part(el, 'link') as HTMLInputElement).value).to.match(
      new RegExp(`^${location.origin}${location.pathname}\\?zmot_ref=[0-9a-z]{10}$`),
    );
    const question = await mount(html`<zmot-recommend></zmot-recommend>`);
    expect(text(root(question).querySelector('legend'))).to.equal(
      'How likely are you to recommend us to a friend or colleague?',
    );
    history.replaceState(null, '', `${location.pathname}${location.search}`);
  });

  it('prefers the canonical URL and the site name over the bare page', async () => {
    document.head.insertAdjacentHTML(
      'beforeend',
      '<link rel="canonical" href="https://acme.example/p/canonical?color=red"><meta property="og:site_name" content="Acme">',
    );
    const el = await mount(html`<zmot-recommend></zmot-recommend>`);
    expect(text(root(el).querySelector('legend'))).to.equal('How likely are you to recommend Acme to a friend or colleague?');
    await answer(el, 9);
    expect((part(el, 'link') as HTMLInputElement).value).to.match(/^https:\/\/acme\.example\/p\/canonical\?color=red&zmot_ref=[0-9a-z]{10}$/);
  });

  it('loads the product’s name and URL from the page’s feed, and holds its space while it loads', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    worker.use(
      http.get('/feeds/:product.json', async () => {
        await gate;
        return HttpResponse.json(b2b);
      }),
    );
    configure({ feed: '/feeds/{product}.json' });
    const el = await mount(html`<zmot-recommend product="sku-42"></zmot-recommend>`);
    const base = part(el, 'base')!;
    expect(base.getAttribute('aria-busy')).to.equal('true');
    expect(getComputedStyle(base).visibility).to.equal('hidden');
    const reserved = base.getBoundingClientRect().height;
    release();
    await waitUntil(() => !part(el, 'base')!.hasAttribute('aria-busy'), 'the feed did not load');
    expect(text(root(el).querySelector('legend'))).to.contain('Ledgerly Cloud');
    expect(part(el, 'base')!.getBoundingClientRect().height).to.equal(reserved);
    expect(ofType('render')).to.have.length(1);
  });

  it('falls back to the page’s name and URL when the feed fails, and says so with zmot-error', async () => {
    worker.use(http.get('/feeds/:product.json', () => new HttpResponse(null, { status: 500 })));
    configure({ feed: '/feeds/{product}.json' });
    const warnings = captureWarnings();
    try {
      const { wrapper, event } = await mountExpectingError(html`<zmot-recommend product="sku-42"></zmot-recommend>`);
      expect(event.detail.reason).to.equal('http');
      const el = wrapper.querySelector('zmot-recommend')!;
      await waitUntil(() => !part(el, 'base')?.hasAttribute('aria-busy'));
      expect(text(root(el).querySelector('legend'))).to.contain('recommend us');
      expect(warnings.messages.join()).to.contain('uses the page’s name and URL');
      expect(ofType('error').map((e) => [e.widget, e.product, e.message])).to.deep.equal([
        ['recommend', 'sku-42', 'http: the feed answered HTTP 500'],
      ]);
    } finally {
      warnings.restore();
    }
  });

  it('asks nothing of a feed when there is no product for the page’s template', async () => {
    let requests = 0;
    worker.use(http.get('/feeds/*', () => (requests++, HttpResponse.json(b2b))));
    configure({ feed: '/feeds/{product}.json' });
    const el = await mount(html`<zmot-recommend></zmot-recommend>`);
    expect(part(el, 'base')!.hasAttribute('aria-busy')).to.equal(false);
    expect(requests).to.equal(0);
  });
});

describe('<zmot-recommend>: promoters share', () => {
  it('a 10 gets the share panel with the personal link, focus on its heading, and the nps event', async () => {
    const el = await mount(html`<zmot-recommend product="sku-42" .data=${b2b}></zmot-recommend>`);
    await answer(el, 10);
    expect(ofType('nps').map(({ score, widget, product, comment }) => ({ score, widget, product, comment }))).to.deep.equal([
      { score: 10, widget: 'recommend', product: 'sku-42', comment: undefined },
    ]);
    expect(shown(part(el, 'question'))).to.equal(false);
    const heading = part(el, 'heading')!;
    expect(text(heading)).to.equal('Thank you! Know someone who would like this too? Share your personal link.');
    expect(who(root(el).activeElement)).to.equal(who(heading));
    const link = (part(el, 'link') as HTMLInputElement).value;
    const code = new URL(link).searchParams.get('zmot_ref')!;
    expect(link).to.equal(`https://acme.example/p/sku-42?zmot_ref=${code}`);
    expect(code).to.match(CODE);
    expect(JSON.parse(localStorage.getItem(CODE_KEY)!)).to.equal(code);
    expect(text(root(el).querySelector('label[for="link"]'))).to.equal('Your personal link');
    await expect(el).to.be.accessible();
  });

  it('a 9 is a promoter too; one code per visitor, whatever the element', async () => {
    const one = await mount(html`<zmot-recommend cooldown-days="0" .data=${b2b}></zmot-recommend>`);
    await answer(one, 9);
    const two = await mount(html`<zmot-recommend ask="share" url="https://acme.example/other"></zmot-recommend>`);
    const codeOf = (el: Element) => new URL((part(el, 'link') as HTMLInputElement).value).searchParams.get('zmot_ref');
    expect(codeOf(one)).to.match(CODE);
    expect(codeOf(two)).to.equal(codeOf(one));
    expect((part(two, 'link') as HTMLInputElement).value).to.equal(`https://acme.example/other?zmot_ref=${codeOf(one)}`);
  });

  it('copy puts the link on the clipboard, says so visibly and to screen readers, and sends share', async () => {
    const el = await mount(html`<zmot-recommend ask="share" .data=${b2b}></zmot-recommend>`);
    const link = (part(el, 'link') as HTMLInputElement).value;
    const status = part(el, 'status')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(text(status)).to.equal('');
    await clipboard.writeText('something else');
    button(el, 'Copy link')!.click();
    await waitUntil(() => text(part(el, 'status')) === 'Link copied', 'no confirmation');
    expect(await clipboard.readText()).to.equal(link);
    expect(status.checkVisibility()).to.equal(true);
    const code = new URL(link).searchParams.get('zmot_ref');
    expect(ofType('share').map(({ channel, ref }) => ({ channel, ref }))).to.deep.equal([{ channel: 'copy', ref: code }]);
    await expect(el).to.be.accessible();
  });

  it('copy falls back to the selection and execCommand where the Clipboard API is missing', async () => {
    const el = await mount(html`<zmot-recommend ask="share" .data=${b2b}></zmot-recommend>`);
    const link = (part(el, 'link') as HTMLInputElement).value;
    await clipboard.writeText('something else');
    const restore = replaceNavigator('clipboard', undefined);
    try {
      // A real key press: execCommand('copy') needs the user's activation.
      button(el, 'Copy link')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => text(part(el, 'status')) === 'Link copied', 'no confirmation');
    } finally {
      restore();
    }
    expect(await clipboard.readText()).to.equal(link);
    expect(ofType('share')).to.have.length(1);
  });

  it('when nothing can copy, the link is selected and the visitor told how to copy it; no share is counted', async () => {
    const el = await mount(html`<zmot-recommend ask="share" .data=${b2b}></zmot-recommend>`);
    const restore = replaceNavigator('clipboard', undefined);
    const execCommand = document.execCommand;
    document.execCommand = () => false;
    try {
      button(el, 'Copy link')!.click();
      await waitUntil(() => text(part(el, 'status')).startsWith('The link is selected'));
    } finally {
      restore();
      document.execCommand = execCommand;
    }
    const input = part(el, 'link') as HTMLInputElement;
    expect(who(root(el).activeElement)).to.equal(who(input));
    expect([input.selectionStart, input.selectionEnd]).to.deep.equal([0, input.value.length]);
    expect(ofType('share')).to.have.length(0);
  });

  it('shows the whole referral link, its code included, on a 320 px phone', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div style="inline-size: 288px"><zmot-recommend ask="share" url="https://acme.example/products/trail-runner-2-waterproof?color=forest-green" .data=${b2b}></zmot-recommend></div>`,
    );
    const el = wrapper.firstElementChild as ZmotRecommend;
    await el.updateComplete;
    const field = part(el, 'link') as HTMLTextAreaElement;
    expect(field.value).to.match(/zmot_ref=[0-9a-z]{10}$/);
    expect(field.scrollWidth, 'nothing hidden sideways').to.be.at.most(field.clientWidth);
    expect(field.scrollHeight, 'nothing hidden below').to.be.at.most(field.clientHeight + 1);
    expect(field.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right);
  });

  it('links to each network’s public share page in a new window with noopener, and e-mail by mailto', async () => {
    const el = await mount(html`<zmot-recommend ask="share" .data=${b2b}></zmot-recommend>`);
    const link = (part(el, 'link') as HTMLInputElement).value;
    const code = new URL(link).searchParams.get('zmot_ref')!;
    const enc = encodeURIComponent;
    const links = [...part(el, 'channels')!.querySelectorAll('a')];
    expect(links.map((a) => text(a))).to.deep.equal([
      'E-mail',
      'WhatsApp (opens in a new window)',
      'X (opens in a new window)',
      'LinkedIn (opens in a new window)',
      'Facebook (opens in a new window)',
    ]);
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      `mailto:?subject=${enc('Have a look at Ledgerly Cloud')}&body=${enc(`I recommend Ledgerly Cloud.\n\n${link}`)}`,
      `https://wa.me/?text=${enc(`I recommend Ledgerly Cloud. ${link}`)}`,
      `https://x.com/intent/post?text=${enc('I recommend Ledgerly Cloud.')}&url=${enc(link)}`,
      `https://www.linkedin.com/sharing/share-offsite/?url=${enc(link)}`,
      `https://www.facebook.com/sharer/sharer.php?u=${enc(link)}`,
    ]);
    expect(links[0]!.hasAttribute('target')).to.equal(false);
    for (const a of links.slice(1)) {
      expect(a.target).to.equal('_blank');
      expect(a.relList.contains('noopener')).to.equal(true);
    }
    // Follow no link, but count the clicks.
    const stay = (event: Event) => event.preventDefault();
    document.addEventListener('click', stay);
    try {
      links.forEach((a) => a.click());
    } finally {
      document.removeEventListener('click', stay);
    }
    expect(ofType('share').map((e) => `${e.channel}:${e.ref}`)).to.deep.equal(
      ['email', 'whatsapp', 'x', 'linkedin', 'facebook'].map((channel) => `${channel}:${code}`),
    );
    expect(part(el, 'channels')!.getAttribute('aria-label')).to.equal('Share with');
  });

  it('shows the channels the channels attribute names, in its order', async () => {
    const el = await mount(html`<zmot-recommend ask="share" channels="linkedin, copy x bogus"></zmot-recommend>`);
    expect([...part(el, 'channels')!.querySelectorAll('a')].map((a) => text(a.firstChild as Element))).to.have.length(2);
    expect([...part(el, 'channels')!.querySelectorAll('a')].map((a) => new URL(a.href).hostname)).to.deep.equal([
      'www.linkedin.com',
      'x.com',
    ]);
    expect(shown(button(el, 'Copy link'))).to.equal(true);
    expect(shown(button(el, 'E-mail'))).to.equal(false);
    const none = await mount(html`<zmot-recommend ask="share" channels="whatsapp"></zmot-recommend>`);
    expect(shown(button(none, 'Copy link'))).to.equal(false);
    expect(shown(part(none, 'link'))).to.equal(true); // the link can always be copied by hand
  });

  it('Web Share absent: no native button', async () => {
    expect(typeof navigator.share).to.equal('undefined'); // Chromium on Linux has none
    const el = await mount(html`<zmot-recommend ask="share"></zmot-recommend>`);
    expect(shown(button(el, 'Share…'))).to.equal(false);
  });

  it('Web Share present: a native button that shares the link and counts only what was shared', async () => {
    const shared: ShareData[] = [];
    let refuse = false;
    const restoreShare = replaceNavigator('share', async (data: ShareData) => {
      if (refuse) throw new DOMException('Share canceled', 'AbortError');
      shared.push(data);
    });
    const restoreCan = replaceNavigator('canShare', (data: ShareData) => typeof data.url === 'string');
    try {
      const el = await mount(html`<zmot-recommend ask="share" .data=${b2b}></zmot-recommend>`);
      const native = button(el, 'Share…')!;
      expect(native.localName).to.equal('button');
      expect(part(el, 'channels')!.firstElementChild!.contains(native)).to.equal(true); // first, as in the attribute
      const link = (part(el, 'link') as HTMLInputElement).value;
      native.click();
      await waitUntil(() => ofType('share').length === 1);
      expect(shared).to.deep.equal([{ title: 'Ledgerly Cloud', text: 'I recommend Ledgerly Cloud.', url: link }]);
      expect(ofType('share')[0]!.channel).to.equal('native');
      refuse = true;
      native.click();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(ofType('share')).to.have.length(1);
      await expect(el).to.be.accessible();
    } finally {
      restoreShare();
      restoreCan();
    }
  });
});

describe('<zmot-recommend>: passives and detractors', () => {
  it('a 7 or 8 gets thanks and a softer share option', async () => {
    const el = await mount(html`<zmot-recommend .data=${b2b}></zmot-recommend>`);
    await answer(el, 8);
    expect(ofType('nps')[0]!.score).to.equal(8);
    expect(text(part(el, 'heading'))).to.equal(
      'Thank you for your answer! If you know someone it would suit, you can share a link with them.',
    );
    expect(shown(part(el, 'share'))).to.equal(false);
    await expect(el).to.be.accessible();
    button(el, 'Share a link')!.click();
    await el.updateComplete;
    expect(shown(part(el, 'share'))).to.equal(true);
    expect(text(part(el, 'heading'))).to.equal('Know someone who would like this? Share your personal link.');
    expect(who(root(el).activeElement)).to.equal(who(part(el, 'heading')));
    await expect(el).to.be.accessible();
  });

  it('a 0–6 gets a private, anonymous "What could we do better?" box, sent as the nps comment, then thanks', async () => {
    const el = await mount(html`<zmot-recommend .data=${b2b}></zmot-recommend>`);
    expect(shown(root(el).querySelector('textarea'))).to.equal(false);
    radio(el, 3).click();
    await el.updateComplete;
    const box = root(el).querySelector('textarea')!;
    expect(text(root(el).querySelector('label[for="comment"]'))).to.equal('What could we do better?');
    const note = root(el).getElementById(box.getAttribute('aria-describedby')!)!;
    expect(text(note)).to.contain('anonymous');
    expect(root(el).querySelectorAll('input[type="email"], input[type="tel"]')).to.have.length(0);
    await expect(el).to.be.accessible();
    box.focus();
    await sendKeys({ type: 'Checkout kept failing. Mail me at ana@example.com or +44 20 7946 0958.' });
    button(el, 'Send')!.click();
    await el.updateComplete;
    const [nps] = ofType('nps');
    expect(nps!.score).to.equal(3);
    expect(nps!.comment).to.equal('Checkout kept failing. Mail me at [e-mail] or [number].');
    expect(shown(part(el, 'share'))).to.equal(false);
    expect(text(part(el, 'heading'))).to.equal('Thank you! Your feedback helps us do better.');
    expect(who(root(el).activeElement)).to.equal(who(part(el, 'heading')));
    await expect(el).to.be.accessible();
  });

  it('a detractor may send no comment; the comment box goes away for higher scores', async () => {
    const el = await mount(html`<zmot-recommend .data=${b2b}></zmot-recommend>`);
    radio(el, 6).click();
    await el.updateComplete;
    expect(shown(root(el).querySelector('textarea'))).to.equal(true);
    radio(el, 7).click();
    await el.updateComplete;
    expect(shown(root(el).querySelector('textarea'))).to.equal(false);
    await answer(el, 0);
    expect(ofType('nps')).to.have.length(1);
    expect(ofType('nps')[0]).to.include({ score: 0 }).and.not.have.property('comment');
  });
});

describe('<zmot-recommend>: texts', () => {
  it('takes its texts from attributes, with {name} filled in', async () => {
    const el = await mount(html`<zmot-recommend
      name="Acme Cloud"
      question="Would you recommend {name} to a peer?"
      feedback-label="Tell us what went wrong"
      thanks="We read every answer."
      share-text="{name} is great:"
      share-subject="Try {name}"
    ></zmot-recommend>`);
    expect(text(root(el).querySelector('legend'))).to.equal('Would you recommend Acme Cloud to a peer?');
    radio(el, 2).click();
    await el.updateComplete;
    expect(text(root(el).querySelector('label[for="comment"]'))).to.equal('Tell us what went wrong');
    await answer(el, 2);
    expect(text(part(el, 'heading'))).to.equal('We read every answer.');
    const share = await mount(html`<zmot-recommend ask="share" name="Acme Cloud" share-text="{name} is great:" share-subject="Try {name}"></zmot-recommend>`);
    const mail = part(share, 'channels')!.querySelector('a')!.getAttribute('href')!;
    expect(decodeURIComponent(mail)).to.match(/^mailto:\?subject=Try Acme Cloud&body=Acme Cloud is great:\n\nhttp/);
  });

  it('takes its texts from slots', async () => {
    const el = await mount(html`<zmot-recommend .data=${b2b}>
      <span slot="question">Recommend <b>us</b>?</span>
      <span slot="feedback-label">What went wrong?</span>
      <span slot="promoter-heading">You are a star. Share this:</span>
    </zmot-recommend>`);
    const legendSlot = root(el).querySelector<HTMLSlotElement>('legend slot')!;
    expect(legendSlot.assignedElements().map((e) => e.textContent)).to.deep.equal(['Recommend us?']);
    radio(el, 1).click();
    await el.updateComplete;
    expect(root(el).querySelector<HTMLSlotElement>('label[for="comment"] slot')!.assignedElements()[0]!.textContent).to.equal('What went wrong?');
    await answer(el, 10);
    expect(root(el).querySelector<HTMLSlotElement>('[part~="heading"] slot')!.assignedElements()[0]!.textContent).to.equal(
      'You are a star. Share this:',
    );
    await expect(el).to.be.accessible();
  });
});

describe('<zmot-recommend>: not nagging', () => {
  it('once answered, the question stays away for cooldown-days (90 by default)', async () => {
    const el = await mount(html`<zmot-recommend .data=${b2b}></zmot-recommend>`);
    await answer(el, 4);
    expect(Date.now() - Number(localStorage.getItem(ANSWERED_KEY))).to.be.lessThan(5000);
    const next = await mount(html`<zmot-recommend .data=${b2b}></zmot-recommend>`);
    expect(next.coolingDown).to.equal(true);
    expect(shown(part(next, 'base'))).to.equal(false);
    expect(next.getBoundingClientRect().height).to.equal(0);
    expect(next.open()).to.equal(false);
    // 89 days later: still away. 91 days later: asked again.
    localStorage.setItem(ANSWERED_KEY, String(Date.now() - 89 * 86_400_000));
    expect(shown(part(await mount(html`<zmot-recommend></zmot-recommend>`), 'question'))).to.equal(false);
    localStorage.setItem(ANSWERED_KEY, String(Date.now() - 91 * 86_400_000));
    expect(shown(part(await mount(html`<zmot-recommend></zmot-recommend>`), 'question'))).to.equal(true);
    localStorage.setItem(ANSWERED_KEY, String(Date.now() - 20 * 86_400_000));
    expect(shown(part(await mount(html`<zmot-recommend cooldown-days="14"></zmot-recommend>`), 'question'))).to.equal(true);
    expect(shown(part(await mount(html`<zmot-recommend cooldown-days="0"></zmot-recommend>`), 'question'))).to.equal(true);
    // Sharing is not asking: the share panel shows whatever the cooldown.
    expect(shown(part(await mount(html`<zmot-recommend ask="share"></zmot-recommend>`), 'share'))).to.equal(true);
  });

  it('"Not now" dismisses it for the cooldown and reports the dismissal', async () => {
    const el = await mount(html`<zmot-recommend product="sku-42" .data=${b2b}></zmot-recommend>`);
    button(el, 'Not now')!.click();
    await el.updateComplete;
    expect(shown(part(el, 'base'))).to.equal(false);
    expect(ofType('interaction').map((e) => [e.action, e.widget, e.product])).to.deep.equal([['dismiss', 'recommend', 'sku-42']]);
    expect(ofType('nps')).to.have.length(0);
    expect(shown(part(await mount(html`<zmot-recommend></zmot-recommend>`), 'question'))).to.equal(false);
  });

  it('with GPC on nothing is stored: no code, no cooldown across page views', async () => {
    const restore = replaceNavigator('globalPrivacyControl', true);
    try {
      const el = await mount(html`<zmot-recommend .data=${b2b}></zmot-recommend>`);
      await answer(el, 10);
      expect(new URL((part(el, 'link') as HTMLInputElement).value).searchParams.get('zmot_ref')).to.match(CODE);
      expect(localStorage.getItem(CODE_KEY)).to.equal(null);
      expect(localStorage.getItem(ANSWERED_KEY)).to.equal(null);
      expect(ofType('nps')).to.have.length(1); // anonymous answers are still sent
    } finally {
      restore();
    }
  });
});

describe('<zmot-recommend>: as a dialog', () => {
  it('open() shows a modal dialog named by the question; focus moves in, Escape closes and focus returns', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <button id="opener">Rate us</button>
      <zmot-recommend modal .data=${b2b}></zmot-recommend>
    </div>`);
    const el = wrapper.querySelector('zmot-recommend')!;
    const opener = wrapper.querySelector<HTMLButtonElement>('#opener')!;
    await el.updateComplete;
    expect(shown(part(el, 'base'))).to.equal(false); // modal: nothing inline
    opener.focus();
    expect(el.open()).to.equal(true);
    await el.updateComplete;
    const dialog = part(el, 'dialog') as HTMLDialogElement;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(text(root(el).getElementById(dialog.getAttribute('aria-labelledby')!))).to.equal(
      'How likely are you to recommend Ledgerly Cloud to a friend or colleague?',
    );
    expect(dialog.contains(root(el).activeElement)).to.equal(true);
    expect(who(root(el).activeElement)).to.equal(who(radio(el, 0)));
    expect(shown(button(el, 'Not now'))).to.equal(false); // the close button does that
    await expect(el).to.be.accessible();
    // Tab stays inside: 0 → Send → Close → (out of the modal dialog nothing is reachable) → back in.
    await sendKeys({ press: 'Tab' });
    expect(text(root(el).activeElement)).to.equal('Send');
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement!.getAttribute('aria-label')).to.equal('Close');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    expect(shown(part(el, 'dialog'))).to.equal(false);
    expect(who(document.activeElement)).to.equal(who(opener));
    expect(ofType('interaction').map((e) => e.action)).to.deep.equal(['dismiss']);
    expect(el.open()).to.equal(false); // dismissed: cooling down
  });

  it('answering in the dialog keeps the follow-up in it; the close button closes it', async () => {
    const el = await mount(html`<zmot-recommend modal .data=${b2b}></zmot-recommend>`);
    el.open();
    await el.updateComplete;
    await answer(el, 10);
    const dialog = part(el, 'dialog') as HTMLDialogElement;
    expect(dialog.open).to.equal(true);
    expect(dialog.contains(part(el, 'share'))).to.equal(true);
    expect(who(root(el).activeElement)).to.equal(who(part(el, 'heading')));
    expect(text(root(el).getElementById(dialog.getAttribute('aria-labelledby')!))).to.contain('Share your personal link');
    await expect(el).to.be.accessible();
    const closed = oneEvent(dialog, 'close');
    button(el, 'Close')!.click();
    await closed;
    await el.updateComplete;
    expect(shown(part(el, 'dialog'))).to.equal(false);
    expect(ofType('interaction')).to.have.length(0); // answered, not dismissed
    expect(el.open()).to.equal(true); // the share panel may be opened again
    await el.updateComplete;
    expect(shown(part(el, 'share'))).to.equal(true);
    const closedAgain = oneEvent(part(el, 'dialog')!, 'close');
    el.close();
    await closedAgain;
  });

  it('an inline element opens as a dialog too; what follows the answer is back inline afterwards', async () => {
    const el = await mount(html`<zmot-recommend></zmot-recommend>`);
    expect(shown(part(el, 'question'))).to.equal(true);
    el.open();
    await el.updateComplete;
    expect(part(el, 'dialog')!.contains(part(el, 'question'))).to.equal(true);
    await answer(el, 7);
    const closed = oneEvent(part(el, 'dialog')!, 'close');
    el.close();
    await closed;
    await el.updateComplete;
    expect(shown(part(el, 'dialog'))).to.equal(false);
    expect(shown(button(el, 'Share a link'))).to.equal(true);
  });
});
