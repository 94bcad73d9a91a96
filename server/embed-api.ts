import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkEmbedRequest } from '@/lib/embed-allowlist';
import { sendText } from './backend.ts';
import type { EmbedAccess } from './embed-reader.ts';

/**
 * /embed-api/api2/json/…: the embed entry's read-only window on PBS. The request is judged on the
 * target exactly as the browser sent it (before any decoding or dot resolution), and only an
 * allowlisted GET is read from PBS, with the server's token and nothing of the browser's request.
 */
export function createEmbedApi(access: EmbedAccess | null) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (!access) {
      sendText(res, 404, 'the embed API is off: set EMBED_TOKEN to a read-only PBS API token (see docs/deployment.md)');
      return;
    }
    const target = req.url ?? '';
    const q = target.indexOf('?');
    const check = checkEmbedRequest(req.method ?? '', q < 0 ? target : target.slice(0, q), q < 0 ? '' : target.slice(q + 1));
    if (!check.ok) {
      if (check.status === 405) res.setHeader('allow', 'GET, HEAD');
      sendText(res, check.status, check.message);
      return;
    }
    access.read(check.path).then(
      (answer) => {
        // Defence in depth: an answer that somehow carries the token's secret never leaves.
        const secret = access.secret();
        if (secret && answer.body.includes(secret)) {
          sendText(res, 502, 'refused: the answer from PBS contained the embed token');
          return;
        }
        const headers: Record<string, string> = {
          'content-type': answer.contentType,
          'content-length': String(answer.body.length),
          'cache-control': 'no-store',
        };
        if (answer.date) headers.date = answer.date;
        res.writeHead(answer.status, headers);
        res.end(req.method === 'HEAD' ? undefined : answer.body);
      },
      (err: unknown) => sendText(res, 502, err instanceof Error ? err.message : 'cannot reach PBS'),
    );
  };
}

/** The secret part of a `user@realm!name:secret` token, to make sure it is never sent back. */
export function tokenSecret(token: string | null): string | null {
  if (!token) return null;
  const i = token.indexOf(':');
  return i < 0 ? null : token.slice(i + 1);
}
