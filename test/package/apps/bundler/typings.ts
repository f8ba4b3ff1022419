// Type-checked only (never bundled): the package's types as an app's TypeScript sees them.
import { configure, ZmotRating, type Feed } from 'zmot';
import type { ZmotDashboard } from 'zmot/dashboard';

document.addEventListener('zmot-event', (event) => event.detail.type satisfies string);
document.addEventListener('zmot-error', (event) => event.detail.reason satisfies string);
document.addEventListener('zmot-filter', (event) => event.detail.rating satisfies number | null);
document.addEventListener('zmot-export', (event) => event.detail.csv satisfies string);
// @ts-expect-error: zmot-error's detail has no `score`
document.addEventListener('zmot-error', (event) => event.detail.score);

const rating: ZmotRating = document.createElement('zmot-rating');
rating.variant = 'compact';
// @ts-expect-error: not a variant
rating.variant = 'huge';
export const dashboard: ZmotDashboard | null = document.querySelector('zmot-dashboard-app');
export const feed: Feed = { product: { id: 'p' }, reviews: [] };
configure({ site: 'acme' });
