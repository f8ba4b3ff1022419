import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// The two drop-in builds: dist/zmot.js (ES module) and dist/zmot.iife.js (classic script), Lit bundled.
export default defineConfig({
  define: { __ZMOT_VERSION__: JSON.stringify(version) },
  publicDir: false,
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
  },
});
