// The built files: the drop-in carries only the dashboard's loader, which finds dist/zmot-dashboard.js beside
// itself; the chart library is only in the dashboard's file. Run after `npm run build`.
import { expect, waitUntil } from '@open-wc/testing';

async function page(body: string): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.style.width = '1000px';
  frame.style.height = '700px';
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>${body}</body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return frame.contentDocument!;
}

afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));
// A token another test file kept in this tab's session storage would skip the sign-in.
before(() => sessionStorage.clear());

describe('the dashboard’s built files', () => {
  it('the drop-ins carry no chart library; zmot-dashboard.js does', async () => {
    const [es, iife, dashboard] = await Promise.all(
      ['/dist/zmot.js', '/dist/zmot.iife.js', '/dist/zmot-dashboard.js'].map(async (path) => (await fetch(path)).text()),
    );
    expect(dashboard).to.contain('u-cursor-pt');
    expect(es).not.to.contain('u-cursor-pt');
    expect(iife).not.to.contain('u-cursor-pt');
  });

  for (const [build, tag] of [
    ['dist/zmot.js', 'type="module" src="/dist/zmot.js"'],
    ['dist/zmot.iife.js', 'src="/dist/zmot.iife.js"'],
  ] as const) {
    it(`${build}: <zmot-dashboard> loads the dashboard from beside the script`, async () => {
      const doc = await page(`<script ${tag} data-site="acme"></script><zmot-dashboard src="https://stats.acme.test/"></zmot-dashboard>`);
      const el = doc.querySelector('zmot-dashboard')!;
      const inner = () => el.shadowRoot?.querySelector('zmot-dashboard-app')?.shadowRoot?.querySelector('#token');
      await waitUntil(inner, 'the dashboard’s sign-in shows', { timeout: 8000 });
      const loaded = (doc.defaultView as Window).performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname);
      expect(loaded).to.include('/dist/zmot-dashboard.js');
    });
  }
});
