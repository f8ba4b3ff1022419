import { defineConfig, type UserConfig } from 'vite';
import base from './vite.config.js';

// dist/zmot.iife.js: the classic-script drop-in, a loader of a few hundred bytes that imports dist/zmot.js
// (src/entries/zmot.iife.ts). Built apart because it must be one file with no import statements.
const config = base as UserConfig;

export default defineConfig({
  ...config,
  build: {
    ...config.build,
    rolldownOptions: { output: { minify: true } },
    lib: {
      entry: 'src/entries/zmot.iife.ts',
      name: 'zmotLoader',
      formats: ['iife'],
      fileName: () => 'zmot.iife.js',
    },
  },
});
