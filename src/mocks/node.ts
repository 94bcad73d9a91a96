// The simulator behind msw/node for vitest: a fresh simulator per call, no PBS-like delays, and a real login
// through the handlers for UI tests that start logged in. The handlers never send Set-Cookie, so msw's
// process-wide cookie store (libraries.md §1) stays empty; the session lives in jsdom's document.cookie, which
// clearSession() wipes.
import { setupServer } from 'msw/node';
import { createHandlers, type HandlerOptions } from './handlers/handlers';
import { createSimHost, type SimHost, type SimHostOptions } from './sim-host';
import { testStartTime } from './sim/test-start';
import { DEMO_PASSWORD, DEMO_RECOVERY_KEYS, DEMO_TOTP_SECRET } from './sim/auth/demo-users';
import { base32Decode, totpAt } from './sim/auth/totp';

export interface TestServerOptions extends SimHostOptions {
  /** extra handler options; delays default to 0 here */
  handlers?: Omit<HandlerOptions, 'host' | 'sim' | 'auth'>;
}

export interface LoginResult {
  username: string;
  ticket: string;
  CSRFPreventionToken: string;
}

const TICKET_COOKIE = 'PBSAuthCookie';
/** the API client's sessionStorage key (src/api/auth-session.ts) */
const SESSION_KEY = 'pbs-deck.session';

function origin(): string {
  return typeof location !== 'undefined' && location.origin !== 'null' ? location.origin : 'http://localhost';
}

async function postTicket(body: Record<string, string>): Promise<LoginResult> {
  const res = await fetch(new URL('/api2/json/access/ticket', origin()), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(body).toString(),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`login ${body.username} failed: HTTP ${res.status} ${text}`);
  return (JSON.parse(text) as { data: LoginResult }).data;
}

export function createTestServer(opts: TestServerOptions = {}) {
  const { handlers: handlerOptions, ...hostOptions } = opts;
  // testStartTime() unless a test picks its own instant: no test depends on the real date or time of day.
  const host: SimHost = createSimHost({ seed: 1, startTime: testStartTime(), ...hostOptions });
  const server = setupServer(...createHandlers({ host, authFailDelayMs: 0, forbiddenDelayMs: 0, ...handlerOptions }));
  const realNow = hostOptions.realNow ?? Date.now;

  // PBS refuses a TOTP code twice, so a second login within 30 s takes the next step's code (still inside the
  // ±1 step window), and after that the recovery keys.
  async function secondFactor(username: string, partial: string): Promise<LoginResult> {
    const now = Math.floor(realNow() / 1000);
    const secret = base32Decode(DEMO_TOTP_SECRET);
    const answers = [
      `totp:${totpAt(secret, now)}`,
      `totp:${totpAt(secret, now + 30)}`,
      ...DEMO_RECOVERY_KEYS.map((k) => `recovery:${k}`),
    ];
    for (const password of answers) {
      try {
        return await postTicket({ username, password, 'tfa-challenge': partial });
      } catch {
        // try the next answer
      }
    }
    throw new Error(`login ${username}: no second factor left`);
  }

  return {
    server,
    host,
    get sim() {
      return host.sim;
    },
    get auth() {
      return host.auth;
    },
    /**
     * Logs in through the handlers (both TFA steps for totp@pbs) and, in jsdom, leaves the session where the
     * console's API client finds it: the ticket cookie and the username + CSRF token in sessionStorage.
     * The server must be listening.
     */
    async loginAs(username: string, password = DEMO_PASSWORD): Promise<LoginResult> {
      let result = await postTicket({ username, password });
      if (result.ticket.startsWith('PBS:!tfa!')) result = await secondFactor(username, result.ticket);
      if (typeof document !== 'undefined') {
        document.cookie = `${TICKET_COOKIE}=${encodeURIComponent(result.ticket)}; path=/; SameSite=Lax`;
        sessionStorage.setItem(
          SESSION_KEY,
          JSON.stringify({ username: result.username, csrfToken: result.CSRFPreventionToken, obtainedAt: Date.now() }),
        );
      }
      return result;
    },
    /** Forgets the jsdom session (cookie and sessionStorage); call between tests. */
    clearSession(): void {
      if (typeof document === 'undefined') return;
      document.cookie = `${TICKET_COOKIE}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
      sessionStorage.removeItem(SESSION_KEY);
    },
  };
}

export type TestServer = ReturnType<typeof createTestServer>;
