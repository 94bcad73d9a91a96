// A fetch-style call to one upstream (Proxmox VE, or PBS for the session checks) over the deck's verifying agent
// (pinned, or CA-checked), with bounded waits: 10 s to connect (the agent), `timeoutMs` to the answer's headers,
// and `timeoutMs` of silence inside its body. Every failure names the upstream.
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import type { Fetch } from '@/lib/pve-deck';
import type { PbsTarget } from '../config.ts';
import { UpstreamCertificateError, createUpstreamAgent } from '../pin.ts';

export interface Upstream {
  fetch: Fetch;
  /** the origin requests are addressed to */
  origin: string;
  close(): void;
}

export function createUpstreamFetch(target: PbsTarget, name: string, timeoutMs: number): Upstream {
  const agent = createUpstreamAgent(target);
  const send = target.url.protocol === 'https:' ? https.request : http.request;
  const seconds = Math.round(timeoutMs / 1000);

  const fetch: Fetch = async (request) => {
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    request.headers.forEach((v, k) => (headers[k] = v));
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : null;
    if (body) headers['content-length'] = String(body.length);
    return new Promise<Response>((resolve, reject) => {
      const req = send({
        agent,
        protocol: target.url.protocol,
        hostname: target.url.hostname.replace(/^\[|\]$/g, ''),
        port: target.url.port || (target.url.protocol === 'https:' ? 443 : 80),
        method: request.method,
        path: url.pathname + url.search,
        headers,
      });
      const fail = (err: Error) =>
        reject(
          err instanceof UpstreamCertificateError
            ? new Error(`${name}: ${err.message}`)
            : new Error(`${name} at ${target.url.host}: ${err.message}`),
        );
      const headersTimer = setTimeout(
        () => req.destroy(new Error(`no answer within ${seconds} s (PVE_TIMEOUT_S)`)),
        timeoutMs,
      );
      req.on('error', (err) => {
        clearTimeout(headersTimer);
        fail(err);
      });
      req.on('response', (up) => {
        clearTimeout(headersTimer);
        // silence inside the answer: the stream ends in an error, which cuts the browser's answer short
        up.setTimeout(timeoutMs, () =>
          up.destroy(new Error(`${name} at ${target.url.host} went silent for ${seconds} s (PVE_TIMEOUT_S)`)),
        );
        const out = new Headers();
        for (const [k, v] of Object.entries(up.headers)) {
          if (Array.isArray(v)) v.forEach((x) => out.append(k, x));
          else if (v !== undefined) out.set(k, v);
        }
        const empty = request.method === 'HEAD' || up.statusCode === 204 || up.statusCode === 304;
        if (empty) up.resume();
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
