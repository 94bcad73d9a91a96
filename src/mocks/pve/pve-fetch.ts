// The simulated Proxmox VE as a fetch function: a Request for PVE_SIM_ORIGIN answered in-process by the PVE
// handlers alone, the upstream the deck's /pve-api/ layer talks to in simulator mode and in the static demo. The
// simulator's fault rules reach PVE here, under the path the console uses for it (`/pve-api` + PVE's path).
import { getResponse } from 'msw';
import type { HandlerContext } from '../handlers/context';
import { pveRuleAnswer } from './pve-fault-answer';
import { pveHandlers } from './pve-handlers';

export function simPveFetch(ctx: HandlerContext): (req: Request) => Promise<Response> {
  const handlers = pveHandlers(ctx);
  return async (req) => {
    const path = new URL(req.url).pathname;
    return (
      (await pveRuleAnswer(ctx, req, `/pve-api${path}`)) ??
      // the handlers match absolute URLs, so getResponse needs no baseUrl
      (await getResponse(handlers, req)) ??
      new Response(null, { status: 404, statusText: `no such path '${path}'` })
    );
  };
}
