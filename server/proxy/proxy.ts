import http, {
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import https from 'node:https';
import { pipeline } from 'node:stream';
import type { PbsTarget } from '../config.ts';
import { UpstreamCertificateError, createUpstreamAgent } from '../pin.ts';
import {
  UpstreamTimeoutError,
  connectTimeoutError,
  startUpstream,
  upstreamFailureStatus,
  type UpstreamTimeouts,
} from '../limits/upstream-timeouts.ts';

// Forwards /api2/ to PBS as the browser sent it, minus everything PBS has no business seeing
// (other cookies of this origin, Origin, Referer, Accept-Encoding: PBS's deflate is ambiguous and
// the deck does not recompress).

const FORWARDED = ['content-type', 'content-length', 'accept', 'authorization', 'csrfpreventiontoken'];
/** The ticket cookie, in PBS 3's client-set form and PBS 4's HttpOnly form. */
const AUTH_COOKIES = new Set(['PBSAuthCookie', '__Host-PBSAuthCookie']);
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

export type ProxyHandler = (req: IncomingMessage, res: ServerResponse) => void;

export function createPbsProxy(target: PbsTarget, timeouts: UpstreamTimeouts): ProxyHandler & { close(): void } {
  const server = `PBS at ${target.url.host}`;
  const agent = createUpstreamAgent(target, {
    ms: timeouts.connectMs,
    error: () => connectTimeoutError(server, timeouts),
  });
  const request = target.url.protocol === 'https:' ? https.request : http.request;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const bodyless = req.method === 'GET' || req.method === 'HEAD';
    const send = (retry: boolean) => {
      const upstream = startUpstream(
        () =>
          request({
            agent,
            protocol: target.url.protocol,
            hostname: target.url.hostname.replace(/^\[|\]$/g, ''),
            port: target.url.port || (target.url.protocol === 'https:' ? 443 : 80),
            method: req.method,
            path: normalizedTarget(req.url ?? '/'),
            headers: requestHeaders(req.headers),
          }),
        // A browser that reads slowly pauses PBS's answer: that silence is not PBS's.
        { server, timeouts, downstreamBusy: () => res.writableNeedDrain },
      );
      upstream.on('response', (up) => {
        res.writeHead(up.statusCode ?? 502, up.statusMessage, responseHeaders(up.headers));
        pipeline(up, res, () => {});
      });
      upstream.on('error', (err: NodeJS.ErrnoException) => {
        if (res.headersSent || res.destroyed) {
          res.destroy();
          return;
        }
        // PBS may close an idle kept-alive connection just as a request is sent on it: a read can
        // safely go again on a fresh one.
        if (retry && bodyless && upstream.reusedSocket && err.code === 'ECONNRESET') {
          send(false);
          return;
        }
        const message =
          err instanceof UpstreamCertificateError || err instanceof UpstreamTimeoutError
            ? err.message
            : `cannot reach ${server}: ${err.message}`;
        res.writeHead(upstreamFailureStatus(err), { 'content-type': 'text/plain; charset=utf-8' }).end(message);
      });
      // The browser went away (closed tab, aborted fetch, ended log follow): stop talking to PBS.
      res.on('close', () => {
        if (!res.writableFinished) upstream.destroy();
      });
      if (bodyless) upstream.end();
      else pipeline(req, upstream, (err) => err && upstream.destroy());
    };
    send(true);
  };
  return Object.assign(handler, { close: () => agent.destroy() });
}

/** '.' and '..' resolved the same way the router saw them, still percent-encoded for PBS. */
function normalizedTarget(url: string): string {
  const parsed = new URL(`http://deck${url}`);
  return parsed.pathname + parsed.search;
}

function requestHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const name of FORWARDED) {
    const value = headers[name];
    if (value !== undefined) out[name] = value;
  }
  const cookie = authCookie(headers.cookie);
  if (cookie) out.cookie = cookie;
  return out;
}

function authCookie(header: string | undefined): string | null {
  if (!header) return null;
  const kept = header
    .split(';')
    .map((c) => c.trim())
    .filter((c) => AUTH_COOKIES.has(c.slice(0, c.indexOf('='))));
  return kept.length ? kept.join('; ') : null;
}

function responseHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const named = new Set(
    String(headers.connection ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase()),
  );
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name) && !named.has(name)) out[name] = value;
  }
  return out;
}
