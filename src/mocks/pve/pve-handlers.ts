// The simulated Proxmox VE at its own origin: only what the restore flow uses, answered as PVE does, with PVE's own
// users, tickets, API tokens and ACL (pve-access.ts). It knows nothing of PBS sessions: whatever sits in front of it
// (the deck's /pve-api/ layer) decides what reaches it.
import { http, type HttpHandler } from 'msw';
import type { HandlerContext } from '../handlers/context';
import { PveError, pveErrorResponse, pveJson } from './pve-errors';
import type { PveLoginParams } from './pve-access';
import { pveModel, type PveModel } from './pve-model';
import { checkNode, clusterResources, contentEntries, nodeEntries, storageEntries } from './pve-reads';
import { restoreCt, restoreVm } from './pve-restore';

export const PVE_SIM_ORIGIN = 'https://pve.sim.invalid:8006';
export const PVE_SIM_API = `${PVE_SIM_ORIGIN}/api2/json`;

type Answer = { data: unknown; total?: number };
interface Call {
  m: PveModel;
  /** '' on the calls PVE answers without authentication */
  authid: string;
  url: URL;
  params: Record<string, string>;
  body: Record<string, string>;
}
type Handle = (call: Call) => Answer;

async function formBody(request: Request): Promise<Record<string, string>> {
  const text = await request.text();
  if ((request.headers.get('Content-Type') ?? '').includes('json')) {
    let json: unknown;
    try {
      json = JSON.parse(text || '{}');
    } catch {
      throw new PveError(400, 'malformed JSON request body\n');
    }
    if (typeof json !== 'object' || json === null) throw new PveError(400, 'malformed JSON request body\n');
    return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, String(v)]));
  }
  return Object.fromEntries(new URLSearchParams(text));
}

/** read_task_status / read_task_log: the task's owner (a user also sees its tokens' tasks), or Sys.Audit. */
function checkTaskReader(m: PveModel, authid: string, node: string, upid: string): void {
  const owner = upid.split(':')[7] ?? '';
  if (authid === owner || authid === owner.split('!')[0]) return;
  m.access.check(authid, `/nodes/${node}`, ['Sys.Audit']);
}

const LOGIN_FIELDS = ['username', 'realm', 'password', 'otp', 'tfa-challenge'] as const;

export function pveHandlers(ctx: HandlerContext): HttpHandler[] {
  const on = (method: 'get' | 'post', path: string, handle: Handle, open = false): HttpHandler =>
    http[method](`${PVE_SIM_API}${path}`, async ({ request, params }) => {
      const { sim } = ctx.host;
      try {
        const m = pveModel(sim);
        const authid = open ? '' : authenticate(m, request);
        const p: Record<string, string> = {};
        for (const [k, v] of Object.entries(params)) if (typeof v === 'string') p[k] = v;
        const body = method === 'post' ? await formBody(request) : {};
        const answer = handle({ m, authid, url: new URL(request.url), params: p, body });
        return pveJson(
          answer.total === undefined ? { data: answer.data } : { data: answer.data, total: answer.total },
          sim.now(),
        );
      } catch (e) {
        if (e instanceof PveError) return pveErrorResponse(e, sim.now());
        throw e;
      }
    });

  return [
    on('get', '/access/domains', ({ m }) => ({ data: m.access.domains() }), true),
    on('get', '/access/ticket', () => ({ data: null }), true),
    on(
      'post',
      '/access/ticket',
      ({ m, body }) => {
        const login: PveLoginParams = {};
        for (const k of LOGIN_FIELDS) if (body[k] !== undefined) login[k] = body[k];
        return { data: m.access.login(login) };
      },
      true,
    ),
    on('get', '/nodes', ({ m, authid }) => ({ data: nodeEntries(m, authid) })),
    on('get', '/nodes/:node/storage', ({ m, authid, url, params }) => {
      checkNode(params.node!);
      const content = url.searchParams.get('content')?.split(',');
      return { data: storageEntries(m, authid, content, url.searchParams.get('storage')) };
    }),
    on('get', '/nodes/:node/storage/:storage/content', ({ m, authid, url, params }) => {
      checkNode(params.node!);
      const q = url.searchParams;
      return { data: contentEntries(m, authid, params.storage!, q.get('content'), q.get('vmid') ?? undefined) };
    }),
    on('get', '/cluster/nextid', ({ m, url }) => {
      const wanted = url.searchParams.get('vmid');
      if (wanted !== null) {
        if (m.guests.has(Number(wanted)))
          throw new PveError(400, 'Parameter verification failed.\n', { vmid: `VM ${wanted} already exists` });
        return { data: wanted };
      }
      // Perl hands the number back as a string
      return { data: String(m.nextId()) };
    }),
    on('get', '/cluster/resources', ({ m, authid, url }) => ({
      data: clusterResources(m, authid, url.searchParams.get('type')),
    })),
    on('post', '/nodes/:node/qemu', ({ m, authid, params, body }) => {
      checkNode(params.node!);
      return { data: restoreVm(m, params.node!, body, authid) };
    }),
    on('post', '/nodes/:node/lxc', ({ m, authid, params, body }) => {
      checkNode(params.node!);
      return { data: restoreCt(m, params.node!, body, authid) };
    }),
    on('get', '/nodes/:node/tasks/:upid/status', ({ m, authid, params }) => {
      checkTaskReader(m, authid, params.node!, params.upid!);
      return { data: m.taskStatus(params.node!, params.upid!) };
    }),
    on('get', '/nodes/:node/tasks/:upid/log', ({ m, authid, url, params }) => {
      checkTaskReader(m, authid, params.node!, params.upid!);
      const start = Number(url.searchParams.get('start') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 50);
      return m.taskLog(params.node!, params.upid!, start, limit);
    }),
    http.all(`${PVE_SIM_API}/*`, ({ request }) => {
      const { sim } = ctx.host;
      const method = request.method.toUpperCase();
      const rel = new URL(request.url).pathname.slice(new URL(PVE_SIM_API).pathname.length);
      try {
        authenticate(pveModel(sim), request);
        throw new PveError(501, `Method '${method} ${rel}' not implemented\n`);
      } catch (e) {
        if (e instanceof PveError) return pveErrorResponse(e, sim.now());
        throw e;
      }
    }),
  ];
}

function authenticate(m: PveModel, request: Request): string {
  return m.access.authenticate({
    method: request.method.toUpperCase(),
    cookie: request.headers.get('Cookie'),
    authorization: request.headers.get('Authorization'),
    csrf: request.headers.get('CSRFPreventionToken'),
  });
}
