import { defineConfig } from 'vite';
import { minifyTemplates } from './vite.templates.js';

// dist/ssr/index.js, `zmot/ssr`: server rendering for Node (src/entries/ssr.ts), built by Vite with the same
// template minification as the drop-in, so what the server renders is what the browser's code hydrates. Lit
// and its server renderer stay imports (Node resolves their Node builds); the types come from dist/lib/entries/ssr.d.ts.
export default defineConfig({
  publicDir: false,
  plugins: [minifyTemplates()],
  build: {
    ssr: 'src/entries/ssr.ts',
    outDir: 'dist/ssr',
    emptyOutDir: true,
    copyPublicDir: false,
    target: 'node20',
    minify: false,
    sourcemap: true,
    reportCompressedSize: false,
    rolldownOptions: { output: { entryFileNames: 'index.js' } },
  },
});
