import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { ELEMENTS, type ElementEntry } from './src/elements/catalog.js';
import { reserveRules } from './src/reserve.js';
import { minifyTemplates } from './vite.templates.js';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * What every element shares, in one chunk (`chunks/elements-*.js`) that the drop-in imports beside the first
 * element's own chunk: Lit, the base class and its controllers (`src/elements/core/`), and what they use —
 * the English messages several elements show and `Intl` formatting, feed loading and validation, structured
 * data, viewability. Each element in the catalog is its folder (`src/elements/<folder>/`, with its own English
 * and the Lit directives only it uses), a chunk of its own. What a page needs without any element —
 * configuration, telemetry, discovery, the locale loader — stays in zmot.js, which the chunks import from;
 * referral attribution and Lit's hydration are chunks of their own.
 */
const SHARED_BY_ELEMENTS = [
  ...['lit/', 'lit-html/', 'lit-element/', '@lit/reactive-element/'].map((name) => `/node_modules/${name}`),
  '@oxc-project+runtime', // the decorators' helper
  ...['elements/core/', 'events.ts', 'feed/', 'i18n/i18n.ts', 'i18n/messages/en.shared.ts', 'telemetry/viewability.ts'].map((path) => `/src/${path}`),
];
const ELEMENT_FOLDERS = Object.values(ELEMENTS as Record<string, ElementEntry>).map(({ folder }) => `/src/elements/${folder}/`);
const sharedByElements = (id: string) => {
  const path = id.replaceAll('\\', '/');
  if (ELEMENT_FOLDERS.some((folder) => path.includes(folder))) return false;
  // Lit's directives travel with the element that uses them (`repeat` and `ifDefined`: the testimonials).
  if (/\/node_modules\/lit(-html)?\/directives\//.test(path)) return false;
  // What only hydration needs (Lit's private SSR support) travels in the hydration chunk.
  if (path.includes('/node_modules/lit-html/private-ssr-support.js') || path.endsWith('/src/elements/core/hydrate.ts')) return false;
  // The drop-in asks for the page's feeds itself, before the elements' code has arrived.
  return !path.endsWith('/src/feed/prefetch.ts') && SHARED_BY_ELEMENTS.some((shared) => path.includes(shared));
};

/** dist/zmot.css: the space the elements take before their code arrives (src/reserve.ts), for a `<link>` in `<head>`. */
function reserveStyleSheet(): Plugin {
  return {
    name: 'zmot:reserve-css',
    generateBundle(_options, bundle) {
      if ('zmot.js' in bundle) this.emitFile({ type: 'asset', fileName: 'zmot.css', source: `${reserveRules()}\n` });
    },
  };
}

/**
 * zmot.js imports the chunk every element shares by its file name (`withShared` in src/entries/zmot.ts says why): the
 * define below makes that import a placeholder, `external` leaves it alone, and once the chunks have their
 * names this writes the real one in. The placeholder has the name's length, so the source map stays exact.
 */
const ELEMENTS_CHUNK_PLACEHOLDER = './chunks/elements-zmotHASH.js';
function elementsChunkUrl(): Plugin {
  return {
    name: 'zmot:elements-chunk-url',
    generateBundle(_options, bundle) {
      const entry = bundle['zmot.js'];
      if (entry?.type !== 'chunk') return;
      const shared = Object.values(bundle).find((file) => file.type === 'chunk' && file.name === 'elements');
      const url = shared && `./${shared.fileName}`;
      if (!url || url.length !== ELEMENTS_CHUNK_PLACEHOLDER.length || !entry.code.includes(ELEMENTS_CHUNK_PLACEHOLDER)) {
        this.error(`zmot.js should import the shared chunk by its file name; found ${url ?? 'no elements chunk'} for ${ELEMENTS_CHUNK_PLACEHOLDER}`);
      }
      entry.code = entry.code.replaceAll(ELEMENTS_CHUNK_PLACEHOLDER, url);
    },
  };
}

/** Chunk names change with their content: remove the previous build's before writing this one's. */
function cleanChunks(): Plugin {
  let chunks: string | undefined;
  return {
    name: 'zmot:clean-chunks',
    configResolved(config) {
      // Builds kept in memory (scripts measuring sizes) leave the folder alone.
      chunks = config.build.write ? join(config.build.outDir, 'chunks') : undefined;
    },
    generateBundle(_options, bundle) {
      if (chunks && Object.keys(bundle).some((name) => name.startsWith('chunks/'))) rmSync(chunks, { recursive: true, force: true });
    },
  };
}

// The drop-in, dist/zmot.js (an ES module), with its chunks in dist/chunks/. dist/zmot.iife.js,
// the classic script that loads it, is built apart (vite.iife.config.ts).
export default defineConfig({
  define: { __ZMOT_VERSION__: JSON.stringify(version), __ZMOT_RESERVE__: JSON.stringify(reserveRules()), __ZMOT_ELEMENTS_CHUNK__: JSON.stringify(ELEMENTS_CHUNK_PLACEHOLDER) },
  publicDir: false,
  plugins: [minifyTemplates(), cleanChunks(), reserveStyleSheet(), elementsChunkUrl()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    copyPublicDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    reportCompressedSize: false,
    lib: {
      entry: 'src/entries/zmot.ts',
      formats: ['es'],
      fileName: () => 'zmot.js',
    },
    rolldownOptions: {
      // Left as it is, for elementsChunkUrl to name the file.
      external: [ELEMENTS_CHUNK_PLACEHOLDER],
      // The chunks import what they share with zmot.js from it, instead of from a chunk of their own.
      preserveEntrySignatures: 'allow-extension',
      output: {
        // Lib mode keeps whitespace in ES output for downstream bundlers; these files go to browsers as they are.
        minify: true,
        chunkFileNames: 'chunks/[name]-[hash].js',
        codeSplitting: {
          groups: [{ name: 'elements', test: sharedByElements, includeDependenciesRecursively: false }],
        },
      },
    },
  },
});
