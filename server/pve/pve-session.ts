// Before the deck's PVE token is used, PBS itself must vouch for the browser: a read needs a PBS ticket PBS
// accepts; a restore also needs the CSRF token that belongs to it and Datastore.Read on the datastore (and
// namespace) the backup's storage points at, the privilege PBS asks of anyone reading that snapshot.
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import type { PbsTarget } from '../config.ts';
import { createUpstreamAgent } from '../pin.ts';

const AUTH_COOKIES = ['__Host-PBSAuthCookie', 'PBSAuthCookie'];
const READ_CACHE_MS = 60_000;

export type SessionVerdict = { ok: true } | { ok: false; status: 401 | 403 | 502; message: string };

export function ticketCookie(header: string | undefined): string | null {
  const kept = (header ?? '')
    .split(';')
    .map((c) => c.trim())
    .filter((c) => AUTH_COOKIES.includes(c.slice(0, c.indexOf('='))));
  return kept.length ? kept.join('; ') : null;
}

export function createPbsSessionCheck(target: PbsTarget) {
  const agent = createUpstreamAgent(target);
  const send = target.url.protocol === 'https:' ? https.request : http.request;
  const recent = new Map<string, number>();

  const ask = (method: string, path: string, headers: Record<string, string>) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = send(
        {
          agent,
          protocol: target.url.protocol,
          hostname: target.url.hostname.replace(/^\[|\]$/g, ''),
          port: target.url.port,
          method,
          path,
          headers,
        },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString('utf8')));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end();
    });

  async function check(headers: IncomingHttpHeaders, write: { aclPath: string } | null): Promise<SessionVerdict> {
    const cookie = ticketCookie(headers.cookie);
    if (!cookie)
      return { ok: false, status: 401, message: 'sign in to the console first: Proxmox VE calls need a PBS session' };
    try {
      if (!write) {
        const seen = recent.get(cookie);
        if (seen !== undefined && Date.now() - seen < READ_CACHE_MS) return { ok: true };
        const r = await ask('GET', '/api2/json/version', { cookie, accept: 'application/json' });
        if (r.status === 401) return { ok: false, status: 401, message: 'PBS no longer accepts this session' };
        if (r.status !== 200)
          return { ok: false, status: 502, message: `PBS answered ${r.status} to the session check` };
        if (recent.size > 1000) recent.clear();
        recent.set(cookie, Date.now());
        return { ok: true };
      }
      const csrf = headers.csrfpreventiontoken;
      if (typeof csrf !== 'string')
        return { ok: false, status: 401, message: 'a restore needs the console CSRF token' };
      // PBS checks ticket and CSRF token before it looks for the path: a POST where it has none answers 404
      // when both are good, 401 when either is not, and changes nothing.
      const probe = await ask('POST', '/api2/json/version', {
        cookie,
        csrfpreventiontoken: csrf,
        'content-length': '0',
      });
      if (probe.status === 401)
        return { ok: false, status: 401, message: 'PBS refused this session or its CSRF token' };
      if (probe.status !== 404 && probe.status !== 405)
        return { ok: false, status: 502, message: `PBS answered ${probe.status} to the session check` };
      const perms = await ask('GET', `/api2/json/access/permissions?path=${encodeURIComponent(write.aclPath)}`, {
        cookie,
        accept: 'application/json',
      });
      if (perms.status !== 200)
        return { ok: false, status: 502, message: `PBS answered ${perms.status} to the permission check` };
      const data = (JSON.parse(perms.body) as { data?: Record<string, Record<string, unknown>> }).data ?? {};
      if (data[write.aclPath]?.['Datastore.Read'] === undefined) {
        return { ok: false, status: 403, message: `a restore needs Datastore.Read on ${write.aclPath}` };
      }
      return { ok: true };
    } catch (e) {
      return { ok: false, status: 502, message: `cannot reach PBS to check the session: ${(e as Error).message}` };
    }
  }

  return Object.assign(check, { close: () => agent.destroy() });
}
