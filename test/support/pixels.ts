// Screenshots of a test page's rectangles (the `screenshot` command of test/support/wtr-page.js), decoded
// into pixels, and the measurements the look tests make on them: where a colour's ink starts and ends
// along a row, and which way a chevron points.
import { executeServerCommand } from '@web/test-runner-commands';

export type Rgb = readonly [number, number, number];

export interface Shot {
  width: number;
  height: number;
  /** The colour at (x, y), in the shot's own pixels. */
  at(x: number, y: number): Rgb;
}

/** A screenshot of what is drawn in `target`'s box (or a rectangle), scrolled into view first. */
export async function screenshot(target: Element | DOMRect): Promise<Shot> {
  if (target instanceof Element) target.scrollIntoView({ block: 'center', inline: 'center' });
  await new Promise(requestAnimationFrame);
  const rect = target instanceof Element ? target.getBoundingClientRect() : target;
  const clip = { x: Math.round(rect.x), y: Math.round(rect.y), width: Math.round(rect.width), height: Math.round(rect.height) };
  const base64 = await executeServerCommand<string, typeof clip>('screenshot', clip);
  if (!base64) throw new Error('no screenshot');
  const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  const { data, width, height } = context.getImageData(0, 0, bitmap.width, bitmap.height);
  return {
    width,
    height,
    at: (x, y) => {
      const i = (y * width + x) * 4;
      return [data[i]!, data[i + 1]!, data[i + 2]!];
    },
  };
}

/** Pure red, green or blue, with room for anti-aliasing. */
export const red = ([r, g, b]: Rgb) => r > 180 && g < 90 && b < 90;
export const blue = ([r, g, b]: Rgb) => b > 180 && r < 90 && g < 90;

/** The columns where `matches` has ink, as fractions of the width: the first, the last, and how many. */
export function inkSpan(shot: Shot, matches: (rgb: Rgb) => boolean): { start: number; end: number; columns: number } {
  let first = -1;
  let last = -1;
  let columns = 0;
  for (let x = 0; x < shot.width; x++) {
    let ink = false;
    for (let y = 0; y < shot.height && !ink; y++) ink = matches(shot.at(x, y));
    if (!ink) continue;
    if (first < 0) first = x;
    last = x;
    columns += 1;
  }
  return { start: first / shot.width, end: (last + 1) / shot.width, columns };
}

/**
 * Which way a chevron drawn in `matches` ink points: its middle rows reach further towards its tip than
 * its top and bottom rows do.
 */
export function pointing(shot: Shot, matches: (rgb: Rgb) => boolean): 'left' | 'right' {
  const mean = (rows: number[]) => {
    let sum = 0;
    let n = 0;
    for (const y of rows) {
      for (let x = 0; x < shot.width; x++) {
        if (matches(shot.at(x, y))) {
          sum += x;
          n += 1;
        }
      }
    }
    if (!n) throw new Error('no ink in those rows');
    return sum / n;
  };
  const inked = Array.from({ length: shot.height }, (_, y) => y).filter((y) =>
    Array.from({ length: shot.width }, (_, x) => x).some((x) => matches(shot.at(x, y))),
  );
  const top = inked[0]!;
  const bottom = inked.at(-1)!;
  const third = Math.max(1, Math.floor((bottom - top + 1) / 3));
  const ends = [...inked.filter((y) => y < top + third), ...inked.filter((y) => y > bottom - third)];
  const middle = inked.filter((y) => y >= top + third && y <= bottom - third);
  return mean(middle) < mean(ends) ? 'left' : 'right';
}
