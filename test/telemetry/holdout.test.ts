// The randomised holdout (contract §10) in real page views: each in a tab of its own, a browser being a
// browser context (its own storage), events to a stand-in collector on the test server. `random=` fixes the
// draw: below the share is the holdout.
import { expect } from '@open-wc/testing';
import { accepted, bucket, command, evaluate, fixture, open, sleep, within } from './tabs.js';

/**
 * What one page view did: whether the rating was defined (waited for when `shown`; else given a second), its
 * height, the stored arm and the warnings; its events are flushed.
 */
async function pageView(name: string, query: string, shown: boolean, context?: string) {
  const tab = await open(fixture(name, query), context);
  await within('the drop-in', () => evaluate<boolean>(tab, '!!window.zmot'), Boolean);
  if (shown) await within('the rating defined', () => evaluate<boolean>(tab, `!!customElements.get('zmot-rating')`), Boolean, 10000);
  else await sleep(1000);
  await evaluate(tab, 'window.zmot.flush()');
  return {
    tab,
    defined: await evaluate<boolean>(tab, `!!customElements.get('zmot-rating')`),
    height: await evaluate<number>(tab, `document.querySelector('zmot-rating').getBoundingClientRect().height`),
    stored: await evaluate<string | null>(tab, `localStorage.getItem('zmot:arm')`),
    warnings: await evaluate<string[]>(tab, 'window.__warnings'),
  };
}

afterEach(() => command('tab-close-all', {}));

describe('telemetry: the holdout', function () {
  this.timeout(30000);

  it('a browser drawn into the holdout is assigned once, is not shown the widgets, and its events carry its arm', async () => {
    const name = bucket();
    await command('collector', { bucket: name });
    const first = await pageView(name, '&holdout=0.2&random=0.1', false);
    expect(first.defined, 'the rating is not defined').to.equal(false);
    expect(first.height, 'its reserved space stays, so nothing moves').to.be.above(0);
    expect(JSON.parse(first.stored!)).to.deep.equal({ arm: 'holdout', share: 0.2 });
    // The next page view of the same browser: the same arm, no second assignment.
    const keeper = await open('/test/telemetry/fixtures/away.html', first.tab);
    await command('tab-close', { tab: first.tab });
    await pageView(name, '&holdout=0.2&random=0.9', false, keeper);
    const events = await within('the assignment', () => accepted(name), (e) => e.some((x) => x.type === 'assignment'));
    expect(events.filter((e) => e.type === 'assignment').map((e) => [e.arm, (e as { share?: number }).share])).to.deep.equal([['holdout', 0.2]]);
    expect(events.every((e) => e.arm === 'holdout'), 'every event carries the arm').to.equal(true);
    expect(events.some((e) => e.type === 'render'), 'no widget rendered').to.equal(false);
  });

  it('a browser drawn into the shown arm sees the widgets, and their events carry the arm', async () => {
    const name = bucket();
    await command('collector', { bucket: name });
    const view = await pageView(name, '&holdout=0.2&random=0.5', true);
    expect(view.defined).to.equal(true);
    expect(JSON.parse(view.stored!)).to.deep.equal({ arm: 'shown', share: 0.2 });
    const events = await within('the render', () => accepted(name), (e) => e.some((x) => x.type === 'render'));
    expect(events.filter((e) => e.type === 'assignment').map((e) => e.arm)).to.deep.equal(['shown']);
    expect(events.map((e) => e.arm)).to.deep.equal(events.map(() => 'shown'));
  });

  for (const [label, query] of [
    ['consent pending', '&consent=pending'],
    ['Global Privacy Control', '&gpc=1'],
  ] as const) {
    it(`with ${label}, nobody is held out: the widgets show, nothing is stored and no event carries an arm`, async () => {
      const name = bucket();
      await command('collector', { bucket: name });
      const view = await pageView(name, `&holdout=0.5&random=0${query}`, true);
      expect(view.defined).to.equal(true);
      expect(view.stored).to.equal(null);
      if (label === 'consent pending') await evaluate(view.tab, 'window.zmot.consent(true), window.zmot.flush()');
      const events = await within('the render', () => accepted(name), (e) => e.some((x) => x.type === 'render'));
      expect(events.some((e) => e.type === 'assignment' || e.arm)).to.equal(false);
    });
  }

  it('without data-holdout nothing changes: no storage, no assignment, no arm; an absurd share is refused aloud', async () => {
    const name = bucket();
    await command('collector', { bucket: name });
    const view = await pageView(name, '&random=0', true);
    expect(view.defined).to.equal(true);
    expect(view.stored).to.equal(null);
    const absurd = await pageView(name, '&holdout=0.9&random=0', true);
    expect(absurd.defined).to.equal(true);
    expect(absurd.stored).to.equal(null);
    expect(absurd.warnings).to.include('zmot: data-holdout must be a share above 0 and at most 0.5; no holdout runs');
    const events = await within('two renders', () => accepted(name), (e) => e.filter((x) => x.type === 'render').length >= 2);
    expect(events.some((e) => e.type === 'assignment' || e.arm)).to.equal(false);
  });

  it('consent withdrawn: the arm is forgotten', async () => {
    const name = bucket();
    await command('collector', { bucket: name });
    const view = await pageView(name, '&holdout=0.2&random=0.1', false);
    expect(view.stored).to.not.equal(null);
    await evaluate(view.tab, 'window.zmot.consent(false)');
    expect(await evaluate<string | null>(view.tab, `localStorage.getItem('zmot:arm')`)).to.equal(null);
  });
});
