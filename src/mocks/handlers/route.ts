// One PBS API method as an msw handler: faults, authentication, router-level permission, parameter verification,
// then the handler; every failure becomes PBS's status and plain-text body.
import { http, HttpResponse, type HttpHandler } from 'msw';
import { SimError } from '../sim/simulator';
import type { AuthModel } from '../sim/auth/auth-model';
import type { Simulator } from '../sim/simulator';
import { authenticate, checkAccess, sleep, type Access } from './auth-gate';
import type { HandlerContext } from './context';
import { pbsRuleAnswer } from './fault-answer';
import { faultRules } from './fault-rules';
import type { ParamSchema, Params } from './params';
import { readParams } from './read-params';
import { HttpError, jsonResponse, textResponse, type ApiResult } from './respond';

export const API = '/api2/json';

export interface ApiCall {
  params: Params;
  /** '' on World endpoints (no authentication) */
  authid: string;
  sim: Simulator;
  auth: AuthModel;
  request: Request;
}

export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'delete';
  /** below /api2/json, msw syntax: "/admin/datastore/:store/gc" */
  path: string;
  access: Access;
  /** PBS names of URL parameters msw cannot spell (`{ tokenName: 'token-name' }`) */
  pathNames?: Record<string, string>;
  params: ParamSchema;
  handler: (call: ApiCall) => ApiResult | Response | Promise<ApiResult | Response>;
}

/**
 * Sim faults. First the fault rule for this call, if one matches (fault-rules.ts): its delay, then its answer
 * instead of the handler's. Then the global rates: dropped connections, added latency, server errors on a share of
 * requests chosen by the simulator's seeded stream. Returns a response to send instead.
 */
export async function applyFaults(ctx: HandlerContext, request: Request): Promise<Response | null> {
  const path = new URL(request.url).pathname;
  const rule = faultRules(ctx.host.sim).take(request.method, path);
  if (rule) {
    const answer = await pbsRuleAnswer(ctx, rule, path);
    if (answer) return answer;
  }
  const { sim } = ctx.host;
  const f = sim.faults;
  if (f.dropRate > 0 && sim.faultRoll() < f.dropRate) return HttpResponse.error();
  await sleep(f.latencyMs);
  if (f.errorRate > 0 && sim.faultRoll() < f.errorRate) {
    return textResponse(500, 'internal server error (simulated fault)', sim.now());
  }
  return null;
}

export function errorToResponse(e: unknown, now: number): Response {
  if (e instanceof HttpError || e instanceof SimError) return textResponse(e.status, e.message, now);
  if (e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError || !(e instanceof Error)) {
    console.error('[pbs-sim] handler bug', e);
    return textResponse(500, String(e instanceof Error ? e.message : e), now);
  }
  // anything else a handler bails with: PBS answers 400 with the message
  return textResponse(400, e.message, now);
}

export function route(ctx: HandlerContext, spec: RouteSpec): HttpHandler {
  return http[spec.method](`${API}${spec.path}`, async ({ request, requestId, params, cookies }) => {
    const faulted = await applyFaults(ctx, request);
    if (faulted) return faulted;
    const { sim, auth } = ctx.host;
    const pathParams: Record<string, string> = {};
    for (const [k, v] of Object.entries(params)) {
      pathParams[spec.pathNames?.[k] ?? k] = typeof v === 'string' ? v : (v ?? []).join('/');
    }
    try {
      const authid = spec.access.kind === 'world' ? '' : await authenticate(ctx, request, cookies);
      await checkAccess(ctx, spec.access, authid, pathParams);
      const parsed = await readParams(request, spec.params, pathParams);
      ctx.onCall?.(requestId, sim.now());
      const result = await spec.handler({ params: parsed, authid, sim, auth, request });
      if (result instanceof Response) return result;
      return jsonResponse({ data: result.data ?? null, ...result.extra }, sim.now());
    } catch (e) {
      // PBS delays every 401, also those a handler raises (a failed login)
      if (e instanceof HttpError && e.status === 401 && !e.delayed) await sleep(ctx.authFailDelayMs);
      return errorToResponse(e, sim.now());
    }
  });
}
