import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { main, type Io } from '../../src/collector/cli.js';
import { openSqlite } from '../../src/collector/store/sqlite.js';
import { batch, event, storeLocation, STORE_KINDS, tempDir } from './helpers.js';
import { toRows } from '../../src/collector/store/rows.js';

async function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), env };
  const code = await main(args, io);
  return { code, out, err };
}

describe('zmot command line', () => {
  test('--help on the command and each subcommand', async () => {
    const top = await run(['--help']);
    assert.equal(top.code, 0);
    assert.match(top.out, /Commands:\n {2}serve .*\n {2}import .*\n {2}report /);
    for (const command of ['serve', 'import', 'report']) {
      const help = await run([command, '--help']);
      assert.equal(help.code, 0, command);
      assert.match(help.out, new RegExp(`^Usage: zmot ${command}`));
      assert.equal((await run(['help', command])).out, help.out);
    }
    assert.match((await run(['serve', '-h'])).out, /--allow-origin/);
    assert.match((await run(['import', '--help'])).out, /product, id, rating {12}\(required\)/);
  });

  test('usage errors exit 2 with the command’s help', async () => {
    const unknown = await run(['launch']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /^zmot: unknown command "launch"/);
    const noSite = await run(['report']);
    assert.equal(noSite.code, 2);
    assert.match(noSite.err, /^zmot: --site is required\n\nUsage: zmot report/);
    const badFlag = await run(['import', '--site', 'a', '--colour', 'x', 'f.json']);
    assert.equal(badFlag.code, 2);
    assert.match(badFlag.err, /Unknown option '--colour'/);
    assert.equal((await run(['serve', '--port', 'eighty'])).code, 2);
    assert.equal((await run(['serve', '--request-timeout', '0'])).code, 2);
  });

  test('import reports what it skipped and fails clearly on a missing file', async () => {
    const dir = tempDir();
    const csv = join(dir, 'reviews.csv');
    writeFileSync(csv, 'product,id,rating\nsku-1,a,5\nsku-1,b,six\n');
    const db = join(dir, 'z.db');
    const result = await run(['import', '--site', 'acme', '--db', db, csv]);
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /^imported 1 review of 1 product for site acme into SQLite /);
    assert.equal(result.err, 'skipped line 3: rating: must be a number\n');
    const missing = await run(['import', '--site', 'acme', '--db', db, join(dir, 'nope.json')]);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /^zmot: ENOENT/);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"product":');
    const bad = await run(['import', '--site', 'acme', '--db', db, broken]);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /broken\.json: not valid JSON/);
  });

  test('report with a bad date exits 1 naming the option', async () => {
    const db = join(tempDir(), 'z.db');
    const result = await run(['report', '--site', 'acme', '--db', db, '--from', 'last week']);
    assert.equal(result.code, 1);
    assert.equal(result.err, 'zmot: from: must be a date as yyyy-mm-dd\n');
  });

  for (const kind of STORE_KINDS) {
    test(`import and report against ${kind}`, async () => {
      const where = await storeLocation(kind);
      const dbArgs = where.db ? ['--db', where.db] : [];
      const env = where.databaseUrl ? { DATABASE_URL: where.databaseUrl } : {};
      const dir = tempDir();
      const json = join(dir, 'feeds.json');
      writeFileSync(json, JSON.stringify([{ product: { id: 'sku-1' }, reviews: [{ id: 'a', rating: 5 }, { id: 'b', rating: 4 }] }]));
      const imported = await run(['import', '--site', 'acme', ...dbArgs, json], env);
      assert.equal(imported.code, 0, imported.err);
      assert.match(imported.out, new RegExp(`imported 2 reviews of 1 product for site acme into ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`));

      // Events stored directly, then reported by the command.
      const day = '2026-03-10';
      const ts = Date.parse(`${day}T12:00:00Z`);
      const rows = toRows(batch([event('render', { ts }), event('impression', { ts }), event('nps', { ts, score: 10, widget: 'recommend' })], { sent: ts }), ts);
      if (kind === 'sqlite') {
        const store = openSqlite(where.db!);
        await store.insert([rows]);
        await store.close();
      } else {
        const { openPostgres } = await import('../../src/collector/store/postgres.js');
        const store = await openPostgres(where.databaseUrl!);
        await store.insert([rows]);
        await store.close();
      }
      const table = await run(['report', '--site', 'acme', ...dbArgs, '--from', day, '--to', day], env);
      assert.equal(table.code, 0, table.err);
      assert.match(table.out, /^zmot report for site acme, 2026-03-10 to 2026-03-10/);
      assert.match(table.out, /viewability rate +100\.0%/);
      assert.match(table.out, /NPS +100\.0 \(1 responses: 1 promoters, 0 passives, 0 detractors\)/);
      assert.match(table.out, /\n2026-03-10 +1 +1 +100\.0%/);
      const json2 = await run(['report', '--site', 'acme', ...dbArgs, '--from', day, '--to', day, '--json'], env);
      const report = JSON.parse(json2.out) as { total: { zmot: { renders: number } }; days: unknown[] };
      assert.equal(report.total.zmot.renders, 1);
      assert.equal(report.days.length, 1);
    });
  }
});
