// What the deck asks PBS before a Proxmox VE call: is the browser's PBS session valid, is its CSRF token (writes),
// and what does PBS grant on the snapshot (permissions, and the group's owner). Transport-neutral: `pbsFetch`
// is the pinned PBS upstream on the deck server and the in-process simulator in the demo.
import type { Refusal } from './pve-gate';
import { refusal } from './pve-gate';

export type Fetch = (request: Request) => Promise<Response>;

/** The browser's PBS ticket, as its cookie names it (PBS 4's `__Host-` form or PBS 3's), decoded. */
export interface PbsTicket {
  cookieName: string;
  ticket: string;
  /** the user the ticket names (PBS tickets are always a user's, never a token's) */
  authId: string;
}

const AUTH_COOKIES = ['__Host-PBSAuthCookie', 'PBSAuthCookie'];
const READ_CACHE_MS = 60_000;

export function pbsTicketFrom(cookies: Readonly<Record<string, string>>): PbsTicket | null {
  for (const cookieName of AUTH_COOKIES) {
    const ticket = cookies[cookieName];
    if (!ticket) continue;
    // PBS:<userid, percent-encoded>:<hex time>::<signature>; PBS itself judges the signature on every ask
    const field = ticket.split(':')[1] ?? '';
    let authId = '';
    try {
      authId = decodeURIComponent(field);
    } catch {
      return null;
    }
    if (!ticket.startsWith('PBS:') || !/^[^\s@!:]+@[A-Za-z0-9._-]+$/.test(authId)) return null;
    return { cookieName, ticket, authId };
  }
  return null;
}

export type PbsAsk = ReturnType<typeof createPbsAsk>;

export function createPbsAsk(pbsFetch: Fetch, pbsOrigin: string, now: () => number) {
  const recent = new Map<string, number>();

  const ask = async (method: string, path: string, t: PbsTicket, extra: Record<string, string> = {}) => {
    const headers = new Headers({ accept: 'application/json', ...extra });
    headers.set('cookie', `${t.cookieName}=${encodeURIComponent(t.ticket)}`);
    const response = await pbsFetch(
      new Request(`${pbsOrigin}/api2/json${path}`, { method, headers, credentials: 'same-origin' }),
    );
    return { status: response.status, text: await response.text() };
  };

  const unreachable = (e: unknown): Refusal =>
    refusal(502, `cannot reach PBS to check the session: ${(e as Error).message}`);

  /** A ticket PBS accepts (cached a minute for reads). */
  async function session(t: PbsTicket): Promise<{ ok: true } | Refusal> {
    const seen = recent.get(t.ticket);
    if (seen !== undefined && now() - seen < READ_CACHE_MS) return { ok: true };
    try {
      const r = await ask('GET', '/version', t);
      if (r.status === 401) return refusal(401, 'PBS no longer accepts this session: sign in to the console first');
      if (r.status !== 200) return refusal(502, `PBS answered ${r.status} to the session check`);
    } catch (e) {
      return unreachable(e);
    }
    if (recent.size > 1000) recent.clear();
    recent.set(t.ticket, now());
    return { ok: true };
  }

  /** The ticket with the CSRF token PBS issued with it: what every write needs. */
  async function csrf(t: PbsTicket, token: string | null): Promise<{ ok: true } | Refusal> {
    if (!token) return refusal(401, 'this call needs the console CSRF token');
    try {
      // PBS checks ticket and CSRF token before it looks for the path: a POST where it has none answers 404
      // (or 405) when both are good, 401 when either is not, and changes nothing.
      const r = await ask('POST', '/version', t, { csrfpreventiontoken: token });
      if (r.status === 401) return refusal(401, 'PBS refused this session or its CSRF token');
      if (r.status !== 404 && r.status !== 405) return refusal(502, `PBS answered ${r.status} to the session check`);
      return { ok: true };
    } catch (e) {
      return unreachable(e);
    }
  }

  /** PBS's /access/permissions entry for one ACL path, for the session's user. */
  async function privileges(
    t: PbsTicket,
    aclPath: string,
  ): Promise<{ ok: true; privs: Record<string, unknown> } | Refusal> {
    try {
      const r = await ask('GET', `/access/permissions?path=${encodeURIComponent(aclPath)}`, t);
      if (r.status !== 200) return refusal(502, `PBS answered ${r.status} to the permission check`);
      const data = (JSON.parse(r.text) as { data?: Record<string, Record<string, unknown>> }).data ?? {};
      return { ok: true, privs: data[aclPath] ?? {} };
    } catch (e) {
      return unreachable(e);
    }
  }

  /** The owner of one backup group as PBS lists it to this user, or null when PBS does not show it. */
  async function owner(
    t: PbsTicket,
    source: { store: string; ns: string; type: string; id: string },
  ): Promise<{ ok: true; owner: string | null } | Refusal> {
    const q = source.ns ? `?ns=${encodeURIComponent(source.ns)}` : '';
    try {
      const r = await ask('GET', `/admin/datastore/${encodeURIComponent(source.store)}/groups${q}`, t);
      if (r.status === 403 || r.status === 404 || r.status === 400) return { ok: true, owner: null };
      if (r.status !== 200) return refusal(502, `PBS answered ${r.status} to the owner check`);
      const groups = (
        JSON.parse(r.text) as { data?: { 'backup-type'?: string; 'backup-id'?: string; owner?: string }[] }
      ).data;
      const g = groups?.find((x) => x['backup-type'] === source.type && x['backup-id'] === source.id);
      return { ok: true, owner: g?.owner ?? null };
    } catch (e) {
      return unreachable(e);
    }
  }

  return { session, csrf, privileges, owner };
}
