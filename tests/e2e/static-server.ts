import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
};

/**
 * A plain static file server, as any web host would serve the demo build: files as they are,
 * index.html for unknown paths, nothing else (no /api2, no deck server).
 */
export async function serveStatic(
  dir: string,
): Promise<{ url: string; close: () => Promise<void>; apiRequests: () => number }> {
  let api = 0;
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/api2/')) api++;
    const rel = path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = path.join(dir, rel);
    const target = file.startsWith(dir) && path.extname(file) ? file : path.join(dir, 'index.html');
    try {
      const body = await readFile(target);
      res.writeHead(200, { 'content-type': types[path.extname(target)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
    apiRequests: () => api,
  };
}
