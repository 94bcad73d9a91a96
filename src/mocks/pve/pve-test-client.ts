// Tests' way to the simulated Proxmox VE: a fresh simulator with a stopped clock, answered in-process through
// simPveFetch, and calls made the way a PVE client makes them (cookie and CSRF header, or an API token).
import { createSimHost } from '../sim-host';
import { testStartTime } from '../sim/test-start';
import { simPveFetch } from './pve-fetch';
import { PVE_SIM_API } from './pve-handlers';
import { PVE_DEMO_PASSWORD } from './pve-users';

export type PveAuth = { ticket: string; csrf?: string } | { token: string };

export interface PveAnswer {
  status: number;
  statusText: string;
  body: { data: unknown; message?: string; errors?: Record<string, string>; total?: number };
}

export interface TicketData {
  username: string;
  ticket: string;
  CSRFPreventionToken: string;
  NeedTFA?: number;
  cap?: Record<string, Record<string, number>>;
  clustername?: string;
}

export function pveTestClient() {
  const host = createSimHost({ seed: 1, startTime: testStartTime(), speed: 0 });
  const upstream = simPveFetch({ host, authFailDelayMs: 0, forbiddenDelayMs: 0, authFailureReasons: false });

  async function call(
    method: string,
    path: string,
    auth: PveAuth | null,
    form?: Record<string, string>,
  ): Promise<PveAnswer> {
    const headers: Record<string, string> = {};
    if (auth && 'token' in auth) headers.Authorization = `PVEAPIToken=${auth.token}`;
    else if (auth) {
      headers.Cookie = `PVEAuthCookie=${encodeURIComponent(auth.ticket)}`;
      if (method !== 'GET' && auth.csrf) headers.CSRFPreventionToken = auth.csrf;
    }
    if (form) headers['Content-Type'] = 'application/x-www-form-urlencoded';
    const res = await upstream(
      new Request(`${PVE_SIM_API}${path}`, {
        method,
        headers,
        body: form ? new URLSearchParams(form).toString() : undefined,
      }),
    );
    const text = await res.text();
    return { status: res.status, statusText: res.statusText, body: JSON.parse(text) as PveAnswer['body'] };
  }

  /** POST /access/ticket; the answer's data when it is 200. */
  async function login(form: Record<string, string>): Promise<{ answer: PveAnswer; data: TicketData }> {
    const answer = await call('POST', '/access/ticket', null, form);
    return { answer, data: answer.body.data as TicketData };
  }

  /** A full session of a demo user without a second factor. */
  async function session(username: string): Promise<{ ticket: string; csrf: string }> {
    const { answer, data } = await login({ username, password: PVE_DEMO_PASSWORD });
    if (answer.status !== 200 || data.NeedTFA) throw new Error(`login ${username}: ${answer.status}`);
    return { ticket: data.ticket, csrf: data.CSRFPreventionToken };
  }

  return { host, sim: host.sim, call, login, session };
}
