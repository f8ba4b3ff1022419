/** Contract section 9: GET /v1/comments and POST /v1/comments/{id}/handled, on SQLite and PostgreSQL. */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { toRows } from '../../src/collector/store/rows.js';
import type { CommentItem, CommentsAnswer } from '../../src/report/types.js';
import type { ZmotEvent } from '../../src/telemetry/schema.js';
import { batch, DAY, event, get, openFresh, post, startCollector, storeLocation, STORE_KINDS, T0, TOKEN, type Answer, type Running, type StoreKind } from './helpers.js';

const AUTH = { authorization: `Bearer ${TOKEN}` };
const rec = { widget: 'recommend' };
const HOSTILE = '=HYPERLINK("http://evil.example","x") <img src=x onerror=alert(1)>';

async function handle(url: string, id: string, body?: string, headers: Record<string, string> = AUTH): Promise<Answer> {
  const response = await fetch(`${url}/v1/comments/${encodeURIComponent(id)}/handled`, {
    method: 'POST',
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** Runs SQL straight on the database, not through the collector's code. */
async function rawSql(kind: StoreKind, where: { db?: string; databaseUrl?: string }, statements: string[]): Promise<void> {
  if (kind === 'sqlite') {
    const db = new Database(where.db!);
    for (const statement of statements) db.exec(statement);
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: where.databaseUrl });
  await client.connect();
  for (const statement of statements) await client.query(statement);
  await client.end();
}

for (const kind of STORE_KINDS) {
  describe(`comments (${kind})`, () => {
    let server: Running;
    let clock = T0;
    const send = async (events: ZmotEvent[]) => {
      const answer = await post(server.url, batch(events, { sent: clock }));
      assert.equal(answer.status, 202, JSON.stringify(answer.body));
    };
    const comments = async (query: string): Promise<CommentsAnswer> => {
      const answer = await get(`${server.url}/v1/comments?${query}`, AUTH);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      return answer.body as unknown as CommentsAnswer;
    };
    const texts = (answer: CommentsAnswer) => answer.comments.map((c) => c.comment);
    const detractor = event('nps', { ...rec, score: 3, comment: 'Delivery took three weeks', ts: T0 - 1000 });

    before(async () => {
      server = await startCollector(kind, { now: () => clock });
      await send([
        detractor,
        event('nps', { ...rec, score: 10, comment: 'Love it', ts: T0 - 500 }),
        event('nps', { ...rec, score: 7, comment: HOSTILE, product: 'sku-7', ts: T0 - 200 }),
        event('nps', { ...rec, score: 9 }),
        event('nps', { ...rec, score: 2, comment: '   ' }),
      ]);
      clock = T0 + DAY;
      await send([event('nps', { ...rec, score: 5, comment: 'Broke after a day', ts: clock })]);
      // A retried batch stores nothing twice.
      await send([detractor]);
    });

    test('need the owner token', async () => {
      assert.equal((await get(`${server.url}/v1/comments?site=acme`)).status, 401);
      assert.equal((await get(`${server.url}/v1/comments?site=acme`, { authorization: 'Bearer wrong' })).status, 401);
      assert.equal((await handle(server.url, detractor.id, undefined, {})).status, 401);
    });

    test('every answer with a comment, newest first, with its score, product and date; the text as sent', async () => {
      const answer = await comments('site=acme');
      assert.equal(answer.total, 4);
      assert.deepEqual(texts(answer), ['Broke after a day', HOSTILE, 'Love it', 'Delivery took three weeks']);
      const [latest, hostile] = answer.comments as [CommentItem, CommentItem];
      assert.deepEqual(latest, { id: latest.id, score: 5, comment: 'Broke after a day', product: 'sku-42', date: new Date(T0 + DAY).toISOString(), handled: false });
      assert.equal(hostile.product, 'sku-7');
      assert.equal(answer.comments[3]!.id, detractor.id);
      assert.equal(answer.comments[3]!.date, new Date(T0 - 1000).toISOString());
    });

    test('filters by group, product and period, and pages with limit and offset', async () => {
      assert.deepEqual(texts(await comments('site=acme&group=detractor')), ['Broke after a day', 'Delivery took three weeks']);
      assert.deepEqual(texts(await comments('site=acme&group=passive')), [HOSTILE]);
      assert.deepEqual(texts(await comments('site=acme&group=promoter')), ['Love it']);
      assert.deepEqual(texts(await comments('site=acme&product=sku-7')), [HOSTILE]);
      assert.deepEqual(texts(await comments('site=acme&from=2026-03-10&to=2026-03-10')), [HOSTILE, 'Love it', 'Delivery took three weeks']);
      assert.deepEqual(texts(await comments('site=acme&from=2026-03-11&to=2026-03-11')), ['Broke after a day']);
      assert.deepEqual(await comments('site=other'), { comments: [], total: 0 });
      const page = await comments('site=acme&limit=2&offset=1');
      assert.deepEqual(texts(page), [HOSTILE, 'Love it']);
      assert.equal(page.total, 4);
    });

    test('a clear 400 for a bad question', async () => {
      for (const query of ['', 'site=acme&group=angry', 'site=acme&limit=-1', 'site=acme&limit=5000', 'site=acme&offset=x', 'site=acme&from=2026-13-01', 'site=acme&from=2026-03-12&to=2026-03-10']) {
        const answer = await get(`${server.url}/v1/comments?${query}`, AUTH);
        assert.equal(answer.status, 400, query);
        assert.match(String(answer.body.error), /^(site|group|limit|offset|from|to): /, query);
      }
    });

    test('marking one as followed up, and taking the mark back', async () => {
      const marked = await handle(server.url, detractor.id.toUpperCase());
      assert.equal(marked.status, 200, JSON.stringify(marked.body));
      assert.equal(marked.body.handled, true);
      assert.equal(marked.body.comment, 'Delivery took three weeks');
      const after = await comments('site=acme&group=detractor');
      assert.deepEqual(after.comments.map((c) => c.handled), [false, true]);
      const unmarked = await handle(server.url, detractor.id, '{"handled": false}');
      assert.equal(unmarked.status, 200);
      assert.equal(unmarked.body.handled, false);
      assert.equal((await comments('site=acme&group=detractor')).comments[1]!.handled, false);
    });

    test('a clear 404 for an unknown id and 400 for a bad body, changing nothing', async () => {
      const unknown = await handle(server.url, 'no-such-id');
      assert.equal(unknown.status, 404);
      assert.match(String(unknown.body.error), /no comment/);
      for (const body of ['{', '{"handled": "yes"}', '[]']) {
        const answer = await handle(server.url, detractor.id, body);
        assert.equal(answer.status, 400, body);
      }
      assert.equal((await comments('site=acme&group=detractor')).comments[1]!.handled, false);
    });
  });

  test(`comments stored before the comments table are found after the upgrade (${kind})`, async () => {
    const where = await storeLocation(kind);
    const first = await openFresh(kind, where);
    const answer = event('nps', { ...rec, score: 4, comment: 'Too expensive' });
    await first.insert([toRows(batch([answer, event('nps', { ...rec, score: 8 })]), T0)]);
    await first.close();
    // The database as the collector before migration 4 left it: the events, no comments table.
    await rawSql(kind, where, ['DROP TABLE zmot_comments', 'DELETE FROM zmot_migrations WHERE version = 4']);
    const second = await startCollector(kind, { store: await openFresh(kind, where), now: () => T0 });
    const found = await get(`${second.url}/v1/comments?site=acme`, AUTH);
    assert.equal(found.status, 200);
    assert.deepEqual((found.body as unknown as CommentsAnswer).comments.map((c) => [c.id, c.score, c.comment, c.handled]), [[answer.id, 4, 'Too expensive', false]]);
  });
}
