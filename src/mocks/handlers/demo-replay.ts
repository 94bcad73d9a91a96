// Recording and replaying the demo's changes (see demo-state.ts): what to log about a request, and how to re-issue
// logged requests against a fresh simulator built from the same seed.
import { getResponse, type HttpHandler } from 'msw';
import type { DemoAction } from './demo-state';
import { faultRules } from './fault-rules';
import { createHandlers } from './handlers';
import type { SimHost } from '../sim-host';
import { base32Decode, totpAt } from '../sim/auth/totp';
import { pagePveUser } from './pve-deck';
import { PVE_DEMO_PASSWORD, PVE_TOTP_SECRET } from '../pve/pve-users';

const MUTATING = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);
const TICKET_COOKIE = 'PBSAuthCookie';

/**
 * Never logged: logins (they carry passwords; PVE's login and logout only change the page's own session), and
 * users, tokens, second factors and passwords (they carry credentials, or answer with a token's secret).
 */
const NOT_LOGGED = [
  /^\/api2\/json\/access\/(ticket|password|users|tfa)(\/|$)/,
  /^\/pve-api\/api2\/json\/access\//,
  /^\/pve-api\/deck\//,
];
const notLogged = (path: string) => NOT_LOGGED.some((re) => re.test(path));

/** Fields whose values are credentials wherever they appear; kept out of the log whatever the call. */
const SECRET_FIELDS = new Set(['password', 'value', 'otp']);
export const REDACTED = '(redacted)';

/** The body as logged: form and JSON fields named as credentials replaced by REDACTED. */
export function redactBody(contentType: string | null, body: string): string {
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('application/json')) {
    try {
      return JSON.stringify(JSON.parse(body), (key, value: unknown) =>
        SECRET_FIELDS.has(key) && value !== null && typeof value !== 'object' ? REDACTED : value,
      );
    } catch {
      return body;
    }
  }
  if (type.includes('application/x-www-form-urlencoded') || (!type && body.includes('='))) {
    const form = new URLSearchParams(body);
    let changed = false;
    for (const key of [...form.keys()])
      if (SECRET_FIELDS.has(key)) {
        form.set(key, REDACTED);
        changed = true;
      }
    return changed ? form.toString() : body;
  }
  return body;
}

/**
 * The log entry for a request that may change state (PBS API writes other than logins, restores through the
 * simulated Proxmox VE, /__sim/ controls), or null.
 */
export async function describeAction(
  host: SimHost,
  request: Request,
  cookies: Record<string, string>,
): Promise<DemoAction | null> {
  const url = new URL(request.url);
  if (notLogged(url.pathname)) return null;
  const api = url.pathname.startsWith('/api2/json/') || url.pathname.startsWith('/pve-api/');
  const control = url.pathname.startsWith('/__sim/');
  if (!MUTATING.has(request.method) || !(api || control)) return null;
  let authid: string | null = null;
  if (api) {
    try {
      authid = host.auth.authenticate({
        method: 'GET',
        ticket: cookies['__Host-PBSAuthCookie'] ?? cookies[TICKET_COOKIE],
        authorization: request.headers.get('Authorization'),
      });
    } catch {
      return null; // it will be refused anyway
    }
  }
  return {
    t: host.sim.now(),
    method: request.method,
    url: url.pathname + url.search,
    contentType: request.headers.get('Content-Type'),
    body: redactBody(request.headers.get('Content-Type'), await request.clone().text()),
    authid,
    ...(url.pathname.startsWith('/pve-api/') ? { pveUser: pagePveUser(host) } : {}),
  };
}

const PVE_TICKET = '/pve-api/api2/json/access/ticket';

/** Signs the replay's page in to PVE as `user` through the deck, answering TOTP where PVE asks. */
async function pveLogin(host: SimHost, handlers: HttpHandler[], user: string, csrf: string): Promise<boolean> {
  const post = async (password: string) => {
    const request = new Request(new URL(PVE_TICKET, location.origin), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', CSRFPreventionToken: csrf },
      body: new URLSearchParams({ username: user, password }).toString(),
      credentials: 'same-origin',
    });
    const response = await getResponse(handlers, request, { baseUrl: location.origin });
    if (!response?.ok) return null;
    return ((await response.json()) as { data?: { NeedTFA?: number } }).data ?? null;
  };
  const first = await post(PVE_DEMO_PASSWORD);
  if (!first) return false;
  if (!first.NeedTFA) return true;
  // the simulated PVE checks codes against the simulator's clock
  const code = totpAt(base32Decode(PVE_TOTP_SECRET), host.sim.now());
  return (await post(`totp:${code}`)) !== null;
}

function ticketCookie(): string | null {
  const part = document.cookie.split('; ').find((c) => c.startsWith(`${TICKET_COOKIE}=`));
  return part ? part.slice(TICKET_COOKIE.length + 1) : null;
}

function setTicketCookie(raw: string | null): void {
  document.cookie =
    raw === null
      ? `${TICKET_COOKIE}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`
      : `${TICKET_COOKIE}=${raw}; path=/; SameSite=Lax`;
}

const RATES = ['latencyMs', 'errorRate', 'dropRate'] as const;

/** the rates a logged /__sim/faults sets */
function ratesSet(action: DemoAction): Set<string> {
  if (!action.url.startsWith('/__sim/faults')) return new Set();
  try {
    const body: unknown = JSON.parse(action.body || '{}');
    return new Set(body !== null && typeof body === 'object' ? Object.keys(body) : []);
  } catch {
    return new Set();
  }
}

/**
 * Runs `step` without faults: no rates, no rules. A replayed /__sim/faults keeps what it sets (rates and rules
 * alike), as it did when it was logged; a replayed reset leaves its fresh simulator as it made it.
 */
async function withoutFaults(host: SimHost, action: DemoAction, step: () => Promise<void>): Promise<void> {
  const { sim } = host;
  const saved = { ...sim.faults };
  Object.assign(sim.faults, { latencyMs: 0, errorRate: 0, dropRate: 0 });
  faultRules(sim).suspended = true;
  try {
    await step();
  } finally {
    faultRules(sim).suspended = false;
    const kept = ratesSet(action);
    for (const rate of RATES) if (!kept.has(rate)) sim.faults[rate] = saved[rate];
  }
}

/**
 * Re-issues logged changes, each as its user and at its simulated time, without faults or delays. A page cannot
 * set a Cookie header, and msw reads same-origin requests' cookies from document.cookie: the replay borrows it
 * and puts the visitor's own ticket back afterwards.
 */
export async function replayActions(host: SimHost, actions: DemoAction[]): Promise<void> {
  if (actions.length === 0) return;
  const handlers = createHandlers({ host, authFailDelayMs: 0, forbiddenDelayMs: 0 });
  const own = ticketCookie();
  let pveUser: string | null = null;
  try {
    for (const action of actions) {
      await withoutFaults(host, action, async () => {
        host.sim.setTime(Math.max(action.t, host.sim.now()));
        const headers = new Headers();
        if (action.contentType) headers.set('Content-Type', action.contentType);
        if (action.authid?.includes('!')) {
          headers.set('Authorization', `PBSAPIToken=${action.authid}:${host.auth.tokenSecret(action.authid) ?? ''}`);
        } else if (action.authid) {
          const t = host.auth.issueTicket(action.authid);
          setTicketCookie(encodeURIComponent(t.ticket));
          headers.set('CSRFPreventionToken', t.CSRFPreventionToken);
          // a PVE call runs as the PVE user who made it: the replay signs in as them once per change of user
          if (action.pveUser && action.pveUser !== pveUser) {
            pveUser = (await pveLogin(host, handlers, action.pveUser, t.CSRFPreventionToken)) ? action.pveUser : null;
          }
        }
        const request = new Request(new URL(action.url, location.origin), {
          method: action.method,
          headers,
          body: action.body === '' ? undefined : action.body,
          credentials: 'same-origin',
        });
        await getResponse(handlers, request, { baseUrl: location.origin });
      });
    }
  } finally {
    setTicketCookie(own);
  }
}
