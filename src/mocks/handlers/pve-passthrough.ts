// /pve-api/api2/json/* in the simulator and the demo: a plain pass-through to the simulated Proxmox VE for any
// console session, with root@pam's API token (the deck's /pve-api/ layer replaces it with user and token modes).
import { http, type HttpHandler } from 'msw';
import { PVE_SIM_API } from '../pve/pve-handlers';
import { PveError, pveErrorResponse } from '../pve/pve-errors';
import { simPveFetch } from '../pve/pve-fetch';
import { SIM_PVE_ROOT_TOKEN } from '../pve/pve-users';
import { authenticate } from './auth-gate';
import type { HandlerContext } from './context';
import { HttpError } from './respond';

const MOUNT = '/pve-api/api2/json';

export function pvePassthrough(ctx: HandlerContext): HttpHandler[] {
  const upstream = simPveFetch(ctx);
  return [
    http.all(`${MOUNT}/*`, async ({ request, requestId, cookies }) => {
      const { sim } = ctx.host;
      try {
        await authenticate(ctx, request, cookies);
      } catch (e) {
        if (e instanceof HttpError) return pveErrorResponse(new PveError(e.status, `${e.message}\n`), sim.now());
        throw e;
      }
      ctx.onCall?.(requestId, sim.now());
      const url = new URL(request.url);
      const headers = new Headers({ Authorization: `PVEAPIToken=${SIM_PVE_ROOT_TOKEN}` });
      const type = request.headers.get('Content-Type');
      if (type) headers.set('Content-Type', type);
      const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text();
      const target = `${PVE_SIM_API}${url.pathname.slice(MOUNT.length)}${url.search}`;
      return upstream(new Request(target, { method: request.method, headers, body }));
    }),
  ];
}
