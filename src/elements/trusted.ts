/**
 * zmot's one Trusted Types policy, `zmot`, shared by the renderer (the markup of its templates: the static
 * strings written in zmot's source, with its own markers, never text from a feed) and the structured data
 * (JSON text it serialised itself). `null` where the browser has no Trusted Types or the page's CSP does
 * not allow the name; the strings then go to the DOM as they are.
 */
interface Policy {
  createHTML(input: string): unknown;
  createScript(input: string): unknown;
}

let policy: Policy | null | undefined;

function zmotPolicy(): Policy | null {
  if (policy === undefined) {
    const factory = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): Policy } }).trustedTypes;
    const same = (input: string) => input;
    try {
      policy = factory ? factory.createPolicy('zmot', { createHTML: same, createScript: same }) : null;
    } catch {
      policy = null; // the page's CSP does not allow the `zmot` policy name
    }
  }
  return policy;
}

/** Markup zmot wrote itself, for `innerHTML`. */
export const trustedHTML = (markup: string): string => (zmotPolicy()?.createHTML(markup) ?? markup) as string;

/** A script's text zmot wrote itself, for `textContent` of a `<script>`. */
export const trustedScript = (text: string): string => (zmotPolicy()?.createScript(text) ?? text) as string;
