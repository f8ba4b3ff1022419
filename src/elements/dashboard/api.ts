/**
 * The dashboard's calls to a collector: `GET /v1/sites`, `GET /v1/metrics`, `GET /v1/comments`,
 * `POST /v1/comments/{id}/handled`, `GET /v1/reviews` and `POST /v1/reviews/{id}/approve|reject|reply`
 * (contract section 8), with the owner's token in the
 * `Authorization` header (never in a URL). Failures become a `DashboardApiError` whose `reason` picks the
 * state the dashboard shows.
 */
import type { CommentItem, CommentsAnswer, ModeratedReview, NpsGroup, RejectReason, ReputationAnswer, Report, ReviewsAnswer, ReviewStatus, SiteInfo, SitesAnswer } from '../../report/types.js';
import type { Period } from './period.js';

/**
 * `unauthorized`: the token was refused (401/403). `unreachable`: no answer, a network or CORS failure, a
 * timeout or a 5xx. `invalid`: an answer that is not a zmot collector's, or another refusal (404, 409 …) with its
 * status. `request`: the collector refused the question (400), with its reason.
 */
export type ApiErrorReason = 'unauthorized' | 'unreachable' | 'invalid' | 'request';

export class DashboardApiError extends Error {
  override name = 'DashboardApiError';
  constructor(
    readonly reason: ApiErrorReason,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Milliseconds before a call is given up as unreachable. */
export const TIMEOUT = 15_000;

/** The collector's base URL, ending in `/`: `src` resolved against the page, else the page's folder. */
export function collectorBase(src: string | undefined, baseURI: string): string {
  const url = new URL(src || '.', baseURI);
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

async function getJson(base: string, path: string, params: Record<string, string>, token: string, signal: AbortSignal, post?: string): Promise<unknown> {
  const url = new URL(path, base);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), TIMEOUT);
  const abort = () => timeout.abort();
  signal.addEventListener('abort', abort);
  let response: Response;
  try {
    response = await fetch(url, {
      ...(post === undefined ? {} : { method: 'POST', body: post }),
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      cache: 'no-store',
      credentials: 'omit',
      signal: timeout.signal,
    });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new DashboardApiError('unreachable', timeout.signal.aborted ? 'timeout' : String(error));
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abort);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const message = typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'string' ? (body as { error: string }).error : '';
  if (response.status === 401 || response.status === 403) throw new DashboardApiError('unauthorized', message, response.status);
  if (response.status >= 500) throw new DashboardApiError('unreachable', message || `HTTP ${response.status}`, response.status);
  if (response.status === 400) throw new DashboardApiError('request', message || 'bad request', 400);
  if (!response.ok || body === undefined) throw new DashboardApiError('invalid', message || `HTTP ${response.status}`, response.status);
  return body;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function isMetrics(value: unknown): boolean {
  return isRecord(value) && isRecord(value.zmot) && isRecord(value.umot) && isRecord((value.umot as Record<string, unknown>).nps);
}

/** The sites the collector knows; `undefined` when it has no site list (a collector older than the dashboard). */
export async function fetchSites(base: string, token: string, signal: AbortSignal): Promise<SiteInfo[] | undefined> {
  try {
    const body = await getJson(base, 'v1/sites', {}, token, signal);
    if (!isRecord(body) || !Array.isArray(body.sites)) throw new DashboardApiError('invalid', 'no sites list');
    return (body as unknown as SitesAnswer).sites.filter((s) => isRecord(s) && typeof s.id === 'string');
  } catch (error) {
    if (error instanceof DashboardApiError && error.status === 404) return undefined;
    throw error;
  }
}

export interface ReportQuery extends Period {
  site: string;
  product?: string | undefined;
  breakdown?: string;
}

export async function fetchReport(base: string, token: string, query: ReportQuery, signal: AbortSignal): Promise<Report> {
  const params: Record<string, string> = { site: query.site, from: query.from, to: query.to };
  if (query.product) params.product = query.product;
  if (query.breakdown) params.breakdown = query.breakdown;
  const body = await getJson(base, 'v1/metrics', params, token, signal);
  if (!isRecord(body) || !isMetrics(body.total) || !Array.isArray(body.days) || !body.days.every(isMetrics)) {
    throw new DashboardApiError('invalid', 'not a zmot report');
  }
  return body as unknown as Report;
}

export interface CommentsQuery extends Period {
  site: string;
  product?: string | undefined;
  group?: NpsGroup | undefined;
  limit: number;
}

const isComment = (value: unknown): value is CommentItem =>
  isRecord(value) && typeof value.id === 'string' && typeof value.score === 'number' && typeof value.comment === 'string' && typeof value.product === 'string' && typeof value.date === 'string' && typeof value.handled === 'boolean';

/** What customers said: the period's NPS comments, newest first (contract section 9). */
export async function fetchComments(base: string, token: string, query: CommentsQuery, signal: AbortSignal): Promise<CommentsAnswer> {
  const params: Record<string, string> = { site: query.site, from: query.from, to: query.to, limit: String(query.limit) };
  if (query.product !== undefined) params.product = query.product;
  if (query.group) params.group = query.group;
  const body = await getJson(base, 'v1/comments', params, token, signal);
  if (!isRecord(body) || !Array.isArray(body.comments) || !body.comments.every(isComment) || typeof body.total !== 'number') {
    throw new DashboardApiError('invalid', 'not a zmot comments answer');
  }
  return body as unknown as CommentsAnswer;
}

/** Marks a comment as followed up, or takes the mark back; resolves to the comment as stored. */
export async function markHandled(base: string, token: string, id: string, handled: boolean, signal: AbortSignal): Promise<CommentItem> {
  const body = await getJson(base, `v1/comments/${encodeURIComponent(id)}/handled`, {}, token, signal, JSON.stringify({ handled }));
  if (!isComment(body)) throw new DashboardApiError('invalid', 'not a zmot comment');
  return body;
}

/** How the scores moved: the reputation snapshots of the period (`GET /v1/reputation`). */
export async function fetchReputation(base: string, token: string, query: ReportQuery, signal: AbortSignal): Promise<ReputationAnswer> {
  const params: Record<string, string> = { site: query.site, from: query.from, to: query.to };
  if (query.product) params.product = query.product;
  const body = await getJson(base, 'v1/reputation', params, token, signal);
  if (!isRecord(body) || !Array.isArray(body.products)) throw new DashboardApiError('invalid', 'not a zmot reputation answer');
  return body as unknown as ReputationAnswer;
}

export interface ReviewsQuery {
  site: string;
  status: ReviewStatus;
  product?: string | undefined;
  limit: number;
  offset: number;
}

const isReview = (value: unknown): value is ModeratedReview =>
  isRecord(value) &&
  typeof value.id === 'string' &&
  typeof value.rating === 'number' &&
  typeof value.body === 'string' &&
  typeof value.status === 'string' &&
  isRecord(value.author) &&
  typeof value.author.name === 'string' &&
  Array.isArray(value.history);

/** Collected reviews with their moderation state and history, newest first (`GET /v1/reviews`, contract section 8). */
export async function fetchReviews(base: string, token: string, query: ReviewsQuery, signal: AbortSignal): Promise<ReviewsAnswer> {
  const params: Record<string, string> = { site: query.site, status: query.status, limit: String(query.limit), offset: String(query.offset) };
  if (query.product) params.product = query.product;
  const body = await getJson(base, 'v1/reviews', params, token, signal);
  if (!isRecord(body) || !Array.isArray(body.reviews) || !body.reviews.every(isReview) || typeof body.total !== 'number') {
    throw new DashboardApiError('invalid', 'not a zmot reviews answer');
  }
  return body as unknown as ReviewsAnswer;
}

/** A moderation: approve, reject for a reason of the fixed list, or reply as the merchant. */
export type Moderation = { action: 'approve' } | { action: 'reject'; reason: RejectReason } | { action: 'reply'; body: string };

/** Sends a moderation (`POST /v1/reviews/{id}/approve|reject|reply`); resolves to the review as stored. */
export async function moderate(base: string, token: string, id: string, moderation: Moderation, signal: AbortSignal): Promise<ModeratedReview> {
  const { action, ...fields } = moderation;
  const body = await getJson(base, `v1/reviews/${encodeURIComponent(id)}/${action}`, {}, token, signal, JSON.stringify(fields));
  if (!isReview(body)) throw new DashboardApiError('invalid', 'not a zmot review');
  return body;
}
