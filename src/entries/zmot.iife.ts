/**
 * `dist/zmot.iife.js`, the drop-in as a classic script (tag managers, a `<script src>` without
 * `type="module"`): reserves the elements' space at once, then imports `zmot.js` from beside itself and
 * hands it this `<script>`, whose `data-*` attributes configure it. Classic scripts may `import()` modules,
 * and every file comes from the same place, so `script-src` need only allow that origin. Built on its own
 * (vite.iife.config.ts), with no imports of its own at run time.
 */
import { reserveSpace } from '../reserve.js';

const script = document.currentScript as HTMLScriptElement | null;
if (script?.src) {
  reserveSpace();
  // The first copy on the page hands over its script, as the module itself starts once (src/entries/zmot.ts).
  const page = window as unknown as Record<symbol, unknown>;
  page[Symbol.for('zmot.script')] ??= script;
  import(/* @vite-ignore */ new URL('zmot.js', script.src).href).catch((error: unknown) => {
    console.warn('zmot: could not load zmot.js', error);
  });
} else {
  console.warn('zmot: zmot.iife.js could not find its own <script src>; nothing loaded');
}
