import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import { checkEmbedRequest } from '@/lib/embed-allowlist';
import type { PbsTarget } from '../config.ts';
import { UpstreamCertificateError, createUpstreamAgent } from '../pin.ts';
import { AnswerTooLargeError, MAX_ANSWER_BYTES } from '../limits/answer-cap.ts';
import {
  UpstreamTimeoutError,
  connectTimeoutError,
  startUpstream,
  type UpstreamTimeouts,
} from '../limits/upstream-timeouts.ts';
import { sendText } from '../send.ts';
import type { EmbedAnswer, EmbedReader } from '../types.ts';

/**
 * Plain requests to PBS below /api2/json, answers buffered up to MAX_ANSWER_BYTES, through the deck's
 * pinned agent. Only the headers the caller names are sent: nothing of a browser's request.
 */
export function createPbsCaller(target: PbsTarget, timeouts: UpstreamTimeouts) {
  const server = `PBS at ${target.url.host}`;
  const agent = createUpstreamAgent(target, {
    ms: timeouts.connectMs,
    error: () => connectTimeoutError(server, timeouts),
  });
  const send = target.url.protocol === 'https:' ? https.request : http.request;
  const call = (method: string, path: string, headers: Record<string, string>, body?: string) =>
    new Promise<EmbedAnswer>((resolve, reject) => {
      const upstream = startUpstream(
        () =>
          send(
            {
              agent,
              protocol: target.url.protocol,
              hostname: target.url.hostname.replace(/^\[|\]$/g, ''),
              port: target.url.port || (target.url.protocol === 'https:' ? 443 : 80),
              method,
              path: `/api2/json${path}`,
              headers: { accept: 'application/json', ...headers },
            },
            (up) => {
              const chunks: Buffer[] = [];
              let size = 0;
              const tooLarge = () => up.destroy(new AnswerTooLargeError(server));
              if (Number(up.headers['content-length']) > MAX_ANSWER_BYTES) tooLarge();
              up.on('data', (c: Buffer) => {
                size += c.length;
                if (size > MAX_ANSWER_BYTES) tooLarge();
                else chunks.push(c);
              });
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
          ),
        { server, timeouts },
      );
      upstream.on('error', (err) =>
        reject(
          err instanceof UpstreamCertificateError ||
            err instanceof UpstreamTimeoutError ||
            err instanceof AnswerTooLargeError
            ? err
            : new Error(`cannot reach ${server}: ${err.message}`),
        ),
      );
      upstream.end(body);
    });
  return { call, close: () => agent.destroy() };
}

export function createPbsEmbedReader(
  target: PbsTarget,
  token: string,
  timeouts: UpstreamTimeouts,
): EmbedReader & { close(): void } {
  const pbs = createPbsCaller(target, timeouts);
  // No cookie, no Origin: only the server-held token.
  const read = (path: string) => pbs.call('GET', path, { authorization: `PBSAPIToken=${token}` });
  return Object.assign(read, { close: pbs.close });
}

/**
 * The path below /api2/json the embed allowlist lets this request read, judged on the target exactly as
 * the browser sent it; null after answering the refusal.
 */
export function allowlistedPath(req: IncomingMessage, res: ServerResponse): string | null {
  const target = req.url ?? '';
  const q = target.indexOf('?');
  const check = checkEmbedRequest(
    req.method ?? '',
    q < 0 ? target : target.slice(0, q),
    q < 0 ? '' : target.slice(q + 1),
  );
  if (check.ok) return check.path;
  if (check.status === 405) res.setHeader('allow', 'GET, HEAD');
  sendText(res, check.status, check.message);
  return null;
}

/** Passes a read on to the browser as PBS answered it (no caching); `cookies` are set with it. */
export function sendEmbedAnswer(
  req: IncomingMessage,
  res: ServerResponse,
  answer: EmbedAnswer,
  cookies: string[] = [],
): void {
  const headers: Record<string, string | string[]> = {
    'content-type': answer.contentType,
    'content-length': String(answer.body.length),
    'cache-control': 'no-store',
  };
  if (answer.date) headers.date = answer.date;
  if (cookies.length) headers['set-cookie'] = cookies;
  res.writeHead(answer.status, headers);
  res.end(req.method === 'HEAD' ? undefined : answer.body);
}
