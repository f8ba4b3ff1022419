// Theming through the public surface only: every custom property an element documents (in
// custom-elements.json, generated from its JSDoc) changes what it renders, every part it documents can be
// styled from the page with ::part(), the showcase themes in demo/themes/ use nothing else, and the
// elements respect forced colours (Windows high contrast) and reduced motion.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { configure } from '../../src/config.js';
import '../../src/entries/define.js';
import { ANSWERED_KEY } from '../../src/elements/recommend/recommend.js';
import { b2b } from '../support/feeds.js';
import { captureWarnings } from '../support/elements.js';
import { screenshot } from '../support/pixels.js';
import { STATES, type State, type Tag } from '../support/states.js';

interface Declaration {
  tagName?: string;
  cssProperties?: { name: string }[];
  cssParts?: { name: string }[];
}

const TAGS: Tag[] = ['zmot-rating', 'zmot-testimonials', 'zmot-recommend'];
let manifest: Map<string, { properties: string[]; parts: string[] }>;

/** A value for each documented property that no default has, so its effect cannot be mistaken. */
function testValue(name: string): string {
  if (/-color-|-card-border$/.test(name)) return 'rgb(1, 2, 3)';
  const values: Record<string, string> = {
    '--zmot-radius': '7px',
    '--zmot-space': '13px',
    '--zmot-font-family': 'monospace',
    '--zmot-font-size': '23px',
    '--zmot-rating-star-size': '37px',
    '--zmot-rating-min-block-size': '333px',
    '--zmot-rating-compact-min-inline-size': '444px',
    '--zmot-testimonials-min-block-size': '555px',
    '--zmot-testimonials-lines': '2',
    '--zmot-testimonials-avatar-size': '77px',
    '--zmot-testimonials-grid-min': '9em',
  };
  const value = values[name];
  if (!value) throw new Error(`no test value for ${name}: add one to theming.test.ts`);
  return value;
}

/** Every computed style of the host and everything in its shadow root (custom properties left out). */
function look(el: Element): string[] {
  const nodes = [el, ...el.shadowRoot!.querySelectorAll('*')];
  return nodes.map((node, i) => {
    const style = getComputedStyle(node);
    const out: string[] = [];
    for (let j = 0; j < style.length; j++) {
      const name = style.item(j);
      if (!name.startsWith('--')) out.push(`${name}:${style.getPropertyValue(name)}`);
    }
    return `${i} ${node.localName}.${node.getAttribute('part') ?? ''} ${out.join(';')}`;
  });
}

async function mount(state: State): Promise<{ wrapper: HTMLElement; el: HTMLElement; restore: () => void }> {
  const warnings = state.warns ? captureWarnings() : undefined;
  const wrapper = await fixture<HTMLElement>(html`<div lang="en" style="inline-size: 40em"></div>`);
  const el = await state.mount(wrapper);
  return { wrapper, el, restore: () => warnings?.restore() };
}

before(async () => {
  configure({ feed: undefined, endpoint: undefined });
  const json = (await (await fetch('/custom-elements.json')).json()) as { modules: { declarations?: Declaration[] }[] };
  manifest = new Map(
    json.modules
      .flatMap((module) => module.declarations ?? [])
      .filter((d) => d.tagName && (TAGS as string[]).includes(d.tagName))
      .map((d) => [d.tagName!, { properties: (d.cssProperties ?? []).map((p) => p.name), parts: (d.cssParts ?? []).map((p) => p.name) }]),
  );
  await executeServerCommand('grant-permissions', { permissions: ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write'] });
});
beforeEach(() => localStorage.removeItem(ANSWERED_KEY));

describe('theming', () => {
  for (const tag of TAGS) {
    describe(`<${tag}>`, () => {
      const states = STATES.filter((state) => state.tag === tag);

      it('documents its custom properties and parts in custom-elements.json', () => {
        const entry = manifest.get(tag)!;
        expect(entry.properties.length).to.be.above(5);
        expect(entry.parts).to.include('base');
      });

      it('every documented custom property changes what it renders, and an undocumented one changes nothing', async () => {
        const { properties } = manifest.get(tag)!;
        // The focus ring shows only on keyboard focus: the next test covers it.
        const pending = new Set(properties.filter((name) => name !== '--zmot-color-focus'));
        for (const state of states) {
          const { wrapper, el, restore } = await mount(state);
          try {
            const before = look(el).join('\n');
            wrapper.style.setProperty('--zmot-not-a-token', 'rgb(1, 2, 3)');
            expect(look(el).join('\n'), `${state.name}: control`).to.equal(before);
            for (const name of [...pending]) {
              wrapper.style.setProperty(name, testValue(name));
              if (look(el).join('\n') !== before) pending.delete(name);
              wrapper.style.removeProperty(name);
            }
          } finally {
            restore();
          }
          if (!pending.size) break;
        }
        expect([...pending], 'documented but without effect in any state').to.deep.equal([]);
      });

      it('--zmot-color-focus colours the keyboard focus ring', async () => {
        const state = states.find((s) => s.name === (tag === 'zmot-rating' ? 'full' : tag === 'zmot-testimonials' ? 'list' : 'question'))!;
        const { wrapper, el } = await mount(state);
        wrapper.style.setProperty('--zmot-color-focus', 'rgb(1, 2, 3)');
        const first = document.createElement('button');
        first.textContent = 'before';
        wrapper.prepend(first);
        first.focus();
        await sendKeys({ press: 'Tab' });
        let focused = el.shadowRoot!.activeElement as HTMLElement;
        // A radio button shows its focus on the box beside it.
        if (focused instanceof HTMLInputElement && focused.type === 'radio') focused = focused.nextElementSibling as HTMLElement;
        expect(getComputedStyle(focused).outlineColor).to.equal('rgb(1, 2, 3)');
        expect(getComputedStyle(focused).outlineStyle).to.equal('solid');
      });

      it('every documented part can be styled from the page with ::part(), and every part it renders is documented', async () => {
        const { parts } = manifest.get(tag)!;
        const sheet = document.createElement('style');
        sheet.textContent = parts.map((name) => `${tag}::part(${name}) { outline-color: rgb(9, 8, 7); }`).join('\n');
        document.head.append(sheet);
        const pending = new Set(parts);
        const rendered = new Set<string>();
        try {
          for (const state of states) {
            const { el, restore } = await mount(state);
            restore();
            for (const node of el.shadowRoot!.querySelectorAll('[part]')) node.getAttribute('part')!.split(/\s+/).forEach((name) => rendered.add(name));
            for (const name of [...pending]) {
              const nodes = [...el.shadowRoot!.querySelectorAll(`[part~="${name}"]`)];
              if (nodes.length && nodes.every((node) => getComputedStyle(node).outlineColor === 'rgb(9, 8, 7)')) pending.delete(name);
            }
          }
        } finally {
          sheet.remove();
        }
        expect([...pending], 'documented but never rendered, or not reachable').to.deep.equal([]);
        expect([...rendered].filter((name) => !parts.includes(name)), 'rendered but not documented').to.deep.equal([]);
      });
    });
  }
});

describe('docs/theming.md', () => {
  it('names every custom property and part the manifest documents, for every element', async () => {
    const doc = await (await fetch('/docs/theming.md')).text();
    const json = (await (await fetch('/custom-elements.json')).json()) as { modules: { declarations?: Declaration[] }[] };
    const missing = json.modules
      .flatMap((module) => module.declarations ?? [])
      .filter((d) => d.tagName?.startsWith('zmot-'))
      .flatMap((d) => [
        ...(d.cssProperties ?? []).filter((p) => !doc.includes(`\`${p.name}\``)).map((p) => `${d.tagName} ${p.name}`),
        ...(d.cssParts ?? []).filter((p) => !doc.includes(`\`${p.name}\``)).map((p) => `${d.tagName} part ${p.name}`),
      ]);
    expect(missing).to.deep.equal([]);
  });
});

describe('the showcase themes', () => {
  const THEMES = ['b2b', 'fashion', 'dark'];
  for (const theme of THEMES) {
    it(`demo/themes/${theme}.css uses only documented tokens, variables and parts, and keeps every widget accessible`, async () => {
      const css = await (await fetch(`/demo/themes/${theme}.css`)).text();
      expect(css.length).to.be.above(200);
      const documented = new Set([...manifest.values()].flatMap((entry) => entry.properties));
      const used = new Set([...css.matchAll(/(--zmot-[\w-]+)\s*:/g)].map((m) => m[1]!));
      expect([...used].filter((name) => !documented.has(name)), 'undocumented properties').to.deep.equal([]);
      expect(used.size).to.be.above(4);
      for (const [, tag, name] of css.matchAll(/(zmot-[\w-]+)::part\(([\w-]+)\)/g)) {
        expect(manifest.get(tag!)?.parts, `${tag}::part(${name})`).to.include(name);
      }
      // Nothing reaches into the shadow roots any other way (there is no other way, but no hacks around it either).
      expect(css).not.to.match(/::slotted|\/deep\/|>>>/);

      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = `/demo/themes/${theme}.css`;
      const loaded = new Promise((resolve) => link.addEventListener('load', resolve, { once: true }));
      document.head.append(link);
      await loaded;
      try {
        for (const state of STATES.filter((s) => ['full', 'list', 'carousel with autoplay', 'question', 'share panel, link copied'].includes(s.name))) {
          const warnings = state.warns ? captureWarnings() : undefined;
          const page = await fixture<HTMLElement>(html`<div class="zmot-theme-${theme}" lang="en" style="inline-size: 40em"></div>`);
          try {
            const el = await state.mount(page);
            await expect(el, `${theme}: ${state.tag} ${state.name}`).to.be.accessible();
          } finally {
            warnings?.restore();
          }
        }
      } finally {
        link.remove();
      }
    });
  }
});

describe('forced colours (Windows high contrast)', () => {
  afterEach(() => executeServerCommand('media-features', { features: [] }));

  it('the stars, bars and focus stay visible in system colours', async () => {
    await executeServerCommand('media-features', { features: [{ name: 'forced-colors', value: 'active' }] });
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    const half = { ...b2b, sources: [], aggregate: { rating: 2.5, count: 4, distribution: { 5: 2, 4: 0, 3: 0, 2: 0, 1: 2 } } };
    const wrapper = await fixture<HTMLElement>(
      html`<div style="inline-size: 40em"><zmot-rating variant="full" style="--zmot-rating-star-size: 40px" .data=${half}></zmot-rating></div>`,
    );
    const el = wrapper.firstElementChild as HTMLElement & { updateComplete: Promise<boolean> };
    await el.updateComplete;
    const root = el.shadowRoot!;
    // Filled and empty stars in two different system colours, whatever colours the site chose.
    const stars = await screenshot(root.querySelector('[part~="stars"]')!);
    const at = (fraction: number) => stars.at(Math.floor(stars.width * fraction), Math.floor(stars.height * 0.55)).join();
    expect(at(0.1)).not.to.equal(at(0.9));
    expect(at(0.1)).not.to.equal('255,255,255');
    expect(at(0.9)).not.to.equal('255,255,255');
    // A bar's filled part and its empty part differ, and the empty part is outlined.
    const track = root.querySelector<HTMLElement>('.track')!;
    expect(getComputedStyle(track).borderTopStyle).to.equal('solid');
    const bar = await screenshot(track);
    const middle = Math.floor(bar.height / 2);
    expect(bar.at(Math.floor(bar.width * 0.25), middle).join()).not.to.equal(bar.at(Math.floor(bar.width * 0.75), middle).join());
    // The focus ring survives.
    const row = root.querySelector<HTMLElement>('button.row')!;
    const first = document.createElement('button');
    wrapper.prepend(first);
    first.focus();
    await sendKeys({ press: 'Tab' });
    expect(root.activeElement).to.equal(row);
    expect(getComputedStyle(row).outlineStyle).to.equal('solid');
    expect(parseFloat(getComputedStyle(row).outlineWidth)).to.be.at.least(2);
  });

  it('the chosen NPS score stands out in system colours', async () => {
    await executeServerCommand('media-features', { features: [{ name: 'forced-colors', value: 'active' }] });
    const wrapper = await fixture<HTMLElement>(html`<div><zmot-recommend name="Ledgerly Cloud"></zmot-recommend></div>`);
    const el = wrapper.firstElementChild as HTMLElement & { updateComplete: Promise<boolean> };
    await el.updateComplete;
    const box = (score: number) => el.shadowRoot!.querySelector(`input[value="${score}"] + .box`)!;
    el.shadowRoot!.querySelector<HTMLInputElement>('input[value="9"]')!.click();
    await el.updateComplete;
    expect(getComputedStyle(box(9)).backgroundColor).not.to.equal(getComputedStyle(box(8)).backgroundColor);
  });
});

describe('reduced motion', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('nothing animates or moves by itself: no CSS animation or transition in any state, and no automatic rotation', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    for (const state of STATES) {
      const { el, restore } = await mount(state);
      restore();
      const moving = [el, ...el.shadowRoot!.querySelectorAll('*')].filter((node) => {
        const style = getComputedStyle(node);
        return node.getAnimations().length > 0 || style.animationName !== 'none' || parseFloat(style.transitionDuration) > 0;
      });
      expect(moving.map((node) => node.localName), `${state.tag}: ${state.name}`).to.deep.equal([]);
    }
    // The carousel with autoplay stays on its first review and offers to start.
    const carousel = STATES.find((state) => state.name === 'carousel with autoplay')!;
    const { el } = await mount(carousel);
    const position = () => el.shadowRoot!.querySelector('[part~="position"]')!.textContent;
    const first = position();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(position()).to.equal(first);
    expect(el.shadowRoot!.querySelector('[part~="rotation"]')!.textContent!.trim()).to.equal('Start automatic slide show');
  });
});
