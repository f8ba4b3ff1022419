/**
 * The built browser files the collector serves (`zmot.js`, its chunks and locales, the dashboard), compressed
 * once: the first request for a file reads it and makes its brotli and gzip forms, which are kept in memory
 * (a few hundred KiB for the whole `dist/`) until the file changes on disk. Each answer is the smallest form
 * the client accepts, with `Vary: Accept-Encoding` and an ETag per form. Files whose name carries a content
 * hash (`chunks/elements-3fA9_x1Q.js`) never change, so they are cached for a year, `immutable`.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

type Encoding = 'br' | 'gzip' | 'identity';

interface Forms {
  /** What the file was when these were made: size and modification time. */
  version: string;
  etag: string;
  bodies: Record<Encoding, Buffer>;
}

const cache = new Map<string, Promise<Forms>>();

async function compress(path: string, version: string): Promise<Forms> {
  const body = await readFile(path);
  const [br, gz] = await Promise.all([
    brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    gzipped(body, { level: 9 }),
  ]);
  const etag = createHash('sha256').update(body).digest('base64url').slice(0, 22);
  return { version, etag, bodies: { br, gzip: gz, identity: body } };
}

/** The file's forms, made on first use and again whenever it changes on disk; undefined when it is missing. */
async function formsOf(path: string): Promise<Forms | undefined> {
  let info;
  try {
    info = await stat(path);
  } catch {
    return undefined;
  }
  if (!info.isFile()) return undefined;
  const version = `${info.size}:${info.mtimeMs}`;
  const cached = cache.get(path);
  if (cached) {
    const forms = await cached.catch(() => undefined);
    if (forms?.version === version) return forms;
  }
  const made = compress(path, version);
  cache.set(path, made);
  made.catch(() => cache.delete(path));
  return made;
}

/** The encodings a client accepts, by `Accept-Encoding` (a `q=0` refuses one). */
export function acceptedEncodings(header: string | undefined): Set<Encoding> {
  const accepted = new Set<Encoding>(['identity']);
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (q !== undefined && !(Number(q) > 0)) continue;
    if (name === 'br' || name === 'gzip') accepted.add(name);
    if (name === '*') accepted.add('br').add('gzip');
  }
  return accepted;
}

/** A name with a build hash: `name-<8+ characters of [A-Za-z0-9_-]>.js` (or its `.map`). */
export const HASHED = /-[\w-]{8,}\.js(\.map)?$/;

export const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'public, max-age=300, must-revalidate';

/**
 * Answers with the file at `path` as `type`, compressed as the client allows; 404 when it is not built.
 * `revalidate` is the `Cache-Control` of a file without a hash in its name.
 */
export async function sendBuilt(request: FastifyRequest, reply: FastifyReply, path: string, type: string, revalidate = REVALIDATE): Promise<FastifyReply> {
  const forms = await formsOf(path);
  if (!forms) return reply.code(404).send({ error: `${basename(path)}: not built; run npm run build` });
  const accepted = acceptedEncodings(request.headers['accept-encoding']);
  const encoding = (['br', 'gzip'] as const).filter((e) => accepted.has(e)).sort((a, b) => forms.bodies[a].length - forms.bodies[b].length)[0];
  const use: Encoding = encoding && forms.bodies[encoding].length < forms.bodies.identity.length ? encoding : 'identity';
  const etag = `"${forms.etag}${use === 'identity' ? '' : `-${use}`}"`;
  reply
    .header('access-control-allow-origin', '*')
    .header('cross-origin-resource-policy', 'cross-origin')
    .header('cache-control', HASHED.test(basename(path)) ? IMMUTABLE : revalidate)
    .header('vary', 'Accept-Encoding')
    .header('etag', etag);
  const match = request.headers['if-none-match'];
  if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return reply.code(304).send();
  if (use !== 'identity') reply.header('content-encoding', use);
  return reply.type(type).send(forms.bodies[use]);
}

/** The collector's icon (a star), so pages it serves ask for `/favicon.ico` without a console error. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1f4fd1"/><path fill="#fff" d="M16 5l3.3 6.9 7.5 1-5.5 5.2 1.4 7.5L16 22l-6.7 3.6 1.4-7.5-5.5-5.2 7.5-1z"/></svg>`;

/** Text files worth compressing, by extension, with their types. */
export const TEXT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.html': 'text/html; charset=utf-8',
};

/**
 * The text file a URL under a static folder names, inside its root, or undefined (another kind of file, a
 * folder, a path that would leave the root): those are left to @fastify/static.
 */
export function textFileUnder(root: string, prefix: string, url: string): { path: string; type: string } | undefined {
  const pathname = url.split('?')[0]!;
  if (!pathname.startsWith(prefix)) return undefined;
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice(prefix.length));
  } catch {
    return undefined;
  }
  const type = TEXT_TYPES[extname(relative)];
  if (!type || relative.includes('\0')) return undefined;
  const path = resolve(root, `.${sep}${relative}`);
  return path.startsWith(resolve(root) + sep) ? { path, type } : undefined;
}
