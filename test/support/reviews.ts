// A collector's moderation API for the dashboard's browser tests (msw): GET /v1/reviews and
// POST /v1/reviews/{id}/approve|reject|reply over an in-memory list, as contract section 8 describes them.
import { http, HttpResponse, type RequestHandler } from 'msw';
import { REJECT_REASONS, type ModeratedReview, type RejectReason, type ReviewsAnswer } from '../../src/report/types.js';

/** A hostile review: markup and a formula that must stay text. */
export const HOSTILE = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script> =HYPERLINK("http://evil.example")';

/** Three pending reviews (newest first), one approved with a reply, one rejected. */
export function sampleReviews(): ModeratedReview[] {
  const submitted = (at: string) => [{ at, action: 'submitted' as const }];
  return [
    {
      id: 'r1',
      site: 'acme',
      product: 'sku-42',
      status: 'pending',
      rating: 4,
      title: 'Sturdy and quiet',
      body: 'Runs every night without a sound.\nSecond line.',
      author: { name: 'Anna K.', role: 'Buyer', company: 'Kern GmbH' },
      verification: 'purchase',
      invited: true,
      incentivized: true,
      incentive: '10 % off the next order',
      date: '2026-03-29T09:30:00.000Z',
      history: submitted('2026-03-29T09:30:00.000Z'),
    },
    {
      id: 'r2',
      site: 'acme',
      product: 'sku-7',
      status: 'pending',
      rating: 1,
      body: HOSTILE,
      author: { name: '<b>Mallory</b>' },
      verification: 'none',
      invited: false,
      incentivized: false,
      date: '2026-03-20T12:00:00.000Z',
      history: submitted('2026-03-20T12:00:00.000Z'),
    },
    {
      id: 'r3',
      site: 'acme',
      product: 'sku-42',
      status: 'pending',
      rating: 2,
      title: 'Broke after a week',
      body: 'The lid cracked on day eight; support was kind.',
      author: { name: 'Bo' },
      verification: 'none',
      invited: false,
      incentivized: false,
      date: '2026-03-12T08:00:00.000Z',
      history: submitted('2026-03-12T08:00:00.000Z'),
    },
    {
      id: 'r4',
      site: 'acme',
      product: 'sku-42',
      status: 'approved',
      rating: 5,
      title: 'Best purchase this year',
      body: 'Exactly as described, and fast.',
      author: { name: 'Chen' },
      verification: 'purchase',
      invited: true,
      incentivized: false,
      date: '2026-03-05T10:00:00.000Z',
      reply: { body: 'Thank you, Chen!', date: '2026-03-06T08:00:00.000Z' },
      history: [
        { at: '2026-03-05T10:00:00.000Z', action: 'submitted' },
        { at: '2026-03-05T18:00:00.000Z', action: 'rejected', reason: 'personal-data' },
        { at: '2026-03-06T07:00:00.000Z', action: 'approved' },
        { at: '2026-03-06T08:00:00.000Z', action: 'replied', body: 'Thank you, Chen!' },
      ],
    },
    {
      id: 'r5',
      site: 'acme',
      product: 'sku-7',
      status: 'rejected',
      rating: 5,
      body: 'Buy cheap watches at spam.example, best prices!!!',
      author: { name: 'Spammer' },
      verification: 'none',
      invited: false,
      incentivized: false,
      date: '2026-03-02T10:00:00.000Z',
      reason: 'spam',
      history: [
        { at: '2026-03-02T10:00:00.000Z', action: 'submitted' },
        { at: '2026-03-02T11:00:00.000Z', action: 'rejected', reason: 'spam' },
      ],
    },
  ];
}

export interface Moderated {
  id: string;
  action: string;
  body: unknown;
  authorization: string | null;
}

export interface ReviewsCollector {
  reviews: ModeratedReview[];
  asked: URL[];
  moderated: Moderated[];
}

/**
 * The moderation API over `reviews`; `refuse` answers a moderation instead (a 401, a 400 …). Moving the clock
 * one minute per action keeps the history in order.
 */
export function reviewsHandlers(
  src: string,
  reviews: ModeratedReview[] = sampleReviews(),
  refuse?: (action: string, id: string) => Response | undefined,
): { handlers: RequestHandler[]; state: ReviewsCollector } {
  const state: ReviewsCollector = { reviews, asked: [], moderated: [] };
  let clock = Date.parse('2026-03-30T10:00:00.000Z');
  const handlers = [
    http.get(`${src}v1/reviews`, ({ request }) => {
      const url = new URL(request.url);
      state.asked.push(url);
      const status = url.searchParams.get('status') ?? 'pending';
      const product = url.searchParams.get('product');
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const matching = state.reviews.filter((r) => r.site === url.searchParams.get('site') && r.status === status && (product === null || r.product === product));
      const answer: ReviewsAnswer = { reviews: matching.slice(offset, offset + limit), total: matching.length };
      return HttpResponse.json(answer);
    }),
    http.post(`${src}v1/reviews/:id/:action`, async ({ request, params }) => {
      const id = String(params.id);
      const action = String(params.action);
      const text = await request.text();
      const body: unknown = text ? JSON.parse(text) : undefined;
      state.moderated.push({ id, action, body, authorization: request.headers.get('authorization') });
      const refused = refuse?.(action, id);
      if (refused) return refused;
      const index = state.reviews.findIndex((r) => r.id === id);
      if (index < 0) return HttpResponse.json({ error: `no review with id "${id}"` }, { status: 404 });
      const review = state.reviews[index]!;
      const at = new Date((clock += 60_000)).toISOString();
      let next: ModeratedReview;
      if (action === 'approve') {
        const { reason: _gone, ...rest } = review;
        next = { ...rest, status: 'approved', history: [...review.history, { at, action: 'approved' }] };
      } else if (action === 'reject') {
        const reason = (body as { reason?: string } | undefined)?.reason;
        if (!(REJECT_REASONS as readonly (string | undefined)[]).includes(reason)) {
          return HttpResponse.json({ error: `reason: must be one of ${REJECT_REASONS.join(', ')}` }, { status: 400 });
        }
        next = { ...review, status: 'rejected', reason: reason as RejectReason, history: [...review.history, { at, action: 'rejected', reason: reason as RejectReason }] };
      } else if (action === 'reply') {
        const reply = String((body as { body?: string } | undefined)?.body ?? '').trim();
        if (!reply) return HttpResponse.json({ error: 'body: 1 to 2000 characters' }, { status: 400 });
        next = { ...review, reply: { body: reply, date: at }, history: [...review.history, { at, action: 'replied', body: reply }] };
      } else {
        return HttpResponse.json({ error: 'not found' }, { status: 404 });
      }
      state.reviews[index] = next;
      return HttpResponse.json(next);
    }),
  ];
  return { handlers, state };
}
