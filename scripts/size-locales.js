// `npm run size:locales`: what each locale file costs a visitor whose page is in that language, minified,
// gzip -9 and brotli (quality 11). Run after `npm run build`. Prints a Markdown table docs/i18n.md quotes.
import { readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = 'dist/locales';
const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;

console.log('| locale | minified | gzip -9 | brotli |');
console.log('| --- | ---: | ---: | ---: |');
for (const file of readdirSync(dir).filter((name) => name.endsWith('.js')).sort()) {
  const source = readFileSync(`${dir}/${file}`);
  const gzip = gzipSync(source, { level: 9 }).length;
  const brotli = brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`| \`${file.replace('.js', '')}\` | ${kb(source.length)} | ${kb(gzip)} | ${kb(brotli)} |`);
}
