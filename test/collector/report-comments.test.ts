/** `zmot report --comments`: what customers said, in the terminal and in --json, with visitors' text defused. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { main, type Io } from '../../src/collector/cli.js';
import { toRows } from '../../src/collector/store/rows.js';
import { batch, event, openFresh, storeLocation, STORE_KINDS } from './helpers.js';

async function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), env };
  return { code: await main(args, io), out, err };
}

const day = '2026-03-10';
const ts = Date.parse(`${day}T12:00:00Z`);
const rec = { widget: 'recommend', ts };

for (const kind of STORE_KINDS) {
  test(`report --comments against ${kind}`, async () => {
    const where = await storeLocation(kind);
    const dbArgs = where.db ? ['--db', where.db] : [];
    const env = where.databaseUrl ? { DATABASE_URL: where.databaseUrl } : {};
    const store = await openFresh(kind, where);
    const sneakyText = 'Bad\u001b[2J\u001b]0;pwned\u0007\nfake row';
    const sneaky = event('nps', { ...rec, score: 2, comment: sneakyText, ts: ts - 60_000 });
    await store.insert([toRows(batch([event('nps', { ...rec, score: 9, comment: 'Great support' }), sneaky, event('nps', { ...rec, score: 10 })], { sent: ts }), ts)]);
    await store.close();
    const period = ['--from', day, '--to', day];

    const text = await run(['report', '--site', 'acme', ...dbArgs, ...period, '--comments'], env);
    assert.equal(text.code, 0, text.err);
    assert.match(text.out, /What customers said: 2 comments\n\n2026-03-10 12:00 UTC {2}score 9 \(promoter\) {2}product sku-42 {2}id \S+\n {2}Great support\n\n2026-03-10 11:59 UTC {2}score 2 \(detractor\)/);
    assert.match(text.out, /\n {2}Bad \[2J \]0;pwned fake row\n$/);
    assert.doesNotMatch(text.out, /[\u0000-\u0009\u000b-\u001f]/, 'no control character reaches the terminal');

    const detractors = await run(['report', '--site', 'acme', ...dbArgs, ...period, '--comments', '--group', 'detractor'], env);
    assert.match(detractors.out, /What customers said \(detractors\): 1 comment\n/);
    assert.doesNotMatch(detractors.out, /Great support/);

    const json = await run(['report', '--site', 'acme', ...dbArgs, ...period, '--comments', '--json'], env);
    const parsed = JSON.parse(json.out) as { total: unknown; comments: { id: string; comment: string }[] };
    assert.ok(parsed.total);
    assert.deepEqual(parsed.comments.map((c) => c.id), [parsed.comments[0]!.id, sneaky.id]);
    assert.equal(parsed.comments[1]!.comment, sneakyText, 'JSON keeps the text as sent');

    const without = await run(['report', '--site', 'acme', ...dbArgs, ...period], env);
    assert.doesNotMatch(without.out, /What customers said/);
  });
}

test('report --group without --comments is a usage error (2); a wrong group exits 1 naming it', async () => {
  const { db } = await storeLocation('sqlite');
  const alone = await run(['report', '--site', 'acme', '--db', db!, '--group', 'detractor']);
  assert.equal(alone.code, 2);
  assert.match(alone.err, /^zmot: --group needs --comments/);
  const wrong = await run(['report', '--site', 'acme', '--db', db!, '--comments', '--group', 'angry']);
  assert.equal(wrong.code, 1);
  assert.match(wrong.err, /^zmot: group: must be one of detractor, passive, promoter/);
});
