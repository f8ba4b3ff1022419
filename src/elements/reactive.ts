/**
 * The reactive core of the visitor elements, in place of LitElement: declared properties with their
 * attributes, one batched update per microtask, reactive controllers, a shadow root with constructable
 * style sheets, and templates rendered by ./html.ts. It keeps LitElement's lifecycle and names (`requestUpdate`,
 * `updateComplete`, `willUpdate`, `updated`, `render`, `addController`) so the elements and their
 * controllers read as Lit code, at a quarter of its bytes: LitElement's features beyond these (property
 * converters, `shouldUpdate`, server rendering, styles without constructable sheets) are not needed here.
 * The dashboard, built apart, uses Lit itself.
 */
import { render } from './html.js';

/** A controller's hooks, called by its host at the same moments as Lit's. */
export interface ReactiveController {
  hostConnected?(): void;
  hostDisconnected?(): void;
  hostUpdate?(): void;
  hostUpdated?(): void;
}

/** What a controller may ask of its host; LitElement satisfies it too. */
export interface ReactiveControllerHost {
  addController(controller: ReactiveController): void;
  requestUpdate(): void;
  readonly updateComplete: Promise<boolean>;
}

export interface PropertyOptions {
  /** How the attribute's text becomes the value; a string otherwise. */
  type?: typeof Number | typeof Boolean;
  /** The attribute's name (default: the property's, lower-cased), or `false` for a property without one. */
  attribute?: string | false;
  /** Write the value back to the attribute after each change. */
  reflect?: boolean;
}

/** The properties that changed since the last update, with their previous values. */
export type PropertyValues<T = unknown> = Map<keyof T | PropertyKey, unknown>;

/** Declares a reactive property (a decorator, as Lit's `@property`). */
export const property =
  (options: PropertyOptions = {}) =>
  (proto: object, name: string): void =>
    (proto.constructor as typeof ReactiveElement).createProperty(name, options);

/** Declares internal reactive state: re-renders on change, no attribute (as Lit's `@state`). */
export const state = () => property({ attribute: false });

const fromAttribute = (value: string | null, type: PropertyOptions['type']): unknown =>
  type === Boolean ? value !== null : type === Number ? (value === null ? null : Number(value)) : value;

// In Node (server rendering, or a plain import of the package) a bare class stands in for HTMLElement, so the
// element classes can be imported there; defining them still takes a browser.
const HTMLElementBase = (globalThis.HTMLElement ?? class {}) as typeof HTMLElement;

export abstract class ReactiveElement extends HTMLElementBase implements ReactiveControllerHost {
  /** The element's CSS, in order. @internal */
  static styles: string[] = [];

  /** @internal */
  private static props: Map<string, PropertyOptions>;
  /** @internal */
  private static sheets?: CSSStyleSheet[];

  /** @internal */
  static createProperty(name: string, options: PropertyOptions): void {
    // Each class has its own list, starting from its parent's.
    if (!Object.prototype.hasOwnProperty.call(this, 'props')) this.props = new Map(this.props);
    this.props.set(name, options);
    Object.defineProperty(this.prototype, name, {
      get(this: ReactiveElement) {
        return this.#values.get(name);
      },
      set(this: ReactiveElement, value: unknown) {
        const old = this.#values.get(name);
        this.#values.set(name, value);
        this.requestUpdate(name, old);
      },
      configurable: true,
      enumerable: true,
    });
  }

  /** @internal */
  static get observedAttributes(): string[] {
    return [...(this.props ?? [])].flatMap(([name, options]) => (options.attribute === false ? [] : [this.attributeOf(name, options)]));
  }

  /** @internal */
  private static attributeOf(name: string, options: PropertyOptions): string {
    return typeof options.attribute === 'string' ? options.attribute : name.toLowerCase();
  }

  /** True until the last requested update has run. @internal */
  isUpdatePending = false;
  /** False until the first update has run. @internal */
  hasUpdated = false;

  readonly #values = new Map<string, unknown>();
  #changed: PropertyValues = new Map();
  readonly #controllers: ReactiveController[] = [];
  #updatePromise: Promise<boolean>;
  #enableUpdating!: (enabled: boolean) => void;
  /** Values given to the properties before the element was defined: set again at the first update. @internal */
  readonly #early = new Map<string, unknown>();
  /** The attribute being written from its property, so its callback does not write the property back. @internal */
  #reflecting: string | undefined;

  constructor() {
    super();
    // Updates wait for the first connection.
    this.#updatePromise = new Promise((resolve) => (this.#enableUpdating = resolve));
    const self = this as unknown as Record<string, unknown>;
    for (const name of this.#declared().keys()) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        this.#early.set(name, self[name]);
        delete self[name];
      }
    }
    this.requestUpdate();
  }

  #declared(): Map<string, PropertyOptions> {
    return (this.constructor as typeof ReactiveElement).props ?? new Map();
  }

  /** The shadow root the element renders into. @internal */
  get renderRoot(): ShadowRoot {
    return this.shadowRoot!;
  }

  /** @internal */
  addController(controller: ReactiveController): void {
    this.#controllers.push(controller);
    if (this.shadowRoot && this.isConnected) controller.hostConnected?.();
  }

  /** @internal */
  connectedCallback(): void {
    if (!this.shadowRoot) {
      const type = this.constructor as typeof ReactiveElement;
      if (!Object.prototype.hasOwnProperty.call(type, 'sheets')) {
        type.sheets = type.styles.map((text) => {
          const sheet = new CSSStyleSheet();
          sheet.replaceSync(text);
          return sheet;
        });
      }
      this.attachShadow({ mode: 'open' }).adoptedStyleSheets = type.sheets!;
    }
    this.#enableUpdating(true);
    for (const controller of this.#controllers) controller.hostConnected?.();
  }

  /** @internal */
  disconnectedCallback(): void {
    for (const controller of this.#controllers) controller.hostDisconnected?.();
  }

  /** @internal */
  attributeChangedCallback(attribute: string, _old: string | null, value: string | null): void {
    if (attribute === this.#reflecting) return;
    const type = this.constructor as typeof ReactiveElement;
    for (const [name, options] of this.#declared()) {
      if (options.attribute !== false && type.attributeOf(name, options) === attribute) {
        (this as unknown as Record<string, unknown>)[name] = fromAttribute(value, options.type);
      }
    }
  }

  /** Schedules an update; with a property's name and previous value, only when the value changed. @internal */
  requestUpdate(name?: string, old?: unknown): void {
    if (name !== undefined) {
      const value = this.#values.get(name);
      if (value === old || (value !== value && old !== old)) return;
      if (!this.#changed.has(name)) this.#changed.set(name, old);
    }
    if (!this.isUpdatePending) this.#updatePromise = this.#enqueueUpdate();
  }

  async #enqueueUpdate(): Promise<boolean> {
    this.isUpdatePending = true;
    await this.#updatePromise;
    this.#performUpdate();
    return !this.isUpdatePending;
  }

  #performUpdate(): void {
    if (!this.isUpdatePending) return;
    if (!this.hasUpdated) {
      for (const [name, value] of this.#early) (this as unknown as Record<string, unknown>)[name] = value;
      this.#early.clear();
    }
    const changed = this.#changed;
    try {
      this.willUpdate(changed);
      for (const controller of this.#controllers) controller.hostUpdate?.();
      this.#reflect(changed);
      const template = this.render();
      this.isUpdatePending = false;
      this.#changed = new Map();
      render(template, this.renderRoot, this);
    } catch (error) {
      this.isUpdatePending = false;
      this.#changed = new Map();
      throw error;
    }
    for (const controller of this.#controllers) controller.hostUpdated?.();
    if (!this.hasUpdated) {
      this.hasUpdated = true;
      this.firstUpdated(changed);
    }
    this.updated(changed);
  }

  #reflect(changed: PropertyValues): void {
    for (const [name, options] of this.#declared()) {
      if (!options.reflect || !changed.has(name)) continue;
      const value = this.#values.get(name);
      this.#reflecting = (this.constructor as typeof ReactiveElement).attributeOf(name, options);
      if (value == null || value === false) this.removeAttribute(this.#reflecting);
      else this.setAttribute(this.#reflecting, value === true ? '' : String(value));
      this.#reflecting = undefined;
    }
  }

  /** Resolves after the pending update (true when no other is pending then). @internal */
  get updateComplete(): Promise<boolean> {
    return this.getUpdateComplete();
  }

  /** Override to wait for more than the update (call `super.getUpdateComplete()`). @internal */
  protected getUpdateComplete(): Promise<boolean> {
    return this.#updatePromise;
  }

  /** Before each render, with the properties that changed: derive state here. @internal */
  protected willUpdate(_changed: PropertyValues): void {}

  /** After the first render. @internal */
  protected firstUpdated(_changed: PropertyValues): void {}

  /** After each render. @internal */
  protected updated(_changed: PropertyValues): void {}

  /** The element's shadow content, as an `html` template (./html.ts). @internal */
  protected abstract render(): unknown;
}
