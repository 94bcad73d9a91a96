// User mode's login to Proxmox VE through the deck: PVE's /access/ticket, its second factor (TOTP or a recovery
// key; WebAuthn cannot work through another origin), and renewal by posting the ticket as the password.
import { deckJson, deckRefusal, pveErrorAnswer } from './pve-deck-answers';
import type { Fetch } from './pve-deck-pbs';
import type { PveSession } from './pve-deck-sessions';

export const WEBAUTHN_ONLY =
  'this Proxmox VE account signs in with WebAuthn only, which cannot work through the deck: use token mode (see docs/deployment.md)';

/** The factors a PVE TFA challenge offers (proxmox-tfa's challenge: `totp`, `recovery`, `webauthn`, `yubico`, `u2f`). */
export interface TfaOffer {
  totp: boolean;
  recovery: boolean;
  webauthn: boolean;
  yubico: boolean;
}

/** The challenge inside PVE's partial ticket `PVE:!tfa!<percent-encoded JSON>:<hex time>::<signature>`. */
export function tfaOffer(ticket: string): TfaOffer | null {
  const at = ticket.indexOf('!tfa!');
  if (at < 0) return null;
  const encoded = ticket.slice(at + 5).split(':')[0] ?? '';
  try {
    const c = JSON.parse(decodeURIComponent(encoded)) as Record<string, unknown>;
    const recovery = Array.isArray(c.recovery) ? c.recovery.length > 0 : Boolean(c.recovery);
    return { totp: Boolean(c.totp), recovery, webauthn: Boolean(c.webauthn), yubico: Boolean(c.yubico) };
  } catch {
    return null;
  }
}

interface TicketData {
  username?: string;
  ticket?: string;
  CSRFPreventionToken?: string;
  NeedTFA?: number | boolean;
  cap?: unknown;
}

export type LoginOutcome =
  | { kind: 'answer'; response: Response }
  | { kind: 'tfa'; username: string; challenge: string; offer: TfaOffer }
  | { kind: 'session'; username: string; ticket: string; csrf: string; cap: unknown };

const SECOND_FACTOR = /^(totp|recovery|yubico):/;

/** Posts the login to PVE; `pending` is the session's half-done TFA login, answered when the password is a factor. */
export async function pveLogin(
  pve: { fetch: Fetch; origin: string },
  form: URLSearchParams,
  pending: PveSession['tfa'],
): Promise<LoginOutcome> {
  const username = form.get('username') ?? '';
  const password = form.get('password') ?? '';
  const realm = form.get('realm');
  if (!username || !password) return { kind: 'answer', response: deckRefusal(400, 'username and password are needed') };
  const full = realm ? `${username}@${realm}` : username;
  const out = new URLSearchParams({ username, password });
  if (pending && SECOND_FACTOR.test(password) && pending.username === full) {
    out.set('username', pending.username);
    out.set('tfa-challenge', pending.challenge);
  } else if (realm) out.set('realm', realm);
  const response = await postTicket(pve, out);
  if (!response.ok) return { kind: 'answer', response: await pveErrorAnswer(response) };
  const data = ((await response.json()) as { data?: TicketData }).data ?? {};
  if (!data.ticket || !data.username)
    return { kind: 'answer', response: deckRefusal(502, 'Proxmox VE sent no ticket') };
  if (data.NeedTFA) {
    const offer = tfaOffer(data.ticket);
    if (!offer)
      return {
        kind: 'answer',
        response: deckRefusal(502, 'Proxmox VE sent a second-factor challenge the deck cannot read'),
      };
    if (!offer.totp && !offer.recovery && !offer.yubico)
      return { kind: 'answer', response: deckRefusal(400, WEBAUTHN_ONLY) };
    return { kind: 'tfa', username: data.username, challenge: data.ticket, offer };
  }
  if (!data.CSRFPreventionToken)
    return { kind: 'answer', response: deckRefusal(502, 'Proxmox VE sent no CSRF token with the ticket') };
  return {
    kind: 'session',
    username: data.username,
    ticket: data.ticket,
    csrf: data.CSRFPreventionToken,
    cap: data.cap ?? {},
  };
}

export function tfaAnswer(username: string, offer: TfaOffer, setCookie: string | null): Response {
  return deckJson(
    { username, NeedTFA: 1, tfa: { totp: offer.totp, recovery: offer.recovery, webauthn: offer.webauthn } },
    setCookie,
  );
}

/**
 * A fresh ticket for a session whose ticket is over an hour old: PVE accepts a valid ticket of the same user as
 * the password. 'expired': PVE refused it (the session is over); 'kept': PVE could not be asked, the old ticket
 * still holds.
 */
export async function renewTicket(
  pve: { fetch: Fetch; origin: string },
  session: PveSession,
): Promise<{ ticket: string; csrf: string } | 'expired' | 'kept'> {
  if (!session.pveUser || !session.ticket) return 'expired';
  try {
    const response = await postTicket(
      pve,
      new URLSearchParams({ username: session.pveUser, password: session.ticket }),
    );
    if (response.status === 401) return 'expired';
    if (!response.ok) return 'kept';
    const data = ((await response.json()) as { data?: TicketData }).data ?? {};
    if (!data.ticket || !data.CSRFPreventionToken || data.NeedTFA) return 'kept';
    return { ticket: data.ticket, csrf: data.CSRFPreventionToken };
  } catch {
    return 'kept';
  }
}

function postTicket(pve: { fetch: Fetch; origin: string }, form: URLSearchParams): Promise<Response> {
  return pve.fetch(
    new Request(`${pve.origin}/api2/json/access/ticket`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
    }),
  );
}
