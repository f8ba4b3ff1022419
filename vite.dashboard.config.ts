import { defineConfig, type UserConfig } from 'vite';
import base from './vite.config.js';

// dist/zmot-dashboard.js: <zmot-dashboard> with Lit and uPlot in one ES module, built apart from the drop-in
// so that no shopper ever downloads it. The collector serves it; the drop-in's loader imports it on first use.
const config = base as UserConfig;

export default defineConfig({
  ...config,
  build: {
    ...config.build,
    sourcemap: true,
    // One file: no chunks of the drop-in's kind.
    rolldownOptions: { output: { minify: true } },
    lib: {
      entry: 'src/entries/zmot-dashboard.ts',
      formats: ['es'],
      fileName: () => 'zmot-dashboard.js',
    },
  },
});
