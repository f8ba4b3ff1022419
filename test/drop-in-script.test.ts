// The drop-in reads its settings from its own <script> only. Run from source here, zmot.ts cannot match its
// own URL to a tag (no tag loads /src/entries/zmot.ts), so it must recognise its tag by file name or `data-zmot` —
// never take another vendor's `data-site` (Fathom Analytics' tag carries one), and say so when it must pick.
import { expect } from '@open-wc/testing';
import { config } from '../src/config.js';

function tag(attributes: Record<string, string>): void {
  const script = document.createElement('script');
  script.type = 'text/plain'; // never runs: only its attributes matter here
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  document.head.append(script);
}

describe('the drop-in’s own script tag', () => {
  it('is found by its data-zmot marker or file name, not by another vendor’s data-site; two claims warn once', async () => {
    tag({ src: 'https://cdn.usefathom.com/script.js', 'data-site': 'FATHOMID' });
    tag({ 'data-zmot': '', 'data-site': 'acme', 'data-feed': '/reviews/{product}.json' });
    tag({ src: '/static/zmot.iife.js?v=3', 'data-site': 'other' });
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    try {
      await import('../src/entries/zmot.js');
    } finally {
      console.warn = warn;
    }
    expect(config.site).to.equal('acme');
    expect(config.feed).to.equal('/reviews/{product}.json');
    expect(warnings).to.deep.equal(["zmot: 2 script tags look like zmot's; reading the settings of the first (mark yours with data-zmot)"]);
  });
});
