import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import { sendText, type Backend } from './backend.ts';
import type { DeckConfig } from './config.ts';
import { applySecurityHeaders, securityHeaders } from './headers.ts';
import { createStaticHandler } from './static.ts';

export type DeckServer = http.Server | https.Server;

const BACKEND_PATHS = ['/api2/', '/__sim/'];
/** Mounts a later version of the deck serves; until then they must not fall through to the SPA. */
const RESERVED_PATHS = ['/embed-api/', '/pve-api/', '/badge/'];

export function createDeckServer(config: DeckConfig, backend: Backend): DeckServer {
  const serveStatic = createStaticHandler(config.distDir);
  const headers = securityHeaders({ tls: config.tls !== null });

  const route = (req: IncomingMessage, res: ServerResponse) => {
    applySecurityHeaders(res, headers);
    const pathname = requestPath(req.url);
    if (pathname === null) {
      sendText(res, 400, 'bad request');
      return;
    }
    if (pathname === '/healthz') {
      // Only says this process serves; it never calls PBS, so a PBS outage does not restart the deck.
      sendText(res, 200, 'ok');
    } else if (pathname === '/deck/config' || BACKEND_PATHS.some((p) => pathname.startsWith(p))) {
      backend.handle(req, res, pathname);
    } else if (RESERVED_PATHS.some((p) => pathname.startsWith(p))) {
      sendText(res, 404, 'not available on this deck');
    } else {
      serveStatic(req, res, pathname);
    }
  };

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    try {
      route(req, res);
    } catch (e) {
      console.error('request failed:', e);
      if (res.headersSent) res.destroy();
      else sendText(res, 500, 'internal error');
    }
  };
  const server = config.tls ? https.createServer({ cert: config.tls.cert, key: config.tls.key }, listener) : http.createServer(listener);
  server.on('close', () => backend.close());
  return server;
}

/** Decoded path of an origin-form request target, or null when it is not one. */
function requestPath(url: string | undefined): string | null {
  if (!url?.startsWith('/')) return null;
  try {
    // Prefixing keeps '//host/x' a path. The parser resolves '.', '..' and their %2e spellings.
    return decodeURIComponent(new URL(`http://deck${url}`).pathname);
  } catch {
    return null;
  }
}
