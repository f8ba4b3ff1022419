// `npm run size` and `npm run size:modules` on the build `npm test` has just made: the breakdown accounts for
// every byte of each budgeted page and names the modules of that page only.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, test } from 'node:test';

interface SizePage {
  name: string;
  classic: { files: string[]; min: number; gzip: number };
}
interface Module {
  source: string | null;
  area: string;
  min: number;
  gzip: number;
}
interface ModulesPage {
  page: string;
  total: number;
  files: number;
  oneFile: number;
  modules: Module[];
  capabilities: { capability: string; gzip: number }[];
  withoutAll: number;
}

const json = <T>(script: string): T => JSON.parse(execFileSync('node', [script, '--json'], { encoding: 'utf8' })) as T;

describe('npm run size:modules', () => {
  const sizes = json<{ pages: SizePage[] }>('scripts/size.js').pages;
  const breakdown = json<ModulesPage[]>('scripts/size-modules.js');

  test('covers the two budgeted pages, with the files and totals npm run size reports', () => {
    assert.deepEqual(
      breakdown.map((p) => p.page),
      ['rating only', 'all visitor elements, with referral attribution'],
    );
    for (const p of breakdown) {
      const size = sizes.find((s) => s.name === p.page)!;
      assert.equal(p.total, size.classic.gzip, p.page);
      assert.equal(p.files, size.classic.files.length, p.page);
      // Every byte belongs to one module or to the bundler's glue.
      assert.equal(
        p.modules.reduce((total, m) => total + m.min, 0),
        size.classic.min,
        p.page,
      );
    }
  });

  test('names source modules by their path in the project, each page only its own', () => {
    const [rating, all] = breakdown as [ModulesPage, ModulesPage];
    for (const p of breakdown) {
      // zmot's own modules, and Lit's, which the elements extend.
      for (const m of p.modules) if (m.source !== null) assert.match(m.source, /^(src\/[\w/.-]+\.ts|node_modules\/(lit|lit-html|lit-element|@lit\/[\w-]+)\/[\w/.-]+\.js)$/, m.source);
    }
    const sources = (p: ModulesPage) => new Set(p.modules.map((m) => m.source));
    assert.ok(sources(rating).has('src/elements/rating/rating.ts'));
    assert.ok(!sources(rating).has('src/elements/testimonials/testimonials.ts'));
    assert.ok(!sources(rating).has('src/referral/attribution.ts'));
    for (const module of ['testimonials/testimonials.ts', 'recommend/recommend.ts', 'rating/rating.ts']) {
      assert.ok(sources(all).has(`src/elements/${module}`), module);
    }
    assert.ok(sources(all).has('src/referral/attribution.ts'));
    const styles = all.modules.find((m) => m.source === 'src/elements/rating/rating.styles.ts');
    assert.equal(styles?.area, 'styles');
    assert.equal(rating.modules.find((m) => m.source === 'node_modules/lit-html/lit-html.js')?.area, 'Lit');
  });

  test('each capability cut out gives bytes back, and all of them more than any one', () => {
    for (const p of breakdown) {
      assert.ok(p.capabilities.length >= 6, p.page);
      for (const c of p.capabilities) assert.ok(c.gzip > 0, `${p.page}: ${c.capability}`);
      const most = Math.max(...p.capabilities.map((c) => c.gzip));
      assert.ok(p.total - p.withoutAll > most, p.page);
      // Joined into one file, the page compresses better than as separate files.
      assert.ok(p.oneFile < p.total, p.page);
    }
  });
});
