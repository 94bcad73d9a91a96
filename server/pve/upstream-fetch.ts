// A fetch-style call to one upstream (Proxmox VE, or PBS for the session checks) over the deck's verifying agent
// (pinned, or CA-checked), with the deck's bounded waits (limits/upstream-timeouts.ts): to connect, to the answer's
// headers, and of silence inside its body. Every failure names the upstream; a timeout is an UpstreamTimeoutError.
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import type { Fetch } from '@/lib/pve-deck';
import type { PbsTarget } from '../config.ts';
import { connectTimeoutError, startUpstream, type UpstreamTimeouts } from '../limits/upstream-timeouts.ts';
import { UpstreamCertificateError, createUpstreamAgent } from '../pin.ts';

export interface Upstream {
  fetch: Fetch;
  /** the origin requests are addressed to */
  origin: string;
  close(): void;
}

export function createUpstreamFetch(target: PbsTarget, name: string, timeouts: UpstreamTimeouts): Upstream {
  const server = `${name} at ${target.url.host}`;
  const agent = createUpstreamAgent(target, {
    ms: timeouts.connectMs,
    error: () => connectTimeoutError(server, timeouts),
  });
  const send = target.url.protocol === 'https:' ? https.request : http.request;

  const fetch: Fetch = async (request) => {
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    request.headers.forEach((v, k) => (headers[k] = v));
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : null;
    if (body) headers['content-length'] = String(body.length);
    return new Promise<Response>((resolve, reject) => {
      const req = startUpstream(
        () =>
          send({
            agent,
            protocol: target.url.protocol,
            hostname: target.url.hostname.replace(/^\[|\]$/g, ''),
            port: target.url.port || (target.url.protocol === 'https:' ? 443 : 80),
            method: request.method,
            path: url.pathname + url.search,
            headers,
          }),
        { server, timeouts },
      );
      req.on('error', (err) =>
        reject(
          err instanceof UpstreamCertificateError
            ? new Error(`${name}: ${err.message}`)
            : err.message.startsWith(server)
              ? err
              : new Error(`${server}: ${err.message}`),
        ),
      );
      req.on('response', (up) => {
        const out = new Headers();
        for (const [k, v] of Object.entries(up.headers)) {
          if (Array.isArray(v)) v.forEach((x) => out.append(k, x));
          else if (v !== undefined) out.set(k, v);
        }
        const empty = request.method === 'HEAD' || up.statusCode === 204 || up.statusCode === 304;
        if (empty) up.resume();
        // silence inside the answer ends its stream in an error, which cuts the browser's answer short
        resolve(
          new Response(empty ? null : (Readable.toWeb(up) as unknown as ReadableStream<Uint8Array>), {
            status: up.statusCode ?? 502,
            statusText: up.statusMessage ?? '',
            headers: out,
          }),
        );
      });
      req.end(body ?? undefined);
    });
  };
  return { fetch, origin: target.url.origin, close: () => agent.destroy() };
}
