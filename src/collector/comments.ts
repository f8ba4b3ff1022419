/**
 * What customers said (contract section 9), for the owner's token only:
 * - `GET /v1/comments?site=S[&from=][&to=][&product=][&group=detractor|passive|promoter][&limit=][&offset=]`:
 *   every NPS answer that came with a comment, newest first, with `total` matching the filters;
 * - `POST /v1/comments/{id}/handled`: marks one as followed up; a JSON body `{"handled": false}` takes the mark back.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NPS_GROUPS, type CommentsAnswer, type NpsGroup } from '../report/types.js';
import { QueryError, resolveRange, siteParam } from './metrics.js';
import type { CommentQuery, Store } from './store/types.js';
import { tokenRequired } from './owner.js';

export const DEFAULT_COMMENTS = 100;
export const MAX_COMMENTS = 1000;

export interface CommentRoutesOptions {
  store: Store;
  /** True when the request carries the owner's token. */
  authorised: (request: FastifyRequest) => boolean;
  now: () => number;
}

function count(value: string | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > max) throw new QueryError(`${name}: must be an integer from 0 to ${max}`);
  return n;
}

/** The question of a `GET /v1/comments` query string; a QueryError names the field that is wrong. */
export function parseCommentQuery(query: Record<string, string | undefined>, now: number): CommentQuery {
  const site = siteParam(query.site);
  const group = query.group || undefined;
  if (group !== undefined && !(NPS_GROUPS as readonly string[]).includes(group)) {
    throw new QueryError(`group: must be one of ${NPS_GROUPS.join(', ')}`);
  }
  return {
    site,
    ...resolveRange(query.from, query.to, now),
    product: query.product || undefined,
    group: group as NpsGroup | undefined,
    limit: Math.max(1, count(query.limit, 'limit', DEFAULT_COMMENTS, MAX_COMMENTS)),
    offset: count(query.offset, 'offset', 0, 1_000_000),
  };
}

export async function commentRoutes(app: FastifyInstance, options: CommentRoutesOptions): Promise<void> {
  const { store, authorised, now } = options;
  // A body is read as text whatever its content type, and parsed below, so every problem gets our answer.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 65_536 }, (_request, body, done) => done(null, body));

  app.get('/v1/comments', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    if (!authorised(request)) return tokenRequired(reply);
    let query: CommentQuery;
    try {
      query = parseCommentQuery(request.query as Record<string, string | undefined>, now());
    } catch (error) {
      if (error instanceof QueryError) return reply.code(400).send({ error: error.message });
      throw error;
    }
    const answer: CommentsAnswer = await store.comments(query);
    return answer;
  });

  app.post<{ Params: { id: string } }>('/v1/comments/:id/handled', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    if (!authorised(request)) return tokenRequired(reply);
    let handled = true;
    const text = typeof request.body === 'string' ? request.body.trim() : '';
    if (text) {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return reply.code(400).send({ error: 'body: not JSON; send nothing, or {"handled": true|false}' });
      }
      const value = typeof body === 'object' && body !== null ? (body as { handled?: unknown }).handled : undefined;
      if (typeof value !== 'boolean') return reply.code(400).send({ error: 'handled: must be true or false' });
      handled = value;
    }
    const comment = await store.markHandled(request.params.id.toLowerCase(), handled, now());
    if (!comment) return reply.code(404).send({ error: `no comment with id ${JSON.stringify(request.params.id)}` });
    return comment;
  });
}
