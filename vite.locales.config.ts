import { defineConfig } from 'vite';
import { LOCALES } from './src/i18n/i18n.js';

// dist/locales/<lang>.js: one small ES module per locale (its default export is the catalogue), imported by
// both drop-in builds the first time an element needs that language. The classic (IIFE) build cannot split
// code, so the locales are built apart and found beside the script at run time.
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist/locales',
    emptyOutDir: true,
    copyPublicDir: false,
    target: 'es2021',
    minify: true,
    sourcemap: false,
    reportCompressedSize: false,
    lib: {
      entry: Object.fromEntries(LOCALES.map((lang) => [lang, `src/i18n/messages/${lang}.ts`])),
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      output: { minify: true },
    },
  },
});
