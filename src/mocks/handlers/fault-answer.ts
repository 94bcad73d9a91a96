// What a fault rule answers on a PBS path: PBS's own texts, status codes and delays, so a faulted call reads exactly
// like the real refusal it stands for.
import { HttpResponse } from 'msw';
import { MODIFIED } from '../sim/config';
import { sleep } from './auth-gate';
import type { HandlerContext } from './context';
import type { FaultRule } from './fault-rule';
import { formatParamErrors } from './params';
import { jsonResponse, textResponse } from './respond';

/** what PBS writes for this status where the rule gives no body */
function defaultText(ctx: HandlerContext, status: number, path: string): string {
  switch (status) {
    case 401:
      // what the simulator answers for a ticket that ran out
      return ctx.authFailureReasons ? 'authentication failed - invalid ticket - expired' : 'authentication failed';
    case 403:
      return 'permission check failed';
    case 404:
      return `Path '${path}' not found.`;
    case 500:
      return 'internal server error (simulated fault)';
    default:
      return 'simulated fault';
  }
}

/** The answer a rule sends instead of the handler's, after its delay; null when the handler runs after the delay. */
export async function pbsRuleAnswer(ctx: HandlerContext, rule: FaultRule, path: string): Promise<Response | null> {
  await sleep(rule.delayMs ?? 0);
  const now = () => ctx.host.sim.now();
  if (rule.drop) return HttpResponse.error();
  // the same words as the simulator's digest checks (sim/config.ts), which PBS answers with 400
  if (rule.digestConflict) return textResponse(400, MODIFIED, now());
  if (rule.paramErrors) return textResponse(400, formatParamErrors(Object.entries(rule.paramErrors)), now());
  const { status, body } = rule;
  if (status === undefined) return null;
  // PBS waits before every 401, and before the router's bare 403
  if (status === 401) await sleep(ctx.authFailDelayMs);
  if (status === 403 && body === undefined) await sleep(ctx.forbiddenDelayMs);
  if (body !== undefined && typeof body !== 'string') return jsonResponse(body, now(), status);
  return textResponse(status, body ?? defaultText(ctx, status, path), now());
}
