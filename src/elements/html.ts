/**
 * The elements' templates: `html` and `svg` tagged templates, rendered into a shadow root and updated in
 * place. It keeps lit-html's syntax and behaviour for what the elements use, in about 60% of its bytes
 * (docs/drop-in.md, "Why not LitElement"):
 * - `${value}` between tags: text (a string or number), a template, an array or iterable of them, or
 *   nothing (`nothing`, `null`, `undefined`, `false`);
 * - `name=${value}`: an attribute, removed while the value is `nothing`, `null` or `undefined`;
 * - `.name=${value}` a property, `?name=${value}` a boolean attribute, `@name=${handler}` an event listener
 *   called with the host element as `this`.
 * An expression must be a whole attribute value or sit between tags; anything else throws when the template
 * is first used, naming the place. No directives: there is nothing to register or resolve.
 *
 * Safety: the only markup ever parsed is the template's static strings from zmot's source, joined with the
 * renderer's own markers (under Trusted Types, through the `zmot` policy). Values reach the DOM as text
 * nodes, attribute values and properties, so text from a feed is never parsed or run.
 */
import { trustedHTML } from './trusted.js';

/** Renders nothing: no node between tags, no attribute. */
export const nothing: unique symbol = Symbol('nothing');

/** What `html` and `svg` return: the template's strings and this render's values. */
export class TemplateResult {
  /** @internal */
  constructor(
    readonly strings: TemplateStringsArray,
    readonly values: readonly unknown[],
    readonly svg: boolean,
  ) {}
}
export type SVGTemplateResult = TemplateResult;

/** An HTML template. */
export const html = (strings: TemplateStringsArray, ...values: unknown[]): TemplateResult => new TemplateResult(strings, values, false);

/** A template of SVG elements, for use inside an `<svg>` of an `html` template. */
export const svg = (strings: TemplateStringsArray, ...values: unknown[]): SVGTemplateResult => new TemplateResult(strings, values, true);

const CHILD = 0;
const ATTRIBUTE = 1;
const PROPERTY = 2;
const BOOLEAN = 3;
const EVENT = 4;

/** One expression of a template: which value (`value`), on which node (`node`, in tree order), as what. */
interface Slot {
  value: number;
  node: number;
  kind: number;
  name: string;
}

interface Template {
  element: HTMLTemplateElement;
  slots: Slot[];
}

/** Prepared templates, by their strings (one per place in the source) and kind. */
const templates = [new WeakMap<TemplateStringsArray, Template>(), new WeakMap<TemplateStringsArray, Template>()];

/** An attribute name right before the expression: `name=`, `name="` or `name='`. */
const ATTRIBUTE_END = /([^\s"'>/=]+)\s*=\s*(["']?)$/;
const MARKER = 'z$';

/**
 * The template's markup with a marker for each expression (`<!--z$3-->` between tags, attribute `z$3` in a
 * tag), and the attribute name each attribute expression had.
 */
function markup(strings: TemplateStringsArray): [string, string[]] {
  let out = '';
  let inTag = false;
  let quote = '';
  const names: string[] = [];
  const last = strings.length - 1;
  for (let i = 0; i <= last; i++) {
    const text = strings[i]!;
    for (let at = 0; at < text.length; at++) {
      const char = text[at];
      if (quote) {
        if (char === quote) quote = '';
      } else if (inTag) {
        if (char === '"' || char === "'") quote = char;
        else if (char === '>') inTag = false;
      } else if (char === '<') {
        if (text.startsWith('<!--', at)) {
          const close = text.indexOf('-->', at + 4);
          if (close < 0) throw new Error(`zmot: no expression may sit inside an HTML comment (after "${text.slice(-30)}")`);
          at = close + 2;
        } else {
          inTag = true;
        }
      }
    }
    if (i === last) {
      // A template that ends with an expression gets an empty comment after it: the end of that expression's
      // nodes once the clone's nodes sit among others (in a list).
      out += text || '<!---->';
    } else if (!inTag) {
      out += `${text}<!--${MARKER}${i}-->`;
    } else {
      const match = ATTRIBUTE_END.exec(text);
      const next = strings[i + 1]!;
      if (!match || (match[2] ? next[0] !== match[2] : !/^[\s/>]/.test(next))) {
        throw new Error(`zmot: an expression in a tag must be a whole attribute value (after "${text.slice(-30)}")`);
      }
      names[i] = match[1]!;
      out += `${text.slice(0, match.index)}${MARKER}${i}=${match[2] || '""'}`;
    }
  }
  return [out, names];
}

function prepare(result: TemplateResult): Template {
  const cache = templates[result.svg ? 1 : 0]!;
  let template = cache.get(result.strings);
  if (template) return template;
  const [text, names] = markup(result.strings);
  const element = document.createElement('template');
  element.innerHTML = trustedHTML(result.svg ? `<svg>${text}</svg>` : text);
  const content = element.content;
  // SVG elements are parsed inside an <svg>, then lifted out of it.
  if (result.svg) content.replaceChildren(...content.firstChild!.childNodes);
  const slots: Slot[] = [];
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_COMMENT);
  for (let node = walker.nextNode(), index = 0; node; node = walker.nextNode(), index++) {
    if (node instanceof Comment) {
      if (node.data.startsWith(MARKER)) slots.push({ value: Number(node.data.slice(2)), node: index, kind: CHILD, name: '' });
      continue;
    }
    for (const attribute of [...(node as Element).attributes]) {
      if (!attribute.name.startsWith(MARKER)) continue;
      const value = Number(attribute.name.slice(2));
      const name = names[value]!;
      const kind = '.?@'.indexOf(name[0]!) + 2 || ATTRIBUTE;
      slots.push({ value, node: index, kind, name: kind === ATTRIBUTE ? name : name.slice(1) });
      (node as Element).removeAttribute(attribute.name);
    }
  }
  // A marker the parser did not keep as a comment or attribute (inside <textarea>, <style> …) lost its expression.
  if (slots.length !== result.strings.length - 1) {
    throw new Error(`zmot: a template has an expression where none can be (${result.strings.join('${…}').slice(0, 60)}…)`);
  }
  cache.set(result.strings, (template = { element, slots }));
  return template;
}

type Commit = (value: unknown) => void;

const absent = (value: unknown): boolean => value === nothing || value == null;

/** How one expression writes its value into a cloned node. */
function commitTo(slot: Slot, node: Node, host: unknown): Commit {
  if (slot.kind === CHILD) {
    const part = new ChildPart(node, node.nextSibling, host);
    return (value) => part.set(value);
  }
  const element = node as Element & Record<string, unknown>;
  const { name } = slot;
  let last: unknown = commitTo; // a value no expression has, so the first render always writes
  if (slot.kind === EVENT) {
    element.addEventListener(name, (event) => {
      if (typeof last === 'function') (last as (event: Event) => void).call(host, event);
    });
    return (value) => (last = value);
  }
  return (value) => {
    if (value === last) return;
    last = value;
    if (slot.kind === PROPERTY) element[name] = absent(value) ? undefined : value;
    else if (slot.kind === BOOLEAN) element.toggleAttribute(name, !absent(value) && Boolean(value));
    else if (absent(value)) element.removeAttribute(name);
    else element.setAttribute(name, String(value));
  };
}

/** A template's clone in the page, with a writer per expression. */
class Instance {
  readonly commits: Commit[] = [];
  readonly fragment: DocumentFragment;

  constructor(
    readonly template: Template,
    host: unknown,
  ) {
    this.fragment = document.importNode(template.element.content, true);
    const walker = document.createTreeWalker(this.fragment, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_COMMENT);
    let node = walker.nextNode();
    let index = 0;
    for (const slot of template.slots) {
      for (; index < slot.node; index++) node = walker.nextNode();
      this.commits.push(commitTo(slot, node!, host));
    }
  }

  update(values: readonly unknown[]): void {
    this.template.slots.forEach((slot, i) => this.commits[i]!(values[slot.value]));
  }
}

/** The nodes between `start` and `end` (`null`: the end of the parent), which one expression controls. */
class ChildPart {
  /** What is rendered: a text node, an instance, the parts of a list, or nothing. */
  private current: Text | Instance | ChildPart[] | undefined;

  constructor(
    private readonly start: Node,
    public end: Node | null,
    private readonly host: unknown,
  ) {}

  set(value: unknown): void {
    if (value instanceof TemplateResult) {
      const template = prepare(value);
      let instance = this.current;
      if (!(instance instanceof Instance) || instance.template !== template) {
        this.clear();
        instance = new Instance(template, this.host);
        instance.update(value.values);
        this.insert(instance.fragment);
        this.current = instance;
      } else {
        instance.update(value.values);
      }
    } else if (typeof value === 'object' && value !== null && Symbol.iterator in value) {
      this.list([...(value as Iterable<unknown>)]);
    } else if (absent(value) || value === false) {
      this.clear();
    } else {
      const text = String(value);
      if (this.current instanceof Text) {
        if (this.current.data !== text) this.current.data = text;
      } else {
        this.clear();
        this.current = new Text(text);
        this.insert(this.current);
      }
    }
  }

  /** One part per item, each starting at a marker of its own; reused by position, as lit-html does without `repeat`. */
  private list(items: unknown[]): void {
    if (!Array.isArray(this.current)) this.clear();
    const parts = (this.current ??= []) as ChildPart[];
    items.forEach((item, i) => {
      let part = parts[i];
      if (!part) {
        const marker = new Comment();
        this.insert(marker);
        part = new ChildPart(marker, this.end, this.host);
        if (i) parts[i - 1]!.end = marker;
        parts.push(part);
      }
      part.set(item);
    });
    if (parts.length > items.length) {
      const first = parts[items.length]!;
      this.clear(first.start.previousSibling);
      parts.length = items.length;
      if (items.length) parts[items.length - 1]!.end = this.end;
    }
  }

  private insert(node: Node): void {
    this.start.parentNode!.insertBefore(node, this.end);
  }

  /** Removes the nodes after `from` (default: everything this part rendered). */
  private clear(from: Node | null = this.start): void {
    if (from === this.start) this.current = undefined;
    for (let node = from!.nextSibling; node && node !== this.end; ) {
      const next: ChildNode | null = node.nextSibling;
      (node as ChildNode).remove();
      node = next;
    }
  }
}

const roots = new WeakMap<Node, ChildPart>();

/** Renders `value` into `container` (a shadow root), updating what the previous render put there. */
export function render(value: unknown, container: Node, host: unknown): void {
  let part = roots.get(container);
  if (!part) {
    part = new ChildPart(container.appendChild(new Comment()), null, host);
    roots.set(container, part);
  }
  part.set(value);
}
