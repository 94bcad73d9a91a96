import { apiPost, PbsError } from './client';
import {
  clearSession,
  currentTicket,
  establishSession,
  getSession,
  markSessionEnded,
  type Session,
} from './auth-session';
import { ticketSchema, type TicketResponse } from './schemas/access';
import { addSessionEndedListener } from './session-state';
import { decodeTfaChallenge, isTfaTicket, type TfaChallenge } from '@/lib/pbs-ticket';

export { getSession, restoreSession, subscribe, TICKET_LIFETIME_MS, type Session } from './auth-session';
export { parseTicketTime } from '@/lib/pbs-ticket';

/** PBS's own UI renews every 15 minutes; a ticket lives 2 hours, so several renewals may fail safely. */
export const RENEW_INTERVAL_MS = 15 * 60 * 1000;
/** After a renewal that failed for another reason than a refused ticket (network, 5xx). */
export const RENEW_RETRY_MS = 60 * 1000;

export interface LoginInput {
  username: string;
  password: string;
  /** Joined as `user@realm` unless the username already names a realm. */
  realm?: string;
}

export type LoginResult =
  { kind: 'ok'; session: Session } | { kind: 'tfa'; challenge: TfaChallenge; ticket: string; username: string };

export type TfaKind = 'totp' | 'recovery';

// The TFA step must name the user again, and the partial ticket does not contain it.
const pendingTfa = new Map<string, string>();

export function fullUserid(username: string, realm?: string): string {
  return realm && !username.includes('@') ? `${username}@${realm}` : username;
}

async function requestTicket(params: Record<string, string>) {
  return apiPost('/access/ticket', ticketSchema, params);
}

export async function login({ username, password, realm }: LoginInput): Promise<LoginResult> {
  const userid = fullUserid(username, realm);
  const answer = await requestTicket({ username: userid, password });
  if (isTfaTicket(answer.ticket)) {
    const challenge = decodeTfaChallenge(answer.ticket);
    if (!challenge) throw new Error('The server asked for a second factor PBS Deck cannot read');
    pendingTfa.clear();
    pendingTfa.set(answer.ticket, userid);
    return { kind: 'tfa', challenge, ticket: answer.ticket, username: userid };
  }
  return { kind: 'ok', session: loggedIn(answer) };
}

function loggedIn(answer: TicketResponse): Session {
  const session = establishSession(answer.username, answer.ticket, answer.CSRFPreventionToken);
  if (renewalWanted) schedule(nextRenewalDelay(session));
  return session;
}

/** Second login step: `totp:<code>` or `recovery:<key>` against the partial ticket. */
export async function completeTfa(ticket: string, kind: TfaKind, value: string, username?: string): Promise<Session> {
  const userid = username ?? pendingTfa.get(ticket);
  if (!userid) throw new Error('The second-factor step has no pending login; log in again');
  const answer = await requestTicket({
    username: userid,
    'tfa-challenge': ticket,
    password: `${kind}:${value.trim()}`,
  });
  pendingTfa.delete(ticket);
  return loggedIn(answer);
}

let renewing: Promise<Session | null> | null = null;

/**
 * Trades the current ticket for a fresh one (PBS takes a valid ticket as the password). A refused
 * ticket ends the session; a network or server failure leaves it alone (the caller may retry).
 */
export function renew(): Promise<Session | null> {
  renewing ??= (async () => {
    const session = getSession();
    const ticket = currentTicket();
    if (!session || session.state !== 'active' || !ticket) return null;
    try {
      const answer = await requestTicket({ username: session.username, password: ticket });
      return loggedIn(answer);
    } catch (error) {
      if (error instanceof PbsError && error.status === 401) endSession(error.message);
      throw error;
    }
  })().finally(() => {
    renewing = null;
  });
  return renewing;
}

export function logout(): void {
  cancelTimer();
  pendingTfa.clear();
  clearSession();
}

const endedListeners = new Set<(message: string) => void>();

/** Called when PBS stops accepting the ticket (401 "authentication failed", or a refused renewal). */
export function onSessionEnded(listener: (message: string) => void): () => void {
  endedListeners.add(listener);
  return () => endedListeners.delete(listener);
}

function endSession(message: string): void {
  const session = getSession();
  // Several requests may fail at once; the session ends once.
  if (!session || session.state === 'ended') return;
  cancelTimer();
  markSessionEnded();
  for (const listener of [...endedListeners]) listener(message);
}

addSessionEndedListener(endSession);

let timer: ReturnType<typeof setTimeout> | null = null;
// The app wants renewal while it runs; a later login resumes it without another call.
let renewalWanted = false;

function cancelTimer(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
}

/** Milliseconds until the session's ticket is due for renewal (0 when overdue). */
export function nextRenewalDelay(session: Pick<Session, 'obtainedAt'>, now: number = Date.now()): number {
  return Math.max(0, session.obtainedAt + RENEW_INTERVAL_MS - now);
}

function schedule(delay: number): void {
  cancelTimer();
  timer = setTimeout(() => {
    timer = null;
    // A successful renewal schedules the next one (see loggedIn).
    renew().catch((error: unknown) => {
      const session = getSession();
      const refused = error instanceof PbsError && error.status === 401;
      if (!refused && session?.state === 'active') schedule(RENEW_RETRY_MS);
    });
  }, delay);
}

/**
 * Keeps the ticket alive while the app runs: renews 15 minutes after it was obtained, then every
 * 15 minutes. Runs in hidden tabs too (the only request that should).
 */
export function startRenewal(): void {
  renewalWanted = true;
  const session = getSession();
  if (!session || session.state !== 'active') return;
  schedule(nextRenewalDelay(session));
}

export function stopRenewal(): void {
  renewalWanted = false;
  cancelTimer();
}
