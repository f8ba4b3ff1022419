/**
 * `style=${inlineSize(fraction)}`: an element's inline size as a share of its container. The server writes it
 * as a `style` attribute (the page is readable before any script); in the browser it goes through the CSSOM
 * on every render, the first included, so a strict `style-src` without `'unsafe-inline'` never blocks it
 * (Lit's `styleMap` writes the attribute on the first render, which such a policy refuses).
 */
import { noChange, type AttributePart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';

const percent = (fraction: number) => `${Math.min(Math.max(fraction, 0), 1) * 100}%`;

class InlineSizeDirective extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ATTRIBUTE || part.name !== 'style') throw new Error('inlineSize() belongs in a style attribute');
  }

  render(fraction: number): string {
    return `inline-size:${percent(fraction)}`;
  }

  override update(part: AttributePart, [fraction]: [number]): typeof noChange {
    (part.element as HTMLElement).style.setProperty('inline-size', percent(fraction));
    return noChange;
  }
}

export const inlineSize = directive(InlineSizeDirective);
