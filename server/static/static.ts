import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import { contentType } from './mime.ts';
import type { StaticHandler } from '../types.ts';

// The built SPA is read once into a Map keyed by URL path. A request can only ever name a key that
// came from walking dist/, so no URL spelling ('../', '%2e%2e', '\\') can reach another file.

type Encoding = 'br' | 'gzip' | 'identity';

interface Representation {
  body: Buffer;
  etag: string;
}

interface Entry {
  type: string;
  cacheControl: string;
  variants: Partial<Record<Encoding, Representation>> & { identity: Representation };
}

const SUFFIX: Record<string, Encoding> = { '.br': 'br', '.gz': 'gzip' };

export function indexDist(root: string): Map<string, Entry> {
  const files = new Map<string, Entry>();
  if (!existsSync(root)) return files;
  const all = walk(root);
  const present = new Set(all);
  for (const file of all) {
    if (SUFFIX[extname(file)] && present.has(file.slice(0, -extname(file).length))) continue;
    const urlPath = '/' + relative(root, file).split(sep).join('/');
    const body = readFileSync(file);
    const hash = createHash('sha256').update(body).digest('base64url').slice(0, 22);
    const entry: Entry = {
      type: contentType(file),
      cacheControl: urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      variants: { identity: { body, etag: `"${hash}"` } },
    };
    for (const [suffix, encoding] of Object.entries(SUFFIX)) {
      if (present.has(file + suffix)) {
        entry.variants[encoding] = { body: readFileSync(file + suffix), etag: `"${hash}-${encoding}"` };
      }
    }
    files.set(urlPath, entry);
  }
  return files;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = join(dir, d.name);
    if (d.isDirectory()) return walk(full);
    return d.isFile() ? [full] : [];
  });
}

export function createStaticHandler(root: string): StaticHandler {
  const files = indexDist(root);
  return (req, res, pathname, spaPage = '/index.html') => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('method not allowed');
      return;
    }
    let entry = files.get(pathname === '/' ? '/index.html' : pathname);
    if (!entry && isSpaRoute(req, pathname)) entry = files.get(spaPage);
    if (!entry) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    send(req, res, entry);
  };
}

/**
 * Client-side routes: whatever a browser navigates to outside /assets/, where a missing x.js stays 404. A route's
 * last segment may hold a dot (a datastore `backup.nas`, a UPID whose worker id has one), so dots decide nothing.
 */
function isSpaRoute(req: IncomingMessage, pathname: string): boolean {
  return !pathname.startsWith('/assets/') && (req.headers.accept ?? '').includes('text/html');
}

function send(req: IncomingMessage, res: ServerResponse, entry: Entry): void {
  const encoding = negotiate(req.headers['accept-encoding'], entry);
  const rep = entry.variants[encoding] ?? entry.variants.identity;
  const headers: Record<string, string> = {
    'content-type': entry.type,
    'cache-control': entry.cacheControl,
    etag: rep.etag,
  };
  if (Object.keys(entry.variants).length > 1) headers.vary = 'Accept-Encoding';
  if (encoding !== 'identity') headers['content-encoding'] = encoding;
  if (etagMatches(req.headers['if-none-match'], rep.etag)) {
    res.writeHead(304, headers).end();
    return;
  }
  headers['content-length'] = String(rep.body.length);
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : rep.body);
}

function negotiate(header: string | undefined, entry: Entry): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (entry.variants.br && ok('br')) return 'br';
  if (entry.variants.gzip && ok('gzip')) return 'gzip';
  return 'identity';
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}
