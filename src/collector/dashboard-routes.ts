/**
 * What the collector adds for `<zmot-dashboard>` (docs/dashboard.md):
 * - `GET /v1/sites` (owner token): the sites it knows, for the dashboard's site picker;
 * - the built browser files, served by the collector itself so an installed package needs no build step:
 *   `/zmot-dashboard.js` (the page at `/` loads it) and the drop-in `/zmot.js` and `/zmot.iife.js` (the
 *   snippet an empty dashboard shows, and beside which the drop-in's `<zmot-dashboard>` loader finds the
 *   dashboard) with what the drop-in loads from beside itself: `/chunks/*`, `/locales/*` (the messages of a
 *   page in another language than English) and `/zmot.css`, each script with its source map. They are public
 *   code, readable from any origin, compressed once (brotli and gzip, static.ts), hashed chunks cached for a year.
 */
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SiteInfo, SitesAnswer } from '../report/types.js';
import type { SiteAccess } from './access.js';
import { sendBuilt } from './static.js';
import type { Store } from './store/types.js';
import { tokenRequired } from './owner.js';

export const BROWSER_FILES = ['zmot.js', 'zmot.iife.js', 'zmot-dashboard.js'] as const;

/** The package's `dist/`: this file runs from `src/collector/` (tsx) or `dist/node/collector/` (built). */
export function distDir(): string {
  const up = fileURLToPath(new URL('../../', import.meta.url));
  return basename(up) === 'dist' ? up : join(up, 'dist');
}

export interface DashboardRoutesOptions {
  store: Store;
  access: SiteAccess;
  /** True when the request carries the owner's token. */
  authorised: (request: FastifyRequest) => boolean;
  /** Where the browser files are; default `distDir()`. */
  dist?: string;
}

/** Sites with events, and the named sites that have none yet, by id. */
export async function listSites(store: Store, access: SiteAccess): Promise<SiteInfo[]> {
  const sites = new Map<string, SiteInfo>();
  for (const id of access.named) sites.set(id, { id, first: null, last: null });
  for (const site of await store.sites()) sites.set(site.id, { id: site.id, first: site.first, last: site.last });
  return [...sites.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function sendFile(request: FastifyRequest, reply: FastifyReply, path: string, type: string) {
  return sendBuilt(request, reply, path, type);
}

export async function dashboardRoutes(app: FastifyInstance, options: DashboardRoutesOptions): Promise<void> {
  const dist = options.dist ?? distDir();

  app.get('/v1/sites', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    if (!options.authorised(request)) {
      return tokenRequired(reply);
    }
    const answer: SitesAnswer = { sites: await listSites(options.store, options.access) };
    return answer;
  });

  for (const file of BROWSER_FILES) {
    app.get(`/${file}`, (request, reply) => sendFile(request, reply, join(dist, file), 'text/javascript; charset=utf-8'));
    app.get(`/${file}.map`, (request, reply) => sendFile(request, reply, join(dist, `${file}.map`), 'application/json; charset=utf-8'));
  }
  app.get('/zmot.css', (request, reply) => sendFile(request, reply, join(dist, 'zmot.css'), 'text/css; charset=utf-8'));
  // What zmot.js imports from beside itself: the chunks (each element's code, and what the elements share) and
  // the locales (a language's messages, for a page that is not in English).
  for (const folder of ['chunks', 'locales']) {
    app.get<{ Params: { file: string } }>(`/${folder}/:file`, (request, reply) => {
      const { file } = request.params;
      if (!/^[\w-]+\.js(\.map)?$/.test(file)) return reply.code(404).send({ error: `${file}: no such file` });
      const type = file.endsWith('.map') ? 'application/json; charset=utf-8' : 'text/javascript; charset=utf-8';
      return sendFile(request, reply, join(dist, folder, file), type);
    });
  }
}
