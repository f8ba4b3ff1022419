/**
 * zmot's own Trusted Types policy, `zmot`, for the one piece of markup zmot writes itself: the text of the
 * structured data's `<script type="application/ld+json">` (JSON it serialised, with every `<` escaped). The
 * elements' templates go through Lit's own policy, `lit-html`. `null` where the browser has no Trusted Types
 * or the page's CSP does not allow the name; the text then goes to the DOM as it is.
 */
interface Policy {
  createScript(input: string): unknown;
}

let policy: Policy | null | undefined;

function zmotPolicy(): Policy | null {
  if (policy === undefined) {
    const factory = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): Policy } }).trustedTypes;
    try {
      policy = factory ? factory.createPolicy('zmot', { createScript: (input: string) => input }) : null;
    } catch {
      policy = null; // the page's CSP does not allow the `zmot` policy name
    }
  }
  return policy;
}

/** A script's text zmot wrote itself, for `textContent` of a `<script>`. */
export const trustedScript = (text: string): string => (zmotPolicy()?.createScript(text) ?? text) as string;
