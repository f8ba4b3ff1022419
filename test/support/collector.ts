// A collector's answers for the dashboard's browser tests (msw): acme's sites, reports (the previous period's
// numbers before `from`, a breakdown when asked), live counts, reputation and comments.
import { http, HttpResponse, type RequestHandler } from 'msw';
import { BREAKDOWN, commentsAnswer, CURRENT, liveAnswer, PREVIOUS, report, reputationAnswer } from './reports.js';
import { worker } from './msw.js';

/** Serves the collector at `src`; a test's `own` handlers come first, so they answer instead of these. */
export function serveCollector(src: string, from: string, ...own: RequestHandler[]): void {
  worker.use(
    ...own,
    http.get(`${src}v1/sites`, () => HttpResponse.json({ sites: [{ id: 'acme', first: '2026-01-01', last: '2026-03-30' }] })),
    http.get(`${src}v1/metrics`, ({ request }) => {
      const url = new URL(request.url);
      const site = url.searchParams.get('site') ?? 'acme';
      const start = url.searchParams.get('from')!;
      const to = url.searchParams.get('to')!;
      return HttpResponse.json(report(site, start, to, to < from ? PREVIOUS : CURRENT, url.searchParams.get('breakdown') ? BREAKDOWN : undefined));
    }),
    http.get(`${src}v1/live`, () => HttpResponse.json(liveAnswer())),
    http.get(`${src}v1/reputation`, ({ request }) => HttpResponse.json(reputationAnswer(new URL(request.url)))),
    http.get(`${src}v1/comments`, ({ request }) => HttpResponse.json(commentsAnswer(new URL(request.url)))),
  );
}
