import { expect } from '@open-wc/testing';
import { html, nothing, render, svg, type TemplateResult } from '../../src/elements/html.js';

/** A fresh container in the page, and a render function bound to it with `host` as the handlers' `this`. */
function mount(host: object = {}): { root: HTMLElement; show: (value: unknown) => void } {
  const root = document.createElement('div');
  document.body.append(root);
  return { root, show: (value) => render(value, root, host) };
}

/** The container's text, without the renderer's marker comments. */
const text = (root: Node) => root.textContent;

describe('html renderer', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('renders text, and updates the same text node in place', () => {
    const { root, show } = mount();
    const view = (value: unknown) => html`<p>${value}</p>`;
    show(view('one'));
    const node = root.querySelector('p')!.firstChild;
    expect(text(root)).to.equal('one');
    show(view(2));
    expect(text(root)).to.equal('2');
    expect(root.querySelector('p')!.firstChild).to.equal(node);
    show(view(nothing));
    expect(text(root)).to.equal('');
    show(view(null));
    show(view(undefined));
    show(view(false));
    expect(text(root)).to.equal('');
    show(view('back'));
    expect(text(root)).to.equal('back');
  });

  it('never parses a value as markup', () => {
    const { root, show } = mount();
    const hostile = '<img src=x onerror="window.pwned = true"><b>bold</b>';
    // A feed cannot make a template: an object shaped like one is text too.
    const lookalike = { strings: ['<img src=x onerror="window.pwned = true">'], values: [], svg: false };
    show(html`<p title=${hostile}>${hostile}</p><div>${lookalike}</div>`);
    expect(root.querySelector('img, b')).to.equal(null);
    expect(root.querySelector('p')!.textContent).to.equal(hostile);
    expect(root.querySelector('p')!.getAttribute('title')).to.equal(hostile);
    expect(root.querySelector('div')!.textContent).to.equal('[object Object]');
  });

  it('sets attributes, and removes them for nothing, null and undefined', () => {
    const { root, show } = mount();
    const view = (value: unknown) => html`<a class=${value} aria-label="${value}" data-x=${'fixed'}></a>`;
    show(view('first'));
    const a = root.querySelector('a')!;
    expect(a.getAttribute('class')).to.equal('first');
    expect(a.getAttribute('aria-label')).to.equal('first');
    expect(a.getAttribute('data-x')).to.equal('fixed');
    expect(a.getAttributeNames().sort()).to.deep.equal(['aria-label', 'class', 'data-x']);
    for (const gone of [nothing, null, undefined]) {
      show(view(gone));
      expect(a.hasAttribute('class'), String(gone)).to.equal(false);
      expect(a.hasAttribute('aria-label'), String(gone)).to.equal(false);
      show(view('again'));
      expect(a.getAttribute('class')).to.equal('again');
    }
  });

  it('sets properties and boolean attributes', () => {
    const { root, show } = mount();
    const view = (value: string, on: boolean) => html`<input .value=${value} ?disabled=${on} />`;
    show(view('typed', true));
    const input = root.querySelector('input')!;
    expect(input.value).to.equal('typed');
    expect(input.disabled).to.equal(true);
    expect(input.hasAttribute('.value')).to.equal(false);
    show(view('changed', false));
    expect(input.value).to.equal('changed');
    expect(input.hasAttribute('disabled')).to.equal(false);
  });

  it('calls event handlers with the host as this, and the newest handler only', () => {
    const host = { name: 'host' };
    const { root, show } = mount(host);
    const calls: string[] = [];
    const view = (label: string) =>
      html`<button
        @click=${function (this: { name: string }, event: Event) {
          calls.push(`${label}:${this.name}:${event.type}`);
        }}
      ></button>`;
    show(view('first'));
    show(view('second'));
    root.querySelector('button')!.click();
    expect(calls).to.deep.equal(['second:host:click']);
    show(html`<button @click=${nothing}></button>`);
    root.querySelector('button')!.click();
    expect(calls).to.have.length(1);
  });

  it('updates the same template in place and replaces a different one', () => {
    const { root, show } = mount();
    const a = (value: string) => html`<section>${value}</section>`;
    const b = (value: string) => html`<aside>${value}</aside>`;
    const outer = (inner: TemplateResult) => html`<div>${inner}</div>`;
    show(outer(a('1')));
    const section = root.querySelector('section');
    show(outer(a('2')));
    expect(root.querySelector('section')).to.equal(section);
    expect(text(root)).to.equal('2');
    show(outer(b('3')));
    expect(root.querySelector('section')).to.equal(null);
    expect(root.querySelector('aside')!.textContent).to.equal('3');
  });

  it('renders lists that grow, shrink and keep their order, items ending with an expression', () => {
    const { root, show } = mount();
    // Each item ends with an expression that comes and goes: its nodes must stay between its neighbours'.
    const item = (n: number) => html`<i>${n}</i>${n % 2 ? 'odd' : nothing}`;
    const view = (items: number[]) => html`<p>${items.map(item)}</p><span>after</span>`;
    const p = () => root.querySelector('p')!;
    show(view([1, 2]));
    expect(p().textContent).to.equal('1odd2');
    const first = p().querySelector('i');
    show(view([2, 1]));
    expect(p().textContent).to.equal('21odd');
    show(view([1, 2, 3, 4]));
    expect(p().textContent).to.equal('1odd23odd4');
    expect(p().querySelector('i')).to.equal(first);
    show(view([6, 5]));
    expect(p().textContent).to.equal('65odd');
    show(view([]));
    expect(p().textContent).to.equal('');
    show(view([7, 8, 9]));
    expect(p().textContent).to.equal('7odd89odd');
    // Strings and templates in one list, then an iterable that is not an array.
    show(html`<p>${['a', html`<b>b</b>`, 'c']}</p>`);
    expect(p().textContent).to.equal('abc');
    show(html`<p>${new Set(['x', 'y'])}</p>`);
    expect(p().textContent).to.equal('xy');
    expect(root.querySelector('span')).to.equal(null);
  });

  it('renders svg templates as SVG elements', () => {
    const { root, show } = mount();
    const shape = (width: number) => svg`<rect width=${width} height="2"></rect>`;
    show(html`<svg viewBox="0 0 10 2">${shape(4)}${[shape(6)]}</svg>`);
    const rects = root.querySelectorAll('rect');
    expect(rects).to.have.length(2);
    expect(rects[0]!.namespaceURI).to.equal('http://www.w3.org/2000/svg');
    expect(rects[0]!.getAttribute('width')).to.equal('4');
    expect(rects[1]!.getAttribute('width')).to.equal('6');
  });

  it('throws a clear error for an expression that is not a whole attribute value or between tags', () => {
    const { show } = mount();
    const value = 'x';
    expect(() => show(html`<p class="a ${value}"></p>`)).to.throw(/whole attribute value/);
    expect(() => show(html`<p ${value}></p>`)).to.throw(/whole attribute value/);
    expect(() => show(html`<textarea>${value}</textarea>`)).to.throw(/where none can be/);
    expect(() => show(html`<p><!-- ${value} --></p>`)).to.throw(/HTML comment/);
  });
});
