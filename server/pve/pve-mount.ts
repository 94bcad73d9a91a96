// /pve-api/ → PVE_URL: the allowlisted restore calls, forwarded with the deck's PVE token (added here, never seen
// by the browser) over a connection pinned to PVE_FINGERPRINT, once PBS has vouched for the browser's session.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import { pipeline } from 'node:stream';
import type { PbsTarget } from '../config.ts';
import type { PveConfig } from '../config-extra.ts';
import { UpstreamCertificateError, createUpstreamAgent } from '../pin.ts';
import { checkPveRequest, RESTORE_FIELDS } from './pve-allowlist.ts';
import { createPbsSessionCheck } from './pve-session.ts';

const MAX_BODY = 16 * 1024;

function refuse(res: ServerResponse, status: number, message: string): void {
  const body = JSON.stringify({ data: null, message: `${message}\n` });
  res.writeHead(status, message.replace(/[^\x20-\x7e]/g, ' ').slice(0, 120), {
    'content-type': 'application/json;charset=UTF-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const aclPath = (store: string, ns: string | null) => ['/datastore', store, ...(ns ? ns.split('/') : [])].join('/');

export function createPveMount(pve: PveConfig, pbs: PbsTarget) {
  const agent = createUpstreamAgent({ url: pve.url, fingerprint: pve.fingerprint, ca: null });
  const send = pve.url.protocol === 'https:' ? https.request : http.request;
  const session = createPbsSessionCheck(pbs);

  const forward = (req: IncomingMessage, res: ServerResponse, path: string, body: string | null) => {
    const headers: Record<string, string> = { accept: 'application/json', authorization: `PVEAPIToken=${pve.token}` };
    if (body !== null) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    const upstream = send(
      {
        agent,
        protocol: pve.url.protocol,
        hostname: pve.url.hostname.replace(/^\[|\]$/g, ''),
        port: pve.url.port || 8006,
        method: req.method,
        path,
        headers,
      },
      (up) => {
        const out: Record<string, string> = { 'cache-control': 'no-store' };
        for (const name of ['content-type', 'content-length', 'date']) {
          const v = up.headers[name];
          if (typeof v === 'string') out[name] = v;
        }
        res.writeHead(up.statusCode ?? 502, up.statusMessage, out);
        pipeline(up, res, () => {});
      },
    );
    upstream.on('error', (err) => {
      if (res.headersSent) res.destroy();
      else
        refuse(
          res,
          502,
          err instanceof UpstreamCertificateError
            ? `PVE: ${err.message}`
            : `cannot reach Proxmox VE at ${pve.url.host}: ${err.message}`,
        );
    });
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    upstream.end(body ?? undefined);
  };

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const check = checkPveRequest(req.method ?? '', req.url ?? '');
    if (!check.ok) return refuse(res, check.status, check.message);
    if (check.storage && !pve.storageMap.has(check.storage))
      return refuse(res, 403, `storage '${check.storage}' is not in PVE_STORAGE_MAP`);
    if (check.write && pve.node && check.node !== pve.node)
      return refuse(res, 403, `restores run on node '${pve.node}' (PVE_NODE)`);
    const target = `/api2/json${check.path}${check.query ? `?${check.query}` : ''}`;
    void (async () => {
      let body: string | null = null;
      let write: { aclPath: string } | null = null;
      if (check.write) {
        if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded'))
          return refuse(res, 415, 'send the restore as a form');
        body = await readBody(req);
        if (body === null) return refuse(res, 413, 'request too large');
        const form = new URLSearchParams(body);
        const extra = [...form.keys()].find((k) => !RESTORE_FIELDS.has(k));
        if (extra) return refuse(res, 403, `parameter '${extra}' is not forwarded: this deck only restores`);
        const volid = form.get('archive') ?? form.get('ostemplate') ?? '';
        const mapped = pve.storageMap.get(volid.slice(0, volid.indexOf(':')));
        if (!mapped) return refuse(res, 403, 'the backup must be on a storage in PVE_STORAGE_MAP');
        write = { aclPath: aclPath(mapped.store, mapped.ns) };
      }
      const verdict = await session(req.headers, write);
      if (!verdict.ok) return refuse(res, verdict.status, verdict.message);
      forward(req, res, target, body);
    })().catch((e: unknown) => (res.headersSent ? res.destroy() : refuse(res, 500, (e as Error).message)));
  };
  return Object.assign(handler, {
    close: () => {
      agent.destroy();
      session.close();
    },
  });
}
