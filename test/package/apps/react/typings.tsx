// Type-checked only (never bundled): the JSX typings from 'zmot/react' catch wrong values and handlers.
import type {} from 'zmot/react';

export const ok = (
  <zmot-testimonials layout="carousel" sort="highest" minRating={3} onzmot-filter={(event) => event.detail.rating} onzmot-event={(event) => event.detail.type} />
);
// @ts-expect-error: not a variant
export const badVariant = <zmot-rating variant="huge" />;
// @ts-expect-error: limit is a number
export const badLimit = <zmot-testimonials limit="many" />;
// @ts-expect-error: zmot-error's detail has no `score`
export const badHandler = <zmot-rating onzmot-error={(event) => event.detail.score} />;
export const recommend = <zmot-recommend ask="share" cooldown-days={0} onzmot-event={(event) => event.detail.id} />;
export const dashboard = <zmot-dashboard src="https://stats.example" onzmot-export={(event) => event.detail.csv} />;
