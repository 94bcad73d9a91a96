import type { IncomingMessage, ServerResponse } from 'node:http';
import { allowlistedPath, sendEmbedAnswer } from './embed-reader.ts';
import { AnswerTooLargeError, MAX_ANSWER_BYTES } from '../limits/answer-cap.ts';
import { upstreamFailureStatus } from '../limits/upstream-timeouts.ts';
import { sendText } from '../send.ts';
import type { EmbedAccess, EmbedSession } from '../types.ts';

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
        // Readers of a real PBS stop at the cap; this also holds for one that hands over whole answers.
        if (answer.body.length > MAX_ANSWER_BYTES) {
          sendText(res, 502, new AnswerTooLargeError('the backup server').message);
          return;
        }
        const secret = access.secret();
        if (secret && answer.body.includes(secret)) {
          sendText(res, 502, 'refused: the answer from PBS contained the embed token');
          return;
        }
        sendEmbedAnswer(req, res, answer);
      },
      (err: unknown) =>
        sendText(res, upstreamFailureStatus(err), err instanceof Error ? err.message : 'cannot reach PBS'),
    );
  };
}
