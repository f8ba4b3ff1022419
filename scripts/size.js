// `npm run size`: what each drop-in build costs a visitor, minified, gzip -9 and brotli (quality 11).
// Run after `npm run build`. Prints a Markdown table the README quotes.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const files = ['dist/zmot.js', 'dist/zmot.iife.js'];

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

console.log('| file | minified | gzip -9 | brotli |');
console.log('| --- | ---: | ---: | ---: |');
for (const file of files) {
  const source = readFileSync(file);
  const gzip = gzipSync(source, { level: 9 }).length;
  const brotli = brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`| \`${file}\` | ${kb(source.length)} | ${kb(gzip)} | ${kb(brotli)} |`);
}
