import { readFileSync } from 'node:fs';
import { minifyHTMLLiterals } from 'minify-literals';
import { defineConfig, type Plugin } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** Minifies the HTML and CSS inside Lit's html`` and css`` templates: bytes every visitor would pay. */
function minifyTemplates(): Plugin {
  return {
    name: 'zmot:minify-templates',
    async transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|css|svg)`/.test(code)) return null;
      const result = await minifyHTMLLiterals(code, { fileName: id });
      return result ? { code: result.code, map: result.map } : null;
    },
  };
}

// The two drop-in builds: dist/zmot.js (ES module) and dist/zmot.iife.js (classic script), Lit bundled.
export default defineConfig({
  define: { __ZMOT_VERSION__: JSON.stringify(version) },
  publicDir: false,
  plugins: [minifyTemplates()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    copyPublicDir: false,
    target: 'es2021',
    minify: true,
    sourcemap: true,
    reportCompressedSize: false,
    lib: {
      entry: 'src/zmot.ts',
      name: 'zmotBundle',
      formats: ['es', 'iife'],
      fileName: (format) => (format === 'es' ? 'zmot.js' : 'zmot.iife.js'),
    },
    rolldownOptions: {
      // Lib mode keeps whitespace in ES output for downstream bundlers; this file goes to browsers as is.
      output: { minify: true },
    },
  },
});
