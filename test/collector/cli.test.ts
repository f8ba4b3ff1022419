import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ruleSite } from '../../src/collector/access.js';
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
    for (const command of ['serve', 'import', 'report', 'invite']) {
      const help = await run([command, '--help']);
      assert.equal(help.code, 0, command);
      assert.match(help.out, new RegExp(`^Usage: zmot ${command}`));
      assert.equal((await run(['help', command])).out, help.out);
    }
    assert.match((await run(['serve', '-h'])).out, /--allow-origin/);
    assert.match((await run(['import', '--help'])).out, /product, id, rating {12}\(required; separated by commas, semicolons or tabs\)/);
  });

  test('usage errors exit 2: the error in one line, then where the help is (not the whole help)', async () => {
    const unknown = await run(['launch']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /^zmot: unknown command "launch"\n/);
    const noSite = await run(['report']);
    assert.equal(noSite.code, 2);
    assert.equal(noSite.err, 'zmot: --site is required\nUsage: zmot report --site S [options]\nRun "zmot report --help" for every option.\n');
    const typo = await run(['serve', '--prot', '9000']);
    assert.equal(typo.code, 2);
    assert.equal(typo.err, 'zmot: unknown option --prot (did you mean --port?)\nUsage: zmot serve [options]\nRun "zmot serve --help" for every option.\n');
    const badFlag = await run(['import', '--site', 'a', '--colour', 'x', 'f.json']);
    assert.equal(badFlag.code, 2);
    assert.match(badFlag.err, /^zmot: unknown option --colour\n/);
    assert.equal(badFlag.err.split('\n').length, 4, 'three lines');
    const noValue = await run(['serve', '--port']);
    assert.equal(noValue.code, 2);
    assert.match(noValue.err, /^zmot: --port needs a value\n/);
    assert.equal((await run(['serve', '--port', 'eighty'])).code, 2);
    assert.equal((await run(['serve', '--request-timeout', '0'])).code, 2);
    // A billion days ran past JavaScript's dates: the collector said it was listening, then stopped.
    const forever = await run(['serve', '--retain-days', '1000000000']);
    assert.equal(forever.code, 2);
    assert.match(forever.err, /^zmot: --retain-days: expected a whole number of days up to 36500, got "1000000000"\n/);
  });

  test('a site named on the command line must be a site id, as events carry it: usage error, exit 2', async () => {
    const id = '(use only letters, digits, ".", "_" and "-")';
    for (const [args, flag, site] of [
      [['serve', '--site', 'acme', '--site', 'Acme Shop'], '--site', 'Acme Shop'],
      [['serve', '--allow-origin', 'acme shop=https://acme.example'], '--allow-origin', 'acme shop'],
      [['import', '--site', 'acme.example/', 'f.json'], '--site', 'acme.example/'],
      [['report', '--site', '<b>acme</b>'], '--site', '<b>acme</b>'],
    ] as const) {
      const answer = await run([...args]);
      assert.equal(answer.code, 2, args.join(' '));
      assert.match(answer.err, new RegExp(`^zmot: ${flag}: ${JSON.stringify(site).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is not a site id`), args.join(' '));
      assert.ok(answer.err.split('\n')[0]!.endsWith(id), answer.err);
    }
    // An origin for every site (no "site=") is not a site, even with "=" in its URL.
    assert.equal(ruleSite('https://acme.example/?a=b'), undefined);
    assert.equal(ruleSite('acme=https://acme.example'), 'acme');
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
    const missing = await run(['import', '--site', 'acme', '--db', db, join(dir, 'nope.csv')]);
    assert.equal(missing.code, 1);
    assert.equal(missing.err, `zmot: no file ${join(dir, 'nope.csv')}\n`);
    const folder = await run(['import', '--site', 'acme', '--db', db, dir]);
    assert.equal(folder.code, 1);
    assert.equal(folder.err, `zmot: ${dir} is a folder, not a file\n`);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"product":');
    const bad = await run(['import', '--site', 'acme', '--db', db, broken]);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /broken\.json: not valid JSON/);
  });

  test('a CSV header without a required column names the columns it has and the ones it lacks', async () => {
    const dir = tempDir();
    const csv = join(dir, 'reviews.csv');
    writeFileSync(csv, 'product,id,stars,title\nsku-1,a,5,Good\n');
    const result = await run(['import', '--site', 'acme', '--db', join(dir, 'z.db'), csv]);
    assert.equal(result.code, 1);
    assert.equal(
      result.err,
      `zmot: ${csv}: the CSV header lacks the column "rating"; it has "product", "id", "stars", "title". Required: product, id, rating (the first line names the columns, separated by commas, semicolons or tabs)\n`,
    );
    writeFileSync(csv, 'title\nGood\n');
    const two = await run(['import', '--site', 'acme', '--db', join(dir, 'z.db'), csv]);
    assert.match(two.err, /lacks the columns "product", "id", "rating"; it has "title"\./);
  });

  test('semicolon- and tab-separated CSV files are read (Excel’s export in much of Europe)', async () => {
    const dir = tempDir();
    const db = join(dir, 'z.db');
    for (const [name, delimiter] of [['semicolons.csv', ';'], ['tabs.tsv', '\t']] as const) {
      const file = join(dir, name);
      const rows = [['product', 'id', 'rating', 'body'], ['sku-1', `${name}-a`, '5', 'Great, really; good'], ['sku-1', `${name}-b`, '4', 'Fine']];
      writeFileSync(file, rows.map((r) => r.map((c) => (c.includes(delimiter) ? `"${c}"` : c)).join(delimiter)).join('\r\n'));
      const result = await run(['import', '--site', 'acme', '--db', db, file]);
      assert.equal(result.code, 0, result.err);
      assert.equal(result.err, '');
      assert.match(result.out, /^imported 2 reviews of 1 product /);
    }
    const store = openSqlite(db);
    const reviews = await store.reviews('acme', 'sku-1', 0, 10);
    await store.close();
    assert.deepEqual(reviews.map((r) => [r.id, r.body]).sort(), [
      ['semicolons.csv-a', 'Great, really; good'],
      ['semicolons.csv-b', 'Fine'],
      ['tabs.tsv-a', 'Great, really; good'],
      ['tabs.tsv-b', 'Fine'],
    ]);
  });

  test('an empty id says "id is required"; a date the widgets cannot read is refused with the formats they read', async () => {
    const dir = tempDir();
    const csv = join(dir, 'reviews.csv');
    writeFileSync(csv, 'product,id,rating,date\nsku-1,,5,2026-11-20\nsku-1,b,4,20/11/2026\nsku-1,c,4,2026-11-20T14:30:00Z\nsku-1,d,3,2026-02-30\nsku-1,e,3,03/04/2026\n');
    const result = await run(['import', '--site', 'acme', '--db', join(dir, 'z.db'), csv]);
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /^imported 1 review of 1 product /);
    const formats = 'write yyyy-mm-dd or an ISO date-time such as 2026-11-20 or 2026-11-20T14:30:00Z';
    assert.equal(
      result.err,
      [
        'skipped line 2: id is required',
        `skipped line 3: date: "20/11/2026" is not a date zmot reads; ${formats} (20/11 reads as day/month: 2026-11-20)`,
        `skipped line 5: date: "2026-02-30" is not a date zmot reads; ${formats}`,
        `skipped line 6: date: "03/04/2026" is not a date zmot reads; ${formats} (day/month or month/day cannot be told apart here)`,
        '',
      ].join('\n'),
    );
    // JSON feeds get the same check (the schema takes any text as a date).
    const json = join(dir, 'feed.json');
    writeFileSync(json, JSON.stringify({ product: { id: 'sku-2' }, reviews: [{ id: 'x', rating: 5, date: '11/20/2026' }, { id: 'y', rating: 4, date: '2026-11-20' }] }));
    const fromJson = await run(['import', '--site', 'acme', '--db', join(dir, 'z.db'), json]);
    assert.equal(fromJson.code, 0, fromJson.err);
    assert.equal(fromJson.err, `skipped sku-2: review "x": date: "11/20/2026" is not a date zmot reads; ${formats} (11/20 reads as month/day: 2026-11-20)\n`);
    // Nothing imported at all is a failure.
    writeFileSync(csv, 'product,id,rating,date\nsku-1,a,5,20/11/2026\n');
    const none = await run(['import', '--site', 'acme', '--db', join(dir, 'z.db'), csv]);
    assert.equal(none.code, 1);
    assert.match(none.err, /^skipped line 2: date: .*\nzmot: nothing imported: every review was skipped \(1\)\n$/);
  });

  test('bin/zmot.js in a checkout before a build: runs from the sources, or says in one line what to run', () => {
    const ROOT = new URL('../../', import.meta.url).pathname;
    // A fresh clone: bin/, src/ and package.json, no dist/; with node_modules (after npm install) and without.
    const checkout = (withModules: boolean) => {
      const dir = tempDir();
      mkdirSync(join(dir, 'bin'));
      cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
      cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
      symlinkSync(join(ROOT, 'src'), join(dir, 'src'));
      if (withModules) symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
      return dir;
    };
    const zmot = (dir: string, ...args: string[]) => spawnSync(process.execPath, [join(dir, 'bin/zmot.js'), ...args], { encoding: 'utf8' });
    const installed = checkout(true);
    const help = zmot(installed, '--help');
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /^zmot — the zmot collector\n/);
    const typo = zmot(installed, 'serve', '--prot', '1');
    assert.equal(typo.status, 2);
    assert.match(typo.stderr, /^zmot: unknown option --prot \(did you mean --port\?\)\n/);
    const bare = zmot(checkout(false), '--help');
    assert.equal(bare.status, 1);
    assert.equal(bare.stderr, 'zmot: the collector is not built yet: run "npm install && npm run build:node" in the zmot folder first\n');
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

  for (const kind of STORE_KINDS) {
    test(`invite prints a link whose token verifies one review (${kind})`, async () => {
      const where = await storeLocation(kind);
      const dbArgs = kind === 'sqlite' ? ['--db', where.db!] : ['--database-url', where.databaseUrl!];
      const args = ['invite', '--site', 'acme', '--product', 'sku-42', '--order', ' A-1001 ', ...dbArgs];
      const missing = await run(args);
      assert.equal(missing.code, 1, 'no --url and no imported product url');
      assert.match(missing.err, /^zmot: --url: required: no page address was imported for product "sku-42"/);
      const printed = await run([...args, '--url', 'https://acme.example/p/sku-42', '--incentive', 'A free sample', '--days', '7']);
      assert.equal(printed.code, 0, printed.err);
      const match = /^https:\/\/acme\.example\/p\/sku-42#zmot-invite=([\w-]+\.[\w-]+)\n$/.exec(printed.out);
      assert.ok(match, printed.out);
      const { readInvitation } = await import('../../src/collector/invitations.js');
      assert.equal(readInvitation(match[1]!)?.n, 'A free sample');
      const json = await run([...args, '--url', 'https://acme.example/p/sku-42', '--json']);
      assert.deepEqual(Object.keys(JSON.parse(json.out) as object), ['token', 'url', 'expires']);
      assert.equal((await run([...args, '--url', 'https://acme.example/p', '--days', '0'])).code, 2);
      assert.equal((await run(['invite', '--site', 'acme', '--product', 'sku-42', ...dbArgs])).code, 2, '--order is required');

      const { openStore } = await import('../../src/collector/store/open.js');
      const store = await openStore(where);
      try {
        const { verifyInvitation } = await import('../../src/collector/invitations.js');
        const claim = verifyInvitation(match[1]!, (await store.siteSecret('acme', false))!)!;
        const submitted = { site: 'acme', product: 'sku-42', rating: 5, body: 'Written through the link.', author: { name: 'Ana' }, created: Date.now() };
        assert.equal((await store.addReview({ ...submitted, id: 'r1' }, claim.i)).verification, 'purchase');
        assert.equal((await store.addReview({ ...submitted, id: 'r2' }, claim.i)).verification, 'none', 'once');
      } finally {
        await store.close();
      }
    });
  }
});