// What a fault rule answers in the simulated Proxmox VE: PVE's error shape (JSON with the message, its first line as
// the reason phrase), and a dropped connection as the error fetch throws, which is what the deck's layer sees when
// a real PVE goes away. Rules name PVE calls by the path the console uses, `/pve-api/api2/json/...`.
import type { HandlerContext } from '../handlers/context';
import { sleep } from '../handlers/auth-gate';
import type { FaultRule } from '../handlers/fault-rule';
import { faultRules } from '../handlers/fault-rules';
import { paramError, PveAuthError, PveError, pveErrorResponse } from './pve-errors';

const line = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);

function pveError(status: number, body: string | undefined): PveError {
  if (status === 401) return new PveAuthError(body ?? 'Authentication failed!');
  if (status === 403) return new PveError(403, line(body ?? 'Permission check failed'));
  return new PveError(
    status,
    line(body ?? (status === 500 ? 'internal server error (simulated fault)' : 'simulated fault')),
  );
}

/** The answer of the rule for this PVE call after its delay; null when PVE answers (after the delay, if any). */
export async function pveRuleAnswer(ctx: HandlerContext, request: Request, pvePath: string): Promise<Response | null> {
  // a digest conflict is PBS's answer to a config edit: no PVE call takes it
  const rule: FaultRule | null = faultRules(ctx.host.sim).take(request.method, pvePath, (r) => !r.digestConflict);
  if (!rule) return null;
  await sleep(rule.delayMs ?? 0);
  const now = ctx.host.sim.now();
  if (rule.drop) throw new TypeError('fetch failed (simulated dropped connection)');
  if (rule.paramErrors) return pveErrorResponse(paramError(rule.paramErrors), now);
  const { status, body } = rule;
  if (status === undefined) return null;
  if (body !== undefined && typeof body !== 'string') {
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json;charset=UTF-8', Date: new Date(now * 1000).toUTCString() },
    });
  }
  return pveErrorResponse(pveError(status, body), now);
}
