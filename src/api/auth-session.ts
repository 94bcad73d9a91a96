import { z } from 'zod';
import { clearTicketCookie, readTicketCookie, writeTicketCookie } from './cookie';
import { setCsrfToken, setCurrentUser } from './session-state';
import { parseTicketTime } from '@/lib/pbs-ticket';

/*
 * The logged-in session: the ticket lives in the PBSAuthCookie cookie (PBS reads it from there);
 * username and CSRF token live in memory and sessionStorage, so a reload of the tab keeps the
 * session while the ticket is valid, and closing the tab ends it.
 */

/** PBS accepts a ticket for 2 h after it was issued. */
export const TICKET_LIFETIME_MS = 7200 * 1000;

export interface Session {
  username: string;
  csrfToken: string;
  /** When PBS issued the ticket (epoch s, server clock), if the ticket says so. */
  ticketTime: number | null;
  /** When this browser got the ticket (epoch ms, browser clock); renewal is timed from this. */
  obtainedAt: number;
  /** `ended`: PBS stopped accepting the ticket; the UI asks for the password again in place. */
  state: 'active' | 'ended';
}

const STORAGE_KEY = 'pbs-deck.session';
const storedSchema = z.object({ username: z.string(), csrfToken: z.string(), obtainedAt: z.number() });

let current: Session | null = null;
let restored = false;
const listeners = new Set<(session: Session | null) => void>();

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // storage can be blocked (privacy settings, sandboxed iframe)
  }
}

function emit(): void {
  for (const listener of [...listeners]) listener(current);
}

function set(session: Session | null): void {
  current = session;
  restored = true;
  setCsrfToken(session?.state === 'active' ? session.csrfToken : null);
  setCurrentUser(session?.username ?? null);
  emit();
}

/** Reads the session a previous page load left in this tab; null when there is none or it is stale. */
export function restoreSession(now: number = Date.now()): Session | null {
  restored = true;
  const ticket = readTicketCookie();
  let stored: z.infer<typeof storedSchema> | null = null;
  try {
    const parsed = storedSchema.safeParse(JSON.parse(storage()?.getItem(STORAGE_KEY) ?? 'null'));
    stored = parsed.success ? parsed.data : null;
  } catch {
    stored = null;
  }
  // Both clocks here are the browser's, so server clock skew cannot make a fresh ticket look stale.
  if (!ticket || !stored || now - stored.obtainedAt >= TICKET_LIFETIME_MS) {
    current = null;
  } else {
    current = { ...stored, ticketTime: parseTicketTime(ticket), state: 'active' };
  }
  setCsrfToken(current?.csrfToken ?? null);
  setCurrentUser(current?.username ?? null);
  return current;
}

export function getSession(): Session | null {
  return restored ? current : restoreSession();
}

export function currentTicket(): string | null {
  return readTicketCookie();
}

export function establishSession(
  username: string,
  ticket: string,
  csrfToken: string,
  now: number = Date.now(),
): Session {
  writeTicketCookie(ticket);
  storage()?.setItem(STORAGE_KEY, JSON.stringify({ username, csrfToken, obtainedAt: now }));
  const session: Session = {
    username,
    csrfToken,
    ticketTime: parseTicketTime(ticket),
    obtainedAt: now,
    state: 'active',
  };
  set(session);
  return session;
}

/** The ticket is no longer accepted: drop it but remember who was logged in, for re-login in place. */
export function markSessionEnded(): void {
  const previous = getSession();
  clearTicketCookie();
  storage()?.removeItem(STORAGE_KEY);
  set(previous ? { ...previous, state: 'ended' } : null);
}

export function clearSession(): void {
  clearTicketCookie();
  storage()?.removeItem(STORAGE_KEY);
  set(null);
}

/** Called with the new session (or null) on every change; returns the unsubscribe function. */
export function subscribe(listener: (session: Session | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
