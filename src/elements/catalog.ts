/**
 * The one table of zmot's elements. Everything that lists them is derived from it, or checked against it by
 * its type:
 * - the tags the drop-in looks for, and what it loads for each (`src/entries/zmot.ts`);
 * - the classes `zmot/define` registers (`src/elements/registry.ts`);
 * - the space an element takes before its code arrives (`src/reserve.ts`, and so `dist/zmot.css`);
 * - the chunks (`vite.config.ts`): an element's folder is its own chunk, and with `shared` it needs the chunk
 *   every element shares (Lit, the base class and its controllers, feeds), which the drop-in loads beside it.
 * Data only, with no imports: the classic loader (`zmot.iife.js`) and the build read it too.
 */
export interface ElementEntry {
  /** Its folder under `src/elements/`, where its module is `<folder>/<folder>.ts` (the dashboard's: `loader.ts`). */
  readonly folder: string;
  /** The class the module exports. */
  readonly className: string;
  /** It is built on the chunk every element shares (the dashboard's loader is not: it only fetches the dashboard). */
  readonly shared: boolean;
  /**
   * The box it takes while undefined, as CSS declarations by attribute selector (`''` for every instance; later
   * entries win). Without it nothing is reserved: `<zmot-recommend>` takes the size of its question, which
   * depends on its width and language.
   */
  readonly reserve?: Readonly<Record<string, string>>;
}

export const ELEMENTS = {
  'zmot-rating': {
    folder: 'rating',
    className: 'ZmotRating',
    shared: true,
    reserve: {
      '': 'min-block-size:var(--zmot-rating-min-block-size,3.5em)',
      '[variant=full]': 'min-block-size:var(--zmot-rating-min-block-size,calc(5.25em + 220px + var(--zmot-space,.5rem)))',
      '[variant=compact]':
        'display:inline-block;vertical-align:middle;block-size:1.75em;min-block-size:0;min-inline-size:var(--zmot-rating-compact-min-inline-size,11em)',
    },
  },
  'zmot-testimonials': {
    folder: 'testimonials',
    className: 'ZmotTestimonials',
    shared: true,
    reserve: {
      '': 'min-block-size:var(--zmot-testimonials-min-block-size,12em)',
      '[layout=carousel]': 'min-block-size:var(--zmot-testimonials-min-block-size,18em)',
    },
  },
  'zmot-recommend': { folder: 'recommend', className: 'ZmotRecommend', shared: true },
  // Nothing reserved: its height depends on its width, its language and `b2b`, and it is rarely above the fold.
  'zmot-review-form': { folder: 'review-form', className: 'ZmotReviewForm', shared: true },
  'zmot-dashboard': { folder: 'dashboard', className: 'ZmotDashboardLoader', shared: false },
} as const satisfies Record<`zmot-${string}`, ElementEntry>;

export type ZmotTag = keyof typeof ELEMENTS;

export const TAGS = /* @__PURE__ */ Object.keys(ELEMENTS) as ZmotTag[];
