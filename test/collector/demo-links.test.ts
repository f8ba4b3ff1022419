/** Every demo page `npm start` serves links to the owner's dashboard, the collector's page at `/`. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const DEMO = new URL('../../demo/', import.meta.url).pathname;

test('every demo page links to the dashboard', () => {
  const pages = readdirSync(DEMO).filter((name) => name.endsWith('.html'));
  assert.ok(pages.length >= 5, pages.join(', '));
  for (const page of pages) {
    const html = readFileSync(join(DEMO, page), 'utf8');
    assert.match(html, /<a href="\/">The owner’s dashboard<\/a>/, page);
  }
});
