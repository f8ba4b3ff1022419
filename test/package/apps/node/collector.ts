// Type-checked only (never run): the package's types as a Node program sees them, with NodeNext resolution.
import { summarise, type Feed } from 'zmot';
import { createCollector, openStore, type CollectorOptions } from 'zmot/collector';

export const options: Pick<CollectorOptions, 'token'> = { token: 'owner' };
export const start = async () => createCollector({ store: await openStore({ db: ':memory:' }), token: 'owner' });
const feed: Feed = { product: { id: 'p' }, reviews: [] };
export const rating: number = summarise(feed).rating;
// @ts-expect-error: the token is a string
export const wrong: Pick<CollectorOptions, 'token'> = { token: 42 };
