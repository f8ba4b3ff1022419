// The layout matrix: every visitor widget in each of its variants and states × the 12 languages × 320, 390,
// 768 and 1,280 px × the default look and the shipped themes (demo/themes/) × light and dark, in Chromium,
// checked by geometry, never by pixels:
// - no text or graphic overlaps another (the distribution's labels and bars, the carousel's controls …);
// - no text is cut off unless it ends in an ellipsis (or a line clamp) and the full text can be reached
//   (a `title`, or a "Read more" that controls it); a field shows its whole value;
// - no text touches a border it sits inside;
// - nothing makes the page wider than the screen;
// - on the two phone widths, every control is at least 44 × 44 px (a link inside a line of text is exempt,
//   as in WCAG 2.5.8);
// - text contrast is at least 4.5:1 (axe's color-contrast rule), once per language, theme and scheme.
// One page per language holds every state; the themes, schemes and widths are applied to it in turn, so the
// whole matrix runs in a few minutes. Screenshots of every cell go to test/screenshots/ (git-ignored).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, setViewport } from '@web/test-runner-commands';
import { render, type TemplateResult } from 'lit';
import 'axe-core';
import { configure } from '../../src/config.js';
import '../../src/entries/define.js';
import { ANSWERED_KEY } from '../../src/elements/recommend/recommend.js';
import { LOCALES } from '../../src/i18n/i18n.js';
import { captureWarnings } from './elements.js';
import { b2b } from './feeds.js';
import { rich, STATES, type State } from './states.js';

type Widget = HTMLElement & { updateComplete: Promise<boolean> };
interface AxeResult {
  violations: { id: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
  passes: unknown[];
}
declare global {
  interface Window {
    axe: { run(context: Element, options: object): Promise<AxeResult> };
  }
}

export const LANGUAGES = ['en', ...LOCALES] as const;
export const WIDTHS = [320, 390, 768, 1280] as const;
/** The default look, and the themes shipped in demo/themes/ (each scoped to a class on a container). */
export const THEMES = ['default', 'b2b', 'fashion', 'dark'] as const;
export const SCHEMES = ['light', 'dark'] as const;
const NARROW = 390;

/** A B2B reference whose reviewer's role and company are long: who said it must show in full. */
const matrixFeed = {
  ...rich,
  aggregate: b2b.aggregate,
  sources: [...rich.sources, ...b2b.sources],
  reviews: [
    ...rich.reviews.slice(0, 1),
    {
      id: 'long-who',
      rating: 5,
      title: 'Our month-end close went from nine days to three',
      body: 'The consolidation across our subsidiaries finally runs without spreadsheets.',
      author: { name: 'Maximilian Obermeier-Castellanos', role: 'Head of Finance and Group Controlling', company: 'Northwind Logistics International' },
      date: '2026-06-01',
      verified: true,
    },
    ...rich.reviews.slice(1),
  ],
};

/** The states of the matrix: the shared ones (but the dialog, which covers the page: checked alone), with widths left to the page. */
function states(): State[] {
  const kept = STATES.filter((s) => s.name !== 'dialog' && s.name !== 'grid' && s.tag !== 'zmot-rating');
  const rating = (name: string, template: TemplateResult): State => ({ tag: 'zmot-rating', name, mount: (c) => mountTemplate(c, template) });
  const testimonials = (name: string, template: TemplateResult): State => ({
    tag: 'zmot-testimonials',
    name,
    mount: (c) => mountTemplate(c, template, (el) => el.shadowRoot!.querySelector('[part~="testimonial"], [part~="empty"]')),
  });
  const none = { product: { id: 'none' }, reviews: [] };
  return [
    rating('summary', html`<zmot-rating .data=${matrixFeed}></zmot-rating>`),
    rating('full', html`<zmot-rating variant="full" .data=${matrixFeed}></zmot-rating>`),
    rating('compact', html`<zmot-rating variant="compact" .data=${matrixFeed}></zmot-rating>`),
    rating('full, no reviews yet', html`<zmot-rating variant="full" .data=${none}></zmot-rating>`),
    rating('compact, no reviews yet', html`<zmot-rating variant="compact" .data=${none}></zmot-rating>`),
    ...STATES.filter((s) => s.tag === 'zmot-rating' && (s.name === 'fallback' || s.name === 'full, a star row chosen')),
    testimonials('list, B2B', html`<zmot-testimonials limit="3" .data=${matrixFeed}></zmot-testimonials>`),
    testimonials('grid', html`<zmot-testimonials layout="grid" .data=${matrixFeed}></zmot-testimonials>`),
    testimonials('carousel', html`<zmot-testimonials layout="carousel" .data=${matrixFeed}></zmot-testimonials>`),
    testimonials('no reviews yet', html`<zmot-testimonials .data=${none}></zmot-testimonials>`),
    ...kept,
  ];
}

async function mountTemplate(container: HTMLElement, template: TemplateResult, until?: (el: Widget) => unknown): Promise<Widget> {
  render(template, container);
  const el = container.firstElementChild as Widget;
  await el.updateComplete;
  await waitUntil(() => (until ? until(el) : el.shadowRoot!.querySelector('[part~="base"]')?.getAttribute('aria-busy') !== 'true'), `<${el.localName}> did not settle`);
  await el.updateComplete;
  return el;
}

// ---------------------------------------------------------------------------------------------------------
// Geometry

const TOLERANCE = 0.5;
type Box = { left: number; right: number; top: number; bottom: number };

const area = (r: DOMRect) => r.width > TOLERANCE && r.height > TOLERANCE;
const intersects = (a: Box, b: Box, by = 1) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > by && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > by;
const name = (node: Node) => {
  const el = node instanceof Element ? node : node.parentElement!;
  const part = el.closest('[part]')?.getAttribute('part');
  return `${el.localName}${typeof el.className === 'string' && el.className ? `.${el.className.split(' ')[0]}` : ''}${part ? `[${part}]` : ''} "${(node.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 30)}"`;
};

function visible(el: Element): boolean {
  return el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
}

/** The element's own text nodes a sighted visitor sees (not screen-reader-only text, not a select's options). */
function texts(root: ShadowRoot | Element): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const parent = node.parentElement;
    if (!parent || !node.data.trim() || parent.closest('.sr, select, style, script, svg') || !visible(parent)) continue;
    out.push(node);
  }
  return out;
}

function textRects(node: Text): DOMRect[] {
  const range = document.createRange();
  range.selectNodeContents(node);
  return [...range.getClientRects()].filter(area);
}

/** The elements around `node`, up to its shadow root. */
function ancestors(node: Node): Element[] {
  const out: Element[] = [];
  for (let el = node.parentElement; el; el = el.parentElement) out.push(el);
  return out;
}

/** The box an element clips its content to (its padding box). */
function clipBox(el: Element): Box {
  const r = el.getBoundingClientRect();
  const left = r.left + el.clientLeft;
  const top = r.top + el.clientTop;
  return { left, top, right: left + el.clientWidth, bottom: top + el.clientHeight };
}

/** The full text is within reach: a `title`, or a "Read more" control for it. */
function reachable(el: Element, root: ShadowRoot): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.getAttribute('title')) return true;
    if (node.id && root.querySelector(`[aria-controls~="${node.id}"]`)) return true;
  }
  return false;
}

function truncates(el: Element): boolean {
  const style = getComputedStyle(el);
  return style.textOverflow === 'ellipsis' || (style.webkitLineClamp !== 'none' && style.webkitLineClamp !== '');
}

/** Which of the element's inline sides have a border one can see. */
function visibleBorder(el: Element): { left: boolean; right: boolean } {
  const style = getComputedStyle(el);
  const side = (s: 'Left' | 'Right') =>
    parseFloat(style[`border${s}Width`]) > 0 && style[`border${s}Style`] !== 'none' && !/rgba\(.*, 0\)$|transparent/.test(style[`border${s}Color`]);
  return { left: side('Left'), right: side('Right') };
}

function controlTarget(control: HTMLElement): HTMLElement {
  // A radio button hidden over its label: the label is what a finger hits.
  return control instanceof HTMLInputElement && control.type === 'radio' ? control.closest('label') ?? control : control;
}

/** Everything wrong with the widget's layout as a list of sentences; empty when nothing is. */
export function layoutProblems(el: HTMLElement, width: number): string[] {
  const root = el.shadowRoot!;
  const problems: string[] = [];
  const host = el.getBoundingClientRect();
  if (host.left < -TOLERANCE || host.right > width + TOLERANCE) problems.push(`the widget spans ${host.left}–${host.right} px in a ${width} px screen`);

  const nodes = texts(root);
  const boxes: { node: Node; rect: Box }[] = [];
  // What each box around a text clips to, and its borders: measured once per box.
  const clips = new Map<Element, Box | null>();
  const clipOf = (box: Element) => {
    if (!clips.has(box)) {
      const style = getComputedStyle(box);
      clips.set(box, style.overflowX === 'visible' && style.overflowY === 'visible' ? null : clipBox(box));
    }
    return clips.get(box)!;
  };
  const borders = new Map<Element, { left: boolean; right: boolean }>();
  const bordersOf = (box: Element) => {
    if (!borders.has(box)) borders.set(box, visibleBorder(box));
    return borders.get(box)!;
  };
  for (const node of nodes) {
    const chain = ancestors(node);
    for (const rect of textRects(node)) {
      // What of it shows: cut by every box around it that clips its overflow.
      const shown: Box = { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom };
      let cutBy: Element | undefined;
      for (const box of chain) {
        const clip = clipOf(box);
        if (!clip) continue;
        if (rect.left < clip.left - 1 || rect.right > clip.right + 1 || rect.top < clip.top - 1 || rect.bottom > clip.bottom + 1) cutBy ??= box;
        shown.left = Math.max(shown.left, clip.left);
        shown.right = Math.min(shown.right, clip.right);
        shown.top = Math.max(shown.top, clip.top);
        shown.bottom = Math.min(shown.bottom, clip.bottom);
      }
      if (cutBy && !(truncates(cutBy) && reachable(cutBy, root))) {
        problems.push(`${name(node)} is cut off by ${name(cutBy)}${truncates(cutBy) ? ' (an ellipsis, but no way to read the whole text)' : ''}`);
      }
      if (shown.right - shown.left <= TOLERANCE || shown.bottom - shown.top <= TOLERANCE) continue;
      boxes.push({ node, rect: shown });
      // Touching a border it sits inside?
      const framed = chain.find((box) => {
        const sides = bordersOf(box);
        return sides.left || sides.right;
      });
      if (framed) {
        const sides = bordersOf(framed);
        const clip = clipBox(framed);
        const gap = Math.min(sides.left ? shown.left - clip.left : Infinity, sides.right ? clip.right - shown.right : Infinity);
        if (gap < 2) problems.push(`${name(node)} touches the border of ${name(framed)} (${gap.toFixed(1)} px)`);
      }
    }
  }
  // Graphics that text must not run into: stars, distribution bars, avatars.
  for (const graphic of root.querySelectorAll<Element>('svg.stars, .track, .avatar')) {
    const rect = graphic.getBoundingClientRect();
    if (area(rect) && visible(graphic)) boxes.push({ node: graphic, rect });
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.node === b.node || a.node.contains(b.node) || b.node.contains(a.node)) continue;
      if (intersects(a.rect, b.rect)) problems.push(`${name(a.node)} overlaps ${name(b.node)}`);
    }
  }
  // A field's own text (a value is no text node): shown whole, or it is cut off.
  for (const field of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[type="text"], textarea')) {
    if (!field.value || !visible(field)) continue;
    if (field.scrollWidth > field.clientWidth + 1 || field.scrollHeight > field.clientHeight + 1) problems.push(`${name(field)} hides part of its text "${field.value.slice(0, 40)}"`);
  }
  if (width <= NARROW) {
    const controls = root.querySelectorAll<HTMLElement>('button, a[href], select, input, textarea, [tabindex="0"]');
    for (const control of controls) {
      if (!visible(controlTarget(control))) continue;
      if (control.localName === 'a' && getComputedStyle(control).display === 'inline') continue;
      const r = controlTarget(control).getBoundingClientRect();
      if (r.width < 44 - TOLERANCE || r.height < 44 - TOLERANCE) problems.push(`${name(control)} is ${r.width.toFixed(0)} × ${r.height.toFixed(0)} px, under 44 × 44`);
    }
  }
  return [...new Set(problems)];
}

// ---------------------------------------------------------------------------------------------------------

const THEME_SHEETS = ['b2b', 'fashion', 'dark'].map((theme) => `/demo/themes/${theme}.css`);

/** The matrix for `languages`: one test per language (the matrix is split over six files, test/elements/layout-matrix-*.test.ts). */
export function describeMatrix(languages: readonly (typeof LANGUAGES)[number][]): void {
  describe(`layout matrix: ${languages.join(', ')}`, () => {
    before(async () => {
      configure({ feed: undefined, endpoint: undefined });
      for (const href of THEME_SHEETS) {
        if (document.querySelector(`link[href="${href}"]`)) continue;
        const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
        const loaded = new Promise((resolve) => link.addEventListener('load', resolve));
        document.head.append(link);
        await loaded;
      }
      document.documentElement.style.colorScheme = 'light dark';
      await executeServerCommand('grant-permissions', { permissions: ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write'] });
    });
    after(async () => {
      await emulateMedia({ colorScheme: 'light' });
      await setViewport({ width: 800, height: 600 });
    });

    for (const lang of languages) {
      it(`${lang}: every widget × ${WIDTHS.join(', ')} px × ${THEMES.join(', ')} × light and dark`, async function () {
        this.timeout(180_000);
        const dir = lang === 'ar' ? 'rtl' : 'ltr';
        // Mounted in the light default at 800 px, as the shared states expect (a long text gets "Read more").
        await setViewport({ width: 800, height: 800 });
        await emulateMedia({ colorScheme: 'light' });
        const page = await fixture<HTMLElement>(html`<main lang=${lang} dir=${dir} style="background: Canvas; color: CanvasText; padding: 8px"></main>`);
        const mounted: { state: State; el: Widget }[] = [];
        const warnings = captureWarnings();
        try {
          for (const state of states()) {
            localStorage.removeItem(ANSWERED_KEY);
            const cell = document.createElement('section');
            cell.style.marginBlock = '16px';
            page.append(cell);
            mounted.push({ state, el: await state.mount(cell) });
          }
        } finally {
          warnings.restore();
        }
        const problems: string[] = [];
        for (const theme of THEMES) {
          page.className = theme === 'default' ? '' : `zmot-theme-${theme}`;
          for (const scheme of SCHEMES) {
            await emulateMedia({ colorScheme: scheme });
            for (const width of WIDTHS) {
              await setViewport({ width, height: 800 });
              // A resize is measured in the next frame ("Read more" appears or goes), then rendered.
              for (let frame = 0; frame < 4; frame++) await new Promise(requestAnimationFrame);
              await Promise.all(mounted.map(({ el }) => el.updateComplete));
              const cell = `${theme}, ${scheme}, ${width} px`;
              if (document.documentElement.scrollWidth > width) problems.push(`${cell}: the page is ${document.documentElement.scrollWidth} px wide`);
              for (const { state, el } of mounted) {
                for (const problem of layoutProblems(el, width)) problems.push(`${cell}: <${state.tag}> ${state.name}: ${problem}`);
              }
              // Screenshots for a reviewer at a phone's width and a desktop's (the geometry is checked at all four).
              if (width === 390 || width === 1280) await executeServerCommand('save-screenshot', { path: `matrix/${lang}/${theme}-${scheme}-${width}.jpg` });
            }
            // Contrast does not change with the width: once per theme and scheme, over the whole page.
            const { violations, passes } = await window.axe.run(page, { runOnly: ['color-contrast'] });
            if (!passes.length && !violations.length) problems.push(`${theme}, ${scheme}: axe checked no text`);
            for (const v of violations) {
              for (const node of v.nodes) problems.push(`${theme}, ${scheme}: contrast ${JSON.stringify(node.target)} ${node.failureSummary?.split('\n')[1]?.trim() ?? ''}`);
            }
          }
        }
        // The recommend prompt as a dialog covers the page: checked alone, once the rest is done.
        page.replaceChildren();
        page.className = '';
        await emulateMedia({ colorScheme: 'light' });
        await setViewport({ width: 800, height: 800 });
        const dialogState = STATES.find((s) => s.name === 'dialog')!;
        localStorage.removeItem(ANSWERED_KEY);
        const dialog = await dialogState.mount(page.appendChild(document.createElement('section')));
        for (const theme of THEMES) {
          page.className = theme === 'default' ? '' : `zmot-theme-${theme}`;
          for (const scheme of SCHEMES) {
            await emulateMedia({ colorScheme: scheme });
            for (const width of WIDTHS) {
              await setViewport({ width, height: 800 });
              for (let frame = 0; frame < 2; frame++) await new Promise(requestAnimationFrame);
              for (const problem of layoutProblems(dialog, width)) problems.push(`${theme}, ${scheme}, ${width} px: <zmot-recommend> dialog: ${problem}`);
            }
            const { violations } = await window.axe.run(dialog, { runOnly: ['color-contrast'] });
            for (const v of violations) {
              for (const node of v.nodes) problems.push(`${theme}, ${scheme}: <zmot-recommend> dialog: contrast ${JSON.stringify(node.target)} ${node.failureSummary?.split('\n')[1]?.trim() ?? ''}`);
            }
          }
        }
        (dialog as Widget & { close(): void }).close();
        // Grouped: each problem once, with the cells it shows in.
        const grouped = new Map<string, string[]>();
        for (const problem of problems) {
          const [cell, what] = problem.split(/: (.*)/s) as [string, string];
          grouped.set(what, [...(grouped.get(what) ?? []), cell]);
        }
        const summary = [...grouped].map(([what, cells]) => `${what} — in ${cells.length} cell(s), e.g. ${cells[0]}`);
        expect(summary, summary.join('\n')).to.deep.equal([]);
      });
    }
  });
}
