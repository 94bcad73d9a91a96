// The simulated Proxmox VE under /pve-api/api2/json: only what the restore flow uses, answered as PVE does. Like
// the deck server's mount, every call needs the console's PBS session, and a restore needs Datastore.Read on the
// datastore and namespace the backup's storage points at.
import { http, type HttpHandler } from 'msw';
import { authenticate } from '../handlers/auth-gate';
import type { HandlerContext } from '../handlers/context';
import { nsAclPath } from '../handlers/ns-privs';
import { HttpError } from '../handlers/respond';
import { PRIV } from '../sim/auth/privileges';
import { findStorage, PVE_NODES, PVE_STORAGES } from './pve-config';
import { PveError, pveErrorResponse, pveJson } from './pve-errors';
import { pveModel, type PveModel } from './pve-model';
import { restoreCt, restoreVm } from './pve-restore';
import { listBackups, parseBackupVolume } from './pve-volumes';

export const PVE_API = '/pve-api/api2/json';

type Answer = { data: unknown; total?: number };
type Handle = (m: PveModel, args: { url: URL; params: Record<string, string>; body: Record<string, string> }) => Answer;

function checkNode(node: string): void {
  if (!(PVE_NODES as readonly string[]).includes(node)) throw new PveError(500, `no such cluster node '${node}'\n`);
}

async function formBody(request: Request): Promise<Record<string, string>> {
  const text = await request.text();
  if ((request.headers.get('Content-Type') ?? '').includes('json')) {
    const json = JSON.parse(text || '{}') as Record<string, unknown>;
    return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, String(v)]));
  }
  return Object.fromEntries(new URLSearchParams(text));
}

export function pveHandlers(ctx: HandlerContext): HttpHandler[] {
  const on = (method: 'get' | 'post', path: string, handle: Handle): HttpHandler =>
    http[method](`${PVE_API}${path}`, async ({ request, requestId, params, cookies }) => {
      const { sim, auth } = ctx.host;
      try {
        const authid = await authenticate(ctx, request, cookies);
        const p: Record<string, string> = {};
        for (const [k, v] of Object.entries(params)) if (typeof v === 'string') p[k] = v;
        const body = method === 'post' ? await formBody(request) : {};
        if (method === 'post') {
          const volid = body.archive ?? body.ostemplate;
          const vol = volid
            ? (() => {
                try {
                  return parseBackupVolume(volid);
                } catch {
                  return null;
                }
              })()
            : null;
          if (
            vol &&
            !auth.hasPrivs(authid, nsAclPath(vol.storage.store, vol.storage.ns || undefined), PRIV.DATASTORE_READ)
          ) {
            throw new PveError(
              403,
              `Permission check failed (restore needs Datastore.Read on ${nsAclPath(vol.storage.store, vol.storage.ns || undefined)})\n`,
            );
          }
        }
        ctx.onCall?.(requestId, sim.now());
        const answer = handle(pveModel(sim), { url: new URL(request.url), params: p, body });
        return pveJson(
          answer.total === undefined ? { data: answer.data } : { data: answer.data, total: answer.total },
          sim.now(),
        );
      } catch (e) {
        if (e instanceof HttpError) return pveErrorResponse(new PveError(e.status, `${e.message}\n`), sim.now());
        if (e instanceof PveError) return pveErrorResponse(e, sim.now());
        throw e;
      }
    });

  return [
    on('get', '/nodes', () => ({
      data: PVE_NODES.map((node, i) => ({
        node,
        id: `node/${node}`,
        type: 'node',
        status: 'online',
        level: '',
        maxcpu: 32,
        cpu: 0.08 + i * 0.05,
        maxmem: 256 * 1024 ** 3,
        mem: (88 + i * 20) * 1024 ** 3,
        uptime: 3_400_000 + i * 86400,
      })),
    })),
    on('get', '/nodes/:node/storage', (_m, { url, params }) => {
      checkNode(params.node!);
      const content = url.searchParams.get('content')?.split(',');
      const only = url.searchParams.get('storage');
      return {
        data: PVE_STORAGES.filter(
          (s) => (!content || s.content.some((c) => content.includes(c))) && (!only || s.storage === only),
        ).map((s) => {
          const used = Math.round(s.total * (s.type === 'pbs' ? 0.41 : 0.37));
          return {
            storage: s.storage,
            type: s.type,
            content: s.content.join(','),
            active: 1,
            enabled: 1,
            shared: s.shared,
            total: s.total,
            used,
            avail: s.total - used,
            used_fraction: used / s.total,
          };
        }),
      };
    }),
    on('get', '/nodes/:node/storage/:storage/content', (m, { url, params }) => {
      checkNode(params.node!);
      const storage = findStorage(params.storage!);
      if (!storage) throw new PveError(500, `storage '${params.storage}' does not exist\n`);
      const content = url.searchParams.get('content');
      if (content && content !== 'backup') return { data: [] };
      return { data: listBackups(m.sim, storage, url.searchParams.get('vmid') ?? undefined) };
    }),
    on('get', '/cluster/nextid', (m, { url }) => {
      const wanted = url.searchParams.get('vmid');
      if (wanted !== null) {
        if (m.guests.has(Number(wanted)))
          throw new PveError(400, 'Parameter verification failed.\n', { vmid: `VM ${wanted} already exists` });
        return { data: wanted };
      }
      // Perl hands the number back as a string
      return { data: String(m.nextId()) };
    }),
    on('get', '/cluster/resources', (m, { url }) => {
      const type = url.searchParams.get('type');
      if (type !== null && type !== 'vm') return { data: [] };
      m.settle();
      return {
        data: [...m.guests.values()].map((g) => ({
          id: `${g.type}/${g.vmid}`,
          type: g.type,
          vmid: g.vmid,
          name: g.name,
          node: g.node,
          status: g.status,
          template: 0,
          maxdisk: g.maxdisk,
          maxmem: g.maxmem,
          ...(g.lock ? { lock: g.lock } : {}),
        })),
      };
    }),
    on('post', '/nodes/:node/qemu', (m, { params, body }) => {
      checkNode(params.node!);
      return { data: restoreVm(m, params.node!, body) };
    }),
    on('post', '/nodes/:node/lxc', (m, { params, body }) => {
      checkNode(params.node!);
      return { data: restoreCt(m, params.node!, body) };
    }),
    on('get', '/nodes/:node/tasks/:upid/status', (m, { params }) => ({
      data: m.taskStatus(params.node!, params.upid!),
    })),
    on('get', '/nodes/:node/tasks/:upid/log', (m, { url, params }) => {
      const start = Number(url.searchParams.get('start') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 50);
      return m.taskLog(params.node!, params.upid!, start, limit);
    }),
  ];
}
