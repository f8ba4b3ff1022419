/**
 * CSS for an element's `static styles`: a plain string, which `ReactiveElement` makes into one shared
 * `CSSStyleSheet` per element class. Apart from the core so the dashboard (Lit) can share the tokens alone.
 */
export const css = (strings: TemplateStringsArray, ...values: unknown[]): string => String.raw({ raw: strings }, ...values);
