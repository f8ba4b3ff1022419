// The one table of elements (src/elements/catalog.ts) and what is derived from it or checked against it.
import { expect } from '@open-wc/testing';
import { ELEMENTS, TAGS, type ElementEntry } from '../../src/elements/catalog.js';
import { elements } from '../../src/elements/registry.js';
import { RESERVE, reserveRules } from '../../src/reserve.js';

const entries = Object.entries(ELEMENTS as Record<string, ElementEntry>);

describe('the catalog of elements', () => {
  it('the registry zmot/define uses has the catalog’s tags, each with the catalog’s class', () => {
    expect(Object.keys(elements).sort()).to.deep.equal([...TAGS].sort());
    for (const [tag, entry] of entries) expect(elements[tag as keyof typeof elements].name, tag).to.equal(entry.className);
  });

  it('the space reserved before an element is defined is each element’s rows of the catalog, and nothing else', () => {
    expect(RESERVE).to.equal(reserveRules());
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(RESERVE);
    const rules = [...sheet.cssRules].map((rule) => (rule as CSSStyleRule).selectorText);
    const reserved = entries.filter(([, entry]) => entry.reserve);
    expect(rules, 'one rule for what every reserved element shares, then one per row').to.have.length(
      1 + reserved.reduce((n, [, entry]) => n + Object.keys(entry.reserve!).length, 0),
    );
    for (const [tag, entry] of entries) {
      const own = rules.slice(1).filter((selector) => selector.includes(`${tag}`) && !selector.includes(`${tag}-`));
      expect(own, tag).to.have.length(Object.keys(entry.reserve ?? {}).length);
    }
  });
});
