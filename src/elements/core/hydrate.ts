/**
 * Lit's hydration, for pages with elements `zmot/ssr` rendered on the server: the drop-in imports this before it
 * defines their tags (only on such pages: other pages never download it). Lit's support module patches
 * `LitElement` when Lit loads after it; here Lit is already in (the elements' shared chunk), so its installer is
 * called once by hand, before any tag is defined, which is when `defer-hydration` must be among the observed
 * attributes. Bundler users import `@lit-labs/ssr-client/lit-element-hydrate-support.js` first instead.
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { LitElement } from 'lit';

type Installer = (lit: { LitElement: typeof LitElement }) => void;

// Patched already (Lit loaded after the support module): `observedAttributes` is then LitElement's own.
if (!Object.getOwnPropertyDescriptor(LitElement, 'observedAttributes')) {
  (globalThis as { litElementHydrateSupport?: Installer }).litElementHydrateSupport?.({ LitElement });
}
