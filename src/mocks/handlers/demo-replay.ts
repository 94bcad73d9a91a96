// Recording and replaying the demo's changes (see demo-state.ts): what to log about a request, and how to re-issue
// logged requests against a fresh simulator built from the same seed.
import { getResponse } from 'msw';
import type { DemoAction } from './demo-state';
import { createHandlers } from './handlers';
import type { SimHost } from '../sim-host';

const MUTATING = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);
const TICKET_COOKIE = 'PBSAuthCookie';

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
  const api =
    (url.pathname.startsWith('/api2/json/') && url.pathname !== '/api2/json/access/ticket') ||
    url.pathname.startsWith('/pve-api/');
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
    body: await request.clone().text(),
    authid,
  };
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

/**
 * Re-issues logged changes, each as its user and at its simulated time, without faults or delays. A page cannot
 * set a Cookie header, and msw reads same-origin requests' cookies from document.cookie: the replay borrows it
 * and puts the visitor's own ticket back afterwards.
 */
export async function replayActions(host: SimHost, actions: DemoAction[]): Promise<void> {
  if (actions.length === 0) return;
  const handlers = createHandlers({ host, authFailDelayMs: 0, forbiddenDelayMs: 0 });
  const own = ticketCookie();
  try {
    for (const action of actions) {
      host.sim.setTime(Math.max(action.t, host.sim.now()));
      const headers = new Headers();
      if (action.contentType) headers.set('Content-Type', action.contentType);
      if (action.authid?.includes('!')) {
        headers.set('Authorization', `PBSAPIToken=${action.authid}:${host.auth.tokenSecret(action.authid) ?? ''}`);
      } else if (action.authid) {
        const t = host.auth.issueTicket(action.authid);
        setTicketCookie(encodeURIComponent(t.ticket));
        headers.set('CSRFPreventionToken', t.CSRFPreventionToken);
      }
      const request = new Request(new URL(action.url, location.origin), {
        method: action.method,
        headers,
        body: action.body === '' ? undefined : action.body,
        credentials: 'same-origin',
      });
      const saved = { ...host.sim.faults };
      Object.assign(host.sim.faults, { latencyMs: 0, errorRate: 0, dropRate: 0 });
      try {
        await getResponse(handlers, request, { baseUrl: location.origin });
      } finally {
        if (!action.url.startsWith('/__sim/faults')) Object.assign(host.sim.faults, saved);
      }
    }
  } finally {
    setTicketCookie(own);
  }
}
