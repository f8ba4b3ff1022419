/**
 * The dashboard's charts, drawn by uPlot (canvas) into `[data-chart]` boxes of the host's shadow root after
 * each render. Colours come from the host's CSS custom properties, so charts follow light, dark and forced
 * colours (redrawn when the scheme changes); widths follow their box (a ResizeObserver). The canvases are
 * hidden from assistive technology: every chart sits beside a data table with the same numbers. Axes speak the
 * element's language (its dates and numbers), and in a right-to-left language time and scores run from the
 * right, with the count axis on the right. Legends name the series only (no values until hovered, which
 * would show as dashes): the data table holds the values.
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import uPlot from 'uplot';

export interface LineChartSpec {
  kind: 'line';
  /** yyyy-mm-dd, one per point. */
  days: string[];
  /** null: no value that day (a gap in the line). */
  series: { label: string; values: (number | null)[] }[];
  dayLabel: string;
  /** `count` (default): from 0, whole steps. `score`: a score of 5, the axis around the values. */
  scale?: 'count' | 'score';
}

export interface NpsChartSpec {
  kind: 'nps';
  /** Answers per score, 0 to 10. */
  scores: number[];
  /** Labels of the detractor, passive and promoter bars. */
  labels: [string, string, string];
  scoreLabel: string;
}

export type ChartSpec = LineChartSpec | NpsChartSpec;

export interface ChartFormat {
  number: (n: number) => string;
  day: (day: string) => string;
  /** A day as short as an axis needs it (day and month), in the element's language. */
  axisDay: (day: string) => string;
}

const HEIGHT = 220;
const DASHES = [[], [6, 4], [2, 3], [10, 3, 2, 3]];
const DAY_S = 86_400;

interface Drawn {
  plot: uPlot;
  spec: ChartSpec;
}

export class ChartController implements ReactiveController {
  private readonly specs = new Map<string, ChartSpec>();
  private readonly drawn = new Map<HTMLElement, Drawn>();
  private readonly resize = new ResizeObserver((entries) => {
    // Resized in the next frame: resizing inside the observer's callback would loop.
    requestAnimationFrame(() => {
      for (const entry of entries) {
        const drawn = this.drawn.get(entry.target as HTMLElement);
        const width = Math.floor((entry.target as HTMLElement).clientWidth);
        if (drawn && width > 0 && width !== drawn.plot.width) drawn.plot.setSize({ width, height: HEIGHT });
      }
    });
  });
  private readonly schemes = ['(prefers-color-scheme: dark)', '(forced-colors: active)'].map((q) => matchMedia(q));
  private readonly redraw = () => this.clear();

  constructor(
    private readonly host: ReactiveElement,
    private readonly format: () => ChartFormat,
  ) {
    host.addController(this);
  }

  /** Names the chart that the box `<div data-chart=${id}>` of the coming render shows. */
  set(id: string, spec: ChartSpec): string {
    this.specs.set(id, spec);
    return id;
  }

  /** The uPlot instance drawn in a box (for tests and tools). */
  plotIn(box: Element): uPlot | undefined {
    return this.drawn.get(box as HTMLElement)?.plot;
  }

  hostConnected(): void {
    for (const query of this.schemes) query.addEventListener('change', this.redraw);
  }

  hostDisconnected(): void {
    for (const query of this.schemes) query.removeEventListener('change', this.redraw);
    this.clear();
  }

  hostUpdated(): void {
    const boxes = new Set(this.host.renderRoot.querySelectorAll<HTMLElement>('[data-chart]'));
    for (const [box, drawn] of this.drawn) {
      if (!boxes.has(box)) this.remove(box, drawn);
    }
    for (const box of boxes) {
      const spec = this.specs.get(box.dataset.chart ?? '');
      const drawn = this.drawn.get(box);
      if (!spec || drawn?.spec === spec) continue;
      if (drawn) this.remove(box, drawn);
      const plot = this.create(box, spec);
      this.drawn.set(box, { plot, spec });
      this.resize.observe(box);
    }
  }

  /** Drops every chart; the next update draws them again with fresh colours. */
  private clear(): void {
    for (const [box, drawn] of this.drawn) this.remove(box, drawn);
    if (this.host.isConnected) this.host.requestUpdate();
  }

  private remove(box: HTMLElement, drawn: Drawn): void {
    this.resize.unobserve(box);
    drawn.plot.destroy();
    this.drawn.delete(box);
  }

  private create(box: HTMLElement, spec: ChartSpec): uPlot {
    const style = getComputedStyle(box);
    const colour = (name: string) => style.getPropertyValue(name).trim() || style.color;
    const text = colour('--_chart-text');
    const grid = colour('--_chart-grid');
    const font = `12px ${style.fontFamily}`;
    const { number, day, axisDay } = this.format();
    const rtl = style.direction === 'rtl';
    const axis = (extra: uPlot.Axis = {}): uPlot.Axis => ({
      stroke: text,
      font,
      grid: { stroke: grid, width: 1 },
      ticks: { stroke: grid, width: 1 },
      ...extra,
    });
    const yAxis = axis({ size: 52, side: rtl ? 1 : 3, values: (_u, splits) => splits.map(number) });
    const legend: uPlot.Legend = { live: false };
    const dayOf = (ts: number) => new Date(ts * 1000).toISOString().slice(0, 10);
    // Whole steps for counts: no "0.5 shares" on an axis.
    const yScale: uPlot.Scale = { range: (_u, _min, max) => [0, max > 0 ? max : 1] };
    const counts: number[] = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6, 1e7, 1e8];
    const width = Math.max(200, Math.floor(box.clientWidth));
    // Scores of 5: half-points around the values, so a move from 4.3 to 4.4 shows.
    const scoreScale: uPlot.Scale = {
      range: (_u, min, max) => (min === null || max === null ? [0, 5] : [Math.max(0, Math.floor(min * 2 - 1) / 2), Math.min(5, Math.ceil(max * 2 + 1) / 2)]),
    };
    const scores5: number[] = [0.1, 0.2, 0.25, 0.5, 1];

    if (spec.kind === 'line') {
      const xs = spec.days.map((d) => Date.parse(`${d}T00:00:00Z`) / 1000);
      const options: uPlot.Options = {
        width,
        height: HEIGHT,
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'),
        cursor: { drag: { x: false, y: false }, points: { size: 7 } },
        legend,
        scales: { x: { time: true, dir: rtl ? -1 : 1 }, y: spec.scale === 'score' ? scoreScale : yScale },
        // Whole days only: one label per tick, in the element's language.
        axes: [
          axis({ space: 60, incrs: [1, 2, 7, 14, 28].map((n) => n * DAY_S), values: (_u, splits) => splits.map((ts) => axisDay(dayOf(ts))) }),
          { ...yAxis, incrs: spec.scale === 'score' ? scores5 : counts },
        ],
        series: [
          { label: spec.dayLabel, value: (_u, v) => (v === null || v === undefined ? '' : day(dayOf(v))) },
          ...spec.series.map((s, i) => ({
            label: s.label,
            stroke: colour(`--_series-${i + 1}`),
            width: 2,
            dash: DASHES[i % DASHES.length]!,
            points: { show: spec.days.length <= 45, size: 5 },
            value: (_u: uPlot, v: number | null) => (v === null || v === undefined ? '–' : number(v)),
          })),
        ],
      };
      // A single day still gets an x range uPlot can draw.
      if (xs.length === 1) options.scales!.x = { time: true, dir: rtl ? -1 : 1, range: [xs[0]! - DAY_S / 2, xs[0]! + DAY_S / 2] };
      return new uPlot(options, [xs, ...spec.series.map((s) => s.values)], box);
    }

    const scores = Array.from({ length: 11 }, (_, i) => i);
    const group = (from: number, to: number) => scores.map((s) => (s >= from && s <= to ? (spec.scores[s] ?? 0) : null));
    const bars = uPlot.paths.bars!({ size: [0.7, 48] });
    const barSeries = (label: string, name: string): uPlot.Series => ({
      label,
      fill: colour(name),
      stroke: colour(name),
      width: 0,
      paths: bars,
      points: { show: false },
      value: (_u, v) => (v === null || v === undefined ? '–' : number(v)),
    });
    return new uPlot(
      {
        width,
        height: HEIGHT,
        cursor: { drag: { x: false, y: false }, points: { show: false } },
        legend,
        scales: { x: { time: false, dir: rtl ? -1 : 1, range: [-0.6, 10.6] }, y: yScale },
        axes: [
          axis({ grid: { show: false }, splits: () => scores, values: (_u, splits) => splits.map(number) }),
          { ...yAxis, incrs: counts },
        ],
        series: [
          { label: spec.scoreLabel, value: (_u, v) => (v === null || v === undefined ? '' : String(v)) },
          barSeries(spec.labels[0], '--_nps-detractor'),
          barSeries(spec.labels[1], '--_nps-passive'),
          barSeries(spec.labels[2], '--_nps-promoter'),
        ],
      },
      [scores, group(0, 6), group(7, 8), group(9, 10)],
      box,
    );
  }
}
