import { minifyHTMLLiterals } from 'minify-literals';
import type { Plugin } from 'vite';

/**
 * Minifies the HTML and CSS inside Lit's html`` and css`` templates: bytes every visitor would pay. The
 * browser's build and zmot/ssr's (vite.ssr.config.ts) both use it, so a server-rendered element and the code
 * that hydrates it have the very same templates: Lit checks each template's digest when it hydrates.
 */
export function minifyTemplates(): Plugin {
  return {
    name: 'zmot:minify-templates',
    async transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|css|svg)`/.test(code)) return null;
      const result = await minifyHTMLLiterals(code, { fileName: id });
      return result ? { code: result.code, map: result.map } : null;
    },
  };
}
