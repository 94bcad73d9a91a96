import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendText } from './backend.ts';
import { allowlistedPath, sendEmbedAnswer, type EmbedAccess } from './embed-reader.ts';
import type { EmbedSession } from './embed-session.ts';

/**
 * /embed-api/api2/json/…: the embed entry's read-only window on PBS. The request is judged on the
 * target exactly as the browser sent it (before any decoding or dot resolution), and only an
 * allowlisted GET is read from PBS, with the server's token and nothing of the browser's request.
 */
export function createEmbedApi(access: EmbedAccess | null, session: EmbedSession | null = null) {
  return (req: IncomingMessage, res: ServerResponse, pathname = ''): void => {
    // Without a token, in front of a real PBS: the frame logs in itself (embed-session.ts).
    if (!access && session) {
      session.handle(req, res, pathname);
      return;
    }
    if (!access) {
      sendText(res, 404, 'the embed API is off: set EMBED_TOKEN to a read-only PBS API token (see docs/deployment.md)');
      return;
    }
    const path = allowlistedPath(req, res);
    if (path === null) return;
    access.read(path).then(
      (answer) => {
        // Defence in depth: an answer that somehow carries the token's secret never leaves.
        const secret = access.secret();
        if (secret && answer.body.includes(secret)) {
          sendText(res, 502, 'refused: the answer from PBS contained the embed token');
          return;
        }
        sendEmbedAnswer(req, res, answer);
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
