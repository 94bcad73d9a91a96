import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { DeckConfig } from './config.ts';
import { applySecurityHeaders, embedPageHeaders, securityHeaders } from './headers.ts';
import { sendText } from './send.ts';
import type { Backend, Mounts } from './types.ts';

export type DeckServer = http.Server | https.Server;

const BACKEND_PATHS = ['/api2/', '/__sim/'];

/** The embed entry's pages: its HTML may be framed (FRAME_ANCESTORS); nothing else of the deck may. */
const isEmbedPage = (pathname: string) =>
  pathname === '/embed.html' || pathname === '/embed' || pathname.startsWith('/embed/');

export function createDeckServer(config: DeckConfig, backend: Backend, mounts: Mounts): DeckServer {
  const { serveStatic, embedApi, badges, pveMount } = mounts;
  const headers = securityHeaders({ tls: config.tls !== null });
  const embedHeaders = embedPageHeaders(headers, config.embed.frameAncestors);

  const route = (req: IncomingMessage, res: ServerResponse) => {
    const pathname = requestPath(req.url);
    applySecurityHeaders(res, pathname !== null && isEmbedPage(pathname) ? embedHeaders : headers);
    if (pathname === null) {
      sendText(res, 400, 'bad request');
      return;
    }
    if (pathname === '/healthz') {
      // Only says this process serves; it never calls PBS, so a PBS outage does not restart the deck.
      sendText(res, 200, 'ok');
    } else if (pathname === '/deck/config' || BACKEND_PATHS.some((p) => pathname.startsWith(p))) {
      backend.handle(req, res, pathname);
    } else if (pathname.startsWith('/embed-api/')) {
      embedApi(req, res, pathname);
    } else if (pathname.startsWith('/badge/')) {
      badges(req, res, pathname);
    } else if (pathname.startsWith('/pve-api/')) {
      if (pveMount) pveMount(req, res);
      else sendText(res, 404, 'guest restore is off on this deck: set PVE_URL and PVE_STORAGE_MAP');
    } else if (isEmbedPage(pathname)) {
      serveStatic(req, res, pathname, '/embed.html');
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
  const server = config.tls
    ? https.createServer({ cert: config.tls.cert, key: config.tls.key }, listener)
    : http.createServer(listener);
  server.on('close', () => {
    backend.close();
    pveMount?.close();
  });
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
