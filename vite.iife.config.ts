import { defineConfig } from 'vite';

// dist/zmot.iife.js: the classic-script drop-in, a loader of a few hundred bytes that imports dist/zmot.js
// (src/zmot.iife.ts). Built apart because it must be one file with no import statements.
export default defineConfig({
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
      entry: 'src/zmot.iife.ts',
      name: 'zmotLoader',
      formats: ['iife'],
      fileName: () => 'zmot.iife.js',
    },
  },
});
