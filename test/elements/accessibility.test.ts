// WCAG 2.2 AA across the visitor widgets, in every state and in English, German, Arabic (right to left)
// and Japanese: axe; every control reached with Tab alone, with a visible focus ring and a target of at
// least 24×24 px; names and states as the accessibility tree gives them to screen readers; live regions
// that announce a copied link and an applied filter; and reflow at 320 CSS px. ACCESSIBILITY.md lists
// what these cover and what they cannot.
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, findAccessibilityNode, sendKeys } from '@web/test-runner-commands';
import { configure } from '../../src/config.js';
import '../../src/entries/define.js';
import { ANSWERED_KEY } from '../../src/elements/recommend/recommend.js';
import { captureWarnings } from '../support/elements.js';
import { b2b } from '../support/feeds.js';
import { rich, STATES, type State } from '../support/states.js';

type Widget = HTMLElement & { updateComplete: Promise<boolean> };
interface AxNode {
  role: string;
  name: string;
  pressed?: boolean | 'mixed';
  checked?: boolean | 'mixed';
  children: AxNode[];
}

const LANGUAGES = [
  { lang: 'en', dir: 'ltr' },
  { lang: 'de', dir: 'ltr' },
  { lang: 'ar', dir: 'rtl' },
  { lang: 'ja', dir: 'ltr' },
] as const;

async function mount(state: State, lang = 'en', dir = 'ltr', width = '40em'): Promise<{ wrapper: HTMLElement; el: Widget }> {
  const warnings = state.warns ? captureWarnings() : undefined;
  try {
    const wrapper = await fixture<HTMLElement>(html`<div lang=${lang} dir=${dir} style=${`inline-size: ${width}`}></div>`);
    return { wrapper, el: await state.mount(wrapper) };
  } finally {
    warnings?.restore();
  }
}

/** The focused element, inside shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** What shows a control's focus: the control itself, or for a radio button the box drawn beside it. */
const ring = (control: Element) =>
  control instanceof HTMLInputElement && control.type === 'radio' ? control.nextElementSibling! : control;

function describe_(node: Element): string {
  return `${node.localName}${node.getAttribute('part') ? `[part=${node.getAttribute('part')}]` : ''} "${(node.textContent ?? '').trim().slice(0, 30)}"`;
}

/** Controls a keyboard user must be able to reach; one stop per radio group. */
function controls(el: Element): Element[] {
  const root = el.shadowRoot!;
  const all = [...root.querySelectorAll('button, a[href], select, textarea, input')].filter((node) => {
    const style = getComputedStyle(node);
    return style.visibility !== 'hidden' && style.display !== 'none' && (node as HTMLElement).offsetParent !== null || node instanceof HTMLInputElement;
  });
  const seen = new Set<string>();
  return all.filter((node) => {
    if (!(node instanceof HTMLInputElement) || node.type !== 'radio') return true;
    if (seen.has(node.name)) return false;
    seen.add(node.name);
    return true;
  });
}

interface Stop {
  node: Element;
  /** The focus ring, read while the control had focus (`:focus-visible` holds only then). */
  outline: { style: string; width: number };
  box: DOMRect;
}

function stop(node: Element): Stop {
  const style = getComputedStyle(ring(node));
  return { node, outline: { style: style.outlineStyle, width: parseFloat(style.outlineWidth) }, box: ring(node).getBoundingClientRect() };
}

/** Tabs from a button before the widget to one after it (or around a modal dialog); returns every stop. */
async function tabThrough(wrapper: HTMLElement, el: Widget, modal: boolean): Promise<Stop[]> {
  const stops: Stop[] = [];
  if (!modal) {
    const before = document.createElement('button');
    before.textContent = 'before';
    const after = document.createElement('button');
    after.textContent = 'after';
    wrapper.prepend(before);
    wrapper.append(after);
    before.focus();
    for (let i = 0; i < 60; i++) {
      await sendKeys({ press: 'Tab' });
      const active = deepActive();
      if (!active || active === after) break;
      stops.push(stop(active));
    }
    return stops;
  }
  // A modal dialog: Tab goes round its controls (and, past the last one, out to the browser's own UI).
  for (let i = 0; i < 20; i++) {
    const active = deepActive();
    if (active && stops.some((s) => s.node === active)) break;
    if (active && active !== document.body) {
      expect(el.shadowRoot!.contains(active), `${describe_(active)} is in the dialog`).to.equal(true);
      stops.push(stop(active));
    }
    await sendKeys({ press: 'Tab' });
  }
  return stops;
}

before(async () => {
  configure({ feed: undefined, endpoint: undefined });
  await executeServerCommand('grant-permissions', { permissions: ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write'] });
});
beforeEach(() => localStorage.removeItem(ANSWERED_KEY));

describe('accessibility', () => {
  describe('axe, in every state and language', () => {
    for (const state of STATES) {
      it(`<${state.tag}> ${state.name}`, async () => {
        for (const { lang, dir } of LANGUAGES) {
          const { el } = await mount(state, lang, dir);
          await expect(el, `${lang}`).to.be.accessible();
        }
      });
    }
  });

  describe('keyboard alone', () => {
    for (const state of STATES) {
      it(`<${state.tag}> ${state.name}: every control by Tab, each with a visible focus ring and a 24×24 px target`, async () => {
        const { wrapper, el } = await mount(state);
        const wanted = controls(el);
        const stops = await tabThrough(wrapper, el, state.name === 'dialog');
        const reached = (control: Element) =>
          stops.some(({ node }) =>
            control instanceof HTMLInputElement && control.type === 'radio' ? (node as HTMLInputElement).name === control.name : node === control,
          );
        expect(wanted.filter((control) => !reached(control)).map(describe_), 'not reachable by Tab').to.deep.equal([]);
        for (const { node, outline, box } of stops) {
          expect(el.shadowRoot!.contains(node), `${describe_(node)} is the widget's`).to.equal(true);
          expect(outline.style !== 'none' && outline.width >= 2, `${describe_(node)} shows its focus`).to.equal(true);
          // 2.5.8 exempts a link inside a line of text (its size is the line's).
          const inline = node.localName === 'a' && getComputedStyle(node).display === 'inline';
          if (!inline) expect(Math.min(box.width, box.height), `${describe_(node)} target size`).to.be.at.least(24);
        }
      });
    }

    it('a whole visit: filter by a star row, move through the carousel, answer the question, copy the link', async () => {
      const product = rich.product.id;
      const wrapper = await fixture<HTMLElement>(html`<div style="inline-size: 40em">
        <button id="start">start</button>
        <zmot-rating variant="full" product=${product} .data=${rich}></zmot-rating>
        <zmot-testimonials layout="carousel" product=${product} .data=${rich}></zmot-testimonials>
        <zmot-recommend cooldown-days="0" name="Ledgerly Cloud" url="https://acme.example/p/1"></zmot-recommend>
      </div>`);
      const [rating, testimonials, recommend] = ['zmot-rating', 'zmot-testimonials', 'zmot-recommend'].map(
        (tag) => wrapper.querySelector<Widget>(tag)!,
      );
      await Promise.all([rating!.updateComplete, testimonials!.updateComplete, recommend!.updateComplete]);
      const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
      const status = $(testimonials!, '[part~="filter"]');
      expect(status.getAttribute('role')).to.equal('status');
      expect(status.textContent!.trim()).to.equal('');

      wrapper.querySelector<HTMLElement>('#start')!.focus();
      await sendKeys({ press: 'Tab' }); // "How reviews work here", at the end of the provenance line
      expect(deepActive()!.textContent!.trim()).to.equal('How reviews work here');
      await sendKeys({ press: 'Tab' }); // the 5-star row
      await sendKeys({ press: 'Tab' }); // the 4-star row
      expect(deepActive()!.textContent).to.contain('4 stars');
      await sendKeys({ press: 'Enter' });
      await testimonials!.updateComplete;
      // The same live region now says what was applied; the row says it is pressed.
      expect($(testimonials!, '[part~="filter"]')).to.equal(status);
      expect(status.textContent!.trim()).to.equal('Only reviews with 4 stars');
      expect(deepActive()!.getAttribute('aria-pressed')).to.equal('true');

      // On through the rating's source link to the testimonials: sort, "Show all reviews", the carousel.
      const reached: string[] = [];
      for (let i = 0; i < 12 && !deepActive()?.matches('[part~="next"]'); i++) {
        await sendKeys({ press: 'Tab' });
        reached.push(deepActive()!.getAttribute('part') ?? deepActive()!.localName);
      }
      expect(reached).to.include.members(['sort', 'clear-filter', 'previous', 'next']);
      const position = () => $(testimonials!, '[part~="position"]').textContent!.trim();
      expect(position()).to.equal('Review 1 of 2');
      await sendKeys({ press: 'Enter' });
      await testimonials!.updateComplete;
      expect(position()).to.equal('Review 2 of 2');
      expect($(testimonials!, '.slides').getAttribute('aria-live')).to.equal('polite');

      // On to the question: into the scale, round to 10 with an arrow key, Enter sends.
      for (let i = 0; i < 12 && !(deepActive() instanceof HTMLInputElement); i++) await sendKeys({ press: 'Tab' });
      expect((deepActive() as HTMLInputElement).value).to.equal('0');
      await sendKeys({ press: 'ArrowLeft' });
      expect((deepActive() as HTMLInputElement).value).to.equal('10');
      await sendKeys({ press: 'Enter' });
      await recommend!.updateComplete;
      expect(deepActive()!.getAttribute('part')).to.equal('heading');
      const copied = $(recommend!, '[part~="status"]');
      expect(copied.getAttribute('role')).to.equal('status');
      await sendKeys({ press: 'Tab' }); // the link
      await sendKeys({ press: 'Tab' }); // "Copy link"
      expect(deepActive()!.textContent!.trim()).to.equal('Copy link');
      await sendKeys({ press: 'Enter' });
      await recommend!.updateComplete;
      expect($(recommend!, '[part~="status"]')).to.equal(copied);
      expect(copied.textContent!.trim()).to.equal('Link copied');
    });
  });

  describe('what screen readers get', () => {
    async function tree(): Promise<AxNode> {
      return (await executeServerCommand('a11y-tree')) as AxNode;
    }
    const find = (root: AxNode, role: string, name: string | RegExp) =>
      findAccessibilityNode<AxNode>(root, (node) => node.role === role && (typeof name === 'string' ? node.name === name : name.test(node.name)));

    it('the rating: one sentence for the score, each star row a toggle with its numbers', async () => {
      await fixture(html`<div><zmot-rating variant="full" .data=${b2b}></zmot-rating></div>`);
      await document.querySelector<Widget>('zmot-rating')!.updateComplete;
      const root = await tree();
      expect(find(root, 'group', 'Rated 4.5 out of 5 from 2,046 reviews across This site, G2, and Trustpilot')).not.to.equal(null);
      const row = find(root, 'button', '5 stars: 900 reviews, 73%');
      expect(row?.pressed).to.equal(false);
      expect(find(root, 'link', 'G2')).not.to.equal(null);
    });

    it('in Arabic too', async () => {
      await fixture(html`<div lang="ar" dir="rtl"><zmot-rating variant="compact" .data=${b2b}></zmot-rating></div>`);
      await document.querySelector<Widget>('zmot-rating')!.updateComplete;
      const number = (n: number, digits = 0) => new Intl.NumberFormat('ar', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
      const name = `التقييم ${number(4.5, 1)} من 5 بناءً على ${number(2046)} مراجعة من هذا الموقع وG2 وTrustpilot`;
      const root = await tree();
      expect(find(root, 'image', name), name).not.to.equal(null);
    });

    it('the carousel: labelled buttons and a labelled slide', async () => {
      await fixture(html`<div><zmot-testimonials layout="carousel" .data=${rich}></zmot-testimonials></div>`);
      await document.querySelector<Widget>('zmot-testimonials')!.updateComplete;
      const root = await tree();
      expect(find(root, 'button', 'Previous review')).not.to.equal(null);
      expect(find(root, 'button', 'Next review')).not.to.equal(null);
      expect(find(root, 'group', '1 of 4')).not.to.equal(null);
    });

    it('the question: a group named by it, 0–10 radio buttons with labelled ends; the share links say they open a window', async () => {
      await fixture(html`<div><zmot-recommend cooldown-days="0" name="Ledgerly Cloud"></zmot-recommend></div>`);
      await document.querySelector<Widget>('zmot-recommend')!.updateComplete;
      let root = await tree();
      expect(find(root, 'group', 'How likely are you to recommend Ledgerly Cloud to a friend or colleague?')).not.to.equal(null);
      expect(find(root, 'radio', '0 (Not likely)')).not.to.equal(null);
      expect(find(root, 'radio', '5')).not.to.equal(null);
      expect(find(root, 'radio', '10 (Very likely)')).not.to.equal(null);

      await fixture(html`<div><zmot-recommend ask="share" channels="copy,whatsapp" url="https://acme.example/p/1"></zmot-recommend></div>`);
      await document.querySelector<Widget>('zmot-recommend')!.updateComplete;
      root = await tree();
      expect(find(root, 'textbox', 'Your personal link')).not.to.equal(null);
      expect(find(root, 'link', 'WhatsApp (opens in a new window)')).not.to.equal(null);
      expect(find(root, 'button', 'Copy link')).not.to.equal(null);
    });
  });

  describe('reflow', () => {
    for (const state of STATES.filter((s) => s.name !== 'dialog')) {
      it(`<${state.tag}> ${state.name}: fits 320 CSS px without sideways scrolling`, async () => {
        const { el } = await mount(state, 'de', 'ltr', '320px');
        const host = el.getBoundingClientRect();
        const wider = [...el.shadowRoot!.querySelectorAll<HTMLElement>('*')].filter((node) => {
          const box = node.getBoundingClientRect();
          return box.width > 0 && (box.right > host.right + 1 || box.left < host.left - 1);
        });
        expect(wider.map(describe_)).to.deep.equal([]);
      });
    }
  });
});
