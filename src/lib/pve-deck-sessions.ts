// The deck's Proxmox VE sessions (user mode): the PVE ticket and CSRF token live here, never in the browser,
// which holds only a random session id in an HttpOnly cookie on /pve-api/ (the deck server), or nothing at all
// (the static demo keeps one session for the page, in memory).

export interface PveSession {
  /** the PBS user that logged in; another PBS user in the same browser does not inherit the PVE login */
  pbsUser: string;
  /** set once PVE issued a full ticket */
  pveUser: string | null;
  ticket: string | null;
  csrf: string | null;
  /** when the ticket was issued (ms, the deck's clock) */
  issued: number;
  /** PVE's signed second-factor challenge while a TFA login is half done */
  tfa: { username: string; challenge: string } | null;
}

/** PVE tickets live two hours; the deck renews once one is older than an hour. */
export const TICKET_LIFETIME_MS = 2 * 3600_000;
export const RENEW_AFTER_MS = 3600_000;
const MAX_SESSIONS = 10_000;

export const SESSION_COOKIE = 'PVEDeckSession';

/** How a request names its session, and how the answer hands a new one out. */
export interface SessionKeeper {
  read(cookies: Readonly<Record<string, string>>): string | null;
  /** a fresh id and the Set-Cookie that gives it to the browser (none in the demo) */
  issue(request: Request): { id: string; setCookie: string | null };
  /** the Set-Cookie that drops it (none in the demo) */
  clear(request: Request): string | null;
}

function randomId(): string {
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The deck server's: `PVEDeckSession=<random>; Path=/pve-api/; HttpOnly; SameSite=Strict` (+ Secure under TLS). */
export function cookieKeeper(secure: (request: Request) => boolean): SessionKeeper {
  const attrs = (request: Request) => `Path=/pve-api/; HttpOnly; SameSite=Strict${secure(request) ? '; Secure' : ''}`;
  return {
    read: (cookies) => {
      const id = cookies[SESSION_COOKIE];
      return id && /^[0-9a-f]{64}$/.test(id) ? id : null;
    },
    issue: (request) => {
      const id = randomId();
      return { id, setCookie: `${SESSION_COOKIE}=${id}; ${attrs(request)}` };
    },
    clear: (request) => `${SESSION_COOKIE}=; ${attrs(request)}; Max-Age=0`,
  };
}

/** The static demo's: one session for the page, gone on reload (a page cannot hold an HttpOnly cookie). */
export function pageKeeper(): SessionKeeper {
  return { read: () => 'page', issue: () => ({ id: 'page', setCookie: null }), clear: () => null };
}

export class SessionStore {
  private readonly sessions = new Map<string, PveSession>();

  constructor(private readonly now: () => number) {}

  get(id: string | null): PveSession | null {
    if (id === null) return null;
    const s = this.sessions.get(id);
    if (!s) return null;
    if (this.now() - s.issued > TICKET_LIFETIME_MS) {
      this.sessions.delete(id);
      return null;
    }
    return s;
  }

  set(id: string, session: PveSession): void {
    if (this.sessions.size >= MAX_SESSIONS) this.sweep();
    this.sessions.set(id, session);
  }

  delete(id: string | null): void {
    if (id !== null) this.sessions.delete(id);
  }

  private sweep(): void {
    const t = this.now();
    for (const [id, s] of this.sessions) if (t - s.issued > TICKET_LIFETIME_MS) this.sessions.delete(id);
    // still full: the oldest go first (Map keeps insertion order)
    for (const id of this.sessions.keys()) {
      if (this.sessions.size < MAX_SESSIONS) break;
      this.sessions.delete(id);
    }
  }
}
