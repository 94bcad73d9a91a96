// /version and /nodes/{node}/{status,time,subscription,rrd}.
import type { HttpHandler } from 'msw';
import { PRIV } from '../sim/auth/privileges';
import type { RrdCf, RrdTimeframe } from '../sim/simulator';
import { ANYBODY, privilege } from './auth-gate';
import type { HandlerContext } from './context';
import { ok } from './respond';
import { route } from './route';
import { NODE, RRD_CF, RRD_TIMEFRAME, req } from './schemas';

const node = { node: req(NODE) };

export function nodeHandlers(ctx: HandlerContext): HttpHandler[] {
  return [
    route(ctx, {
      method: 'get',
      path: '/version',
      access: ANYBODY,
      params: {},
      handler: ({ sim }) => ok(sim.version()),
    }),
    route(ctx, {
      method: 'get',
      path: '/nodes/:node/status',
      access: privilege('/system/status', PRIV.SYS_AUDIT),
      params: node,
      handler: ({ sim }) => ok(sim.nodeStatus()),
    }),
    route(ctx, {
      method: 'get',
      path: '/nodes/:node/time',
      access: ANYBODY,
      params: node,
      handler: ({ sim }) => ok(sim.nodeTime()),
    }),
    route(ctx, {
      method: 'get',
      path: '/nodes/:node/subscription',
      access: ANYBODY,
      params: node,
      // the full record (server id, key) only with Sys.Audit on /
      handler: ({ sim, auth, authid }) => ok(sim.subscription((auth.privs(authid, '/') & PRIV.SYS_AUDIT) !== 0)),
    }),
    route(ctx, {
      method: 'get',
      path: '/nodes/:node/rrd',
      access: privilege('/system/status', PRIV.SYS_AUDIT),
      params: { ...node, timeframe: req(RRD_TIMEFRAME), cf: req(RRD_CF) },
      handler: ({ sim, params }) => ok(sim.nodeRrd(params.timeframe as RrdTimeframe, params.cf as RrdCf)),
    }),
  ];
}
