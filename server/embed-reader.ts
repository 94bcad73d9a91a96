import http from 'node:http';
import https from 'node:https';
import type { PbsTarget } from './config.ts';
import { UpstreamCertificateError, createUpstreamAgent } from './pin.ts';

/**
 * Reads PBS below /api2/json with the embed token, for /embed-api/ and the badges. `path` has
 * already passed the allowlist; it carries its query. Answers are small (lists, status), so they
 * are buffered: the token can then be looked for before anything goes back to a browser.
 */
export type EmbedReader = (path: string) => Promise<EmbedAnswer>;

/** How this deck reads PBS for the embed entry and the badges; null on the backend when that is off. */
export interface EmbedAccess {
  read: EmbedReader;
  /** the token's secret, so no answer can carry it out */
  secret(): string | null;
}

export interface EmbedAnswer {
  status: number;
  contentType: string;
  body: Buffer;
  /** the PBS `Date` header, when it sent one */
  date: string | null;
}

const TIMEOUT_MS = 15_000;

export function createPbsEmbedReader(target: PbsTarget, token: string): EmbedReader & { close(): void } {
  const agent = createUpstreamAgent(target);
  const request = target.url.protocol === 'https:' ? https.request : http.request;
  const read = (path: string) =>
    new Promise<EmbedAnswer>((resolve, reject) => {
      const upstream = request(
        {
          agent,
          protocol: target.url.protocol,
          hostname: target.url.hostname.replace(/^\[|\]$/g, ''),
          port: target.url.port || (target.url.protocol === 'https:' ? 443 : 80),
          method: 'GET',
          path: `/api2/json${path}`,
          // Nothing of the browser's request: no cookie, no Origin, only the server-held token.
          headers: { accept: 'application/json', authorization: `PBSAPIToken=${token}` },
          timeout: TIMEOUT_MS,
        },
        (up) => {
          const chunks: Buffer[] = [];
          up.on('data', (c: Buffer) => chunks.push(c));
          up.on('end', () =>
            resolve({
              status: up.statusCode ?? 502,
              contentType: String(up.headers['content-type'] ?? 'application/json'),
              body: Buffer.concat(chunks),
              date: up.headers.date ?? null,
            }),
          );
          up.on('error', reject);
        },
      );
      upstream.on('timeout', () => upstream.destroy(new Error('PBS did not answer in time')));
      upstream.on('error', (err) =>
        reject(err instanceof UpstreamCertificateError ? err : new Error(`cannot reach PBS at ${target.url.host}: ${err.message}`)),
      );
      upstream.end();
    });
  return Object.assign(read, { close: () => agent.destroy() });
}

/** The same for a web Response (the simulator answers through msw's getResponse). */
export async function answerFromResponse(response: Response): Promise<EmbedAnswer> {
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? 'application/json',
    body: Buffer.from(await response.arrayBuffer()),
    date: response.headers.get('date'),
  };
}
