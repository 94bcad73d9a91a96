import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeTfaChallenge, isTfaTicket } from '@/lib/pbs-ticket';
import { EMBED_LOGIN_NEEDED } from '@/lib/embed-login';
import type { PbsTarget } from '../config.ts';
import { allowlistedPath, sendEmbedAnswer } from './embed-reader.ts';
import { readLoginBody } from './embed-session-body.ts';
import {
  SESSION_COOKIE,
  SESSION_MAX_AGE,
  TFA_COOKIE,
  TFA_MAX_AGE,
  clearCookie,
  crossSiteProblem,
  isSecureRequest,
  readCookie,
  setCookie,
} from './embed-session-cookie.ts';
import { createEmbedPbs, isTicket, ticketAge, ticketUser, type TicketAnswer } from './embed-session-pbs.ts';
import { upstreamFailureStatus, type UpstreamTimeouts } from '../limits/upstream-timeouts.ts';
import { sendJson, sendText } from '../send.ts';
import type { EmbedSession } from '../types.ts';

/*
 * /embed-api/ without EMBED_TOKEN in front of a real PBS: the frame logs in itself. The deck asks
 * PBS for the ticket and keeps it in its own cookie (embed-session-cookie.ts); reads stay the
 * allowlisted GETs of embed-allowlist.ts, sent to PBS with that ticket and nothing else of the
 * browser's request. Neither the ticket nor a CSRF token ever reaches the page.
 */

const RENEW_AFTER_S = 3600;
const RENEWAL_KEPT_MS = 60_000;

export const NO_TLS_MESSAGE =
  'in-frame login needs HTTPS: the session cookie must be Secure (and SameSite=None, Partitioned) for a browser to keep it ' +
  'in a frame, and browsers keep such cookies only over HTTPS. Set TLS_CERT and TLS_KEY, or put the deck behind a TLS proxy ' +
  'that sends X-Forwarded-Proto: https (see docs/deployment.md)';

export function createEmbedSession(target: PbsTarget, deckTls: boolean, timeouts: UpstreamTimeouts): EmbedSession {
  const pbs = createEmbedPbs(target, timeouts);
  // Several reads of one page may find the ticket due at once, and some may still carry it after the
  // new cookie went out: it is renewed once, and the answer kept for a minute.
  const renewing = new Map<string, Promise<TicketAnswer>>();

  const renew = (ticket: string, user: string) => {
    let pending = renewing.get(ticket);
    if (!pending) {
      pending = pbs.ticket({ username: user, password: ticket });
      renewing.set(ticket, pending);
      const forget = () => setTimeout(() => renewing.delete(ticket), RENEWAL_KEPT_MS).unref();
      pending.then(forget, forget);
    }
    return pending;
  };

  async function login(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readLoginBody(req);
    if (!body.ok) return sendText(res, body.status, body.message);
    let answer: TicketAnswer;
    if (body.step === 'password') {
      answer = await pbs.ticket({ username: body.username, password: body.password });
    } else {
      const pending = readCookie(req, TFA_COOKIE);
      const nl = pending?.indexOf('\n') ?? -1;
      if (!pending || nl < 0) return sendText(res, 401, 'the second-factor step has expired: log in again');
      answer = await pbs.ticket({
        username: pending.slice(0, nl),
        'tfa-challenge': pending.slice(nl + 1),
        password: body.tfa,
      });
    }
    if (answer.kind === 'refused') {
      if (body.step === 'tfa' && answer.status === 401) res.setHeader('set-cookie', clearCookie(TFA_COOKIE));
      return sendText(res, answer.status, answer.message);
    }
    if (isTfaTicket(answer.ticket)) {
      const challenge = decodeTfaChallenge(answer.ticket);
      const kinds = [challenge?.totp ? 'totp' : null, challenge?.recovery?.length ? 'recovery' : null].filter(
        (k) => k !== null,
      );
      if (!kinds.length) {
        return sendText(
          res,
          403,
          'this account needs a second factor the embedded view cannot offer (only TOTP and recovery keys work here)',
        );
      }
      res.setHeader('set-cookie', setCookie(TFA_COOKIE, `${answer.username}\n${answer.ticket}`, TFA_MAX_AGE));
      return sendJson(res, 200, { tfa: kinds });
    }
    res.setHeader('set-cookie', [setCookie(SESSION_COOKIE, answer.ticket, SESSION_MAX_AGE), clearCookie(TFA_COOKIE)]);
    sendJson(res, 200, { username: answer.username });
  }

  async function read(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const stored = readCookie(req, SESSION_COOKIE);
    let ticket = stored && isTicket(stored) && !isTfaTicket(stored) ? stored : null;
    const user = ticket ? ticketUser(ticket) : null;
    if (!ticket || !user)
      return sendText(res, 401, `${EMBED_LOGIN_NEEDED} this view reads the backup server with your own PBS login`);
    const cookies: string[] = [];
    if ((ticketAge(ticket) ?? 0) > RENEW_AFTER_S) {
      const renewed = await renew(ticket, user);
      if (renewed.kind === 'ticket' && !isTfaTicket(renewed.ticket)) {
        ticket = renewed.ticket;
        cookies.push(setCookie(SESSION_COOKIE, ticket, SESSION_MAX_AGE));
      } else if (renewed.kind === 'refused' && renewed.status === 401) {
        res.setHeader('set-cookie', clearCookie(SESSION_COOKIE));
        return sendText(res, 401, `${EMBED_LOGIN_NEEDED} PBS no longer accepts this login (${renewed.message})`);
      }
      // Any other failure: the ticket is still good for up to an hour; the next read tries again.
    }
    const answer = await pbs.read(path, ticket);
    if (answer.status === 401) {
      res.setHeader('set-cookie', clearCookie(SESSION_COOKIE));
      return sendText(
        res,
        401,
        `${EMBED_LOGIN_NEEDED} PBS no longer accepts this login (${answer.body.toString('utf8').trim()})`,
      );
    }
    // Defence in depth: an answer that somehow carries the ticket never leaves.
    if (answer.body.includes(ticket))
      return sendText(res, 502, 'refused: the answer from PBS contained the session ticket');
    sendEmbedAnswer(req, res, answer, cookies);
  }

  function handle(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    const failed = (err: unknown) => {
      if (res.headersSent) res.destroy();
      else sendText(res, upstreamFailureStatus(err), err instanceof Error ? err.message : 'cannot reach PBS');
    };
    if (pathname === '/embed-api/login' || pathname === '/embed-api/logout') {
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST');
        return sendText(res, 405, `method ${req.method ?? ''} not allowed: ${pathname} takes POST`);
      }
      const problem = crossSiteProblem(req);
      if (problem) return sendText(res, 403, problem);
      if (pathname === '/embed-api/logout') {
        // Only this browser's cookies go; the ticket simply runs out in PBS.
        res.setHeader('set-cookie', [clearCookie(SESSION_COOKIE), clearCookie(TFA_COOKIE)]);
        return sendJson(res, 200, { loggedOut: true });
      }
      // Before a password is read: without TLS the browser would drop the cookie anyway.
      if (!isSecureRequest(req, deckTls)) return sendText(res, 403, NO_TLS_MESSAGE);
      login(req, res).catch(failed);
      return;
    }
    const path = allowlistedPath(req, res);
    if (path !== null) read(req, res, path).catch(failed);
  }

  return { handle, secure: (req: IncomingMessage) => isSecureRequest(req, deckTls), close: () => pbs.close() };
}
