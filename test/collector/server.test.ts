import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { batch, get, many, openFresh, post, startCollector, tempDir } from './helpers.js';

describe('collector server', () => {
  test('serves static folders, redirecting the bare prefix', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'demo'));
    writeFileSync(join(root, 'demo', 'index.html'), '<!doctype html><title>demo</title>');
    const { url } = await startCollector('sqlite', { static: [{ prefix: '/demo/', root: join(root, 'demo') }] });
    const page = await fetch(`${url}/demo/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<title>demo<\/title>/);
    const bare = await fetch(`${url}/demo`, { redirect: 'manual' });
    assert.equal(bare.status, 301);
    assert.equal(bare.headers.get('location'), '/demo/');
  });

  test('answers unknown routes with 404 in the error shape', async () => {
    const { url } = await startCollector('sqlite');
    const answer = await get(`${url}/v1/nothing?x=1`);
    assert.equal(answer.status, 404);
    assert.equal(answer.body.error, 'no route for GET /v1/nothing');
  });

  test('a failing database gets 503 with Retry-After, and the batch can be retried', async () => {
    const store = await openFresh('sqlite');
    let failing = true;
    const insert = store.insert.bind(store);
    store.insert = async (batches) => {
      if (failing) throw new Error('disk full');
      return insert(batches);
    };
    const { url } = await startCollector('sqlite', { store });
    const events = many(3);
    const answer = await post(url, batch(events));
    assert.equal(answer.status, 503);
    assert.equal(answer.headers.get('retry-after'), '1');
    assert.equal((await store.storedIds(events.map((e) => e.id))).size, 0);
    failing = false;
    assert.deepEqual((await post(url, batch(events))).body, { accepted: 3, duplicates: 0 });
  });
});
