// Who is asking, and may they: credentials as PBS reads them (ticket cookie first, then the API token header), the
// 401 after a delay, and the router-level privilege check with its bare 403 "permission check failed".
import { AuthFailure } from '../sim/auth/auth-model';
import type { HandlerContext } from './context';
import { HttpError } from './respond';

export type Access =
  | { kind: 'world' }
  | { kind: 'anybody' }
  /** `path` may hold `{param}` placeholders filled from the URL, e.g. "/datastore/{store}" */
  | { kind: 'privilege'; path: string; privs: number; partial?: boolean; orUserParam?: string };

export const WORLD: Access = { kind: 'world' };
export const ANYBODY: Access = { kind: 'anybody' };
export const privilege = (path: string, privs: number, partial = false): Access => ({
  kind: 'privilege',
  path,
  privs,
  partial,
});

/**
 * The privilege, or being the user a URL parameter names (PBS's Permission::UserParam: the auth id itself must
 * equal it, so an API token never passes as its user).
 */
export const privilegeOrSelf = (path: string, privs: number, param: string): Access => ({
  kind: 'privilege',
  path,
  privs,
  orUserParam: param,
});

export const sleep = (ms: number) => (ms > 0 ? new Promise<void>((ok) => setTimeout(ok, ms)) : Promise.resolve());

/** Returns the auth id, or throws HttpError 401 after the configured delay. */
export async function authenticate(
  ctx: HandlerContext,
  request: Request,
  cookies: Record<string, string>,
): Promise<string> {
  try {
    return ctx.host.auth.authenticate({
      method: request.method,
      ticket: cookies['__Host-PBSAuthCookie'] ?? cookies['PBSAuthCookie'],
      csrfToken: request.headers.get('CSRFPreventionToken'),
      authorization: request.headers.get('Authorization'),
    });
  } catch (e) {
    if (!(e instanceof AuthFailure)) throw e;
    await sleep(ctx.authFailDelayMs);
    const text = ctx.authFailureReasons ? `authentication failed - ${e.message}` : 'authentication failed';
    throw new HttpError(401, text, true);
  }
}

export async function checkAccess(
  ctx: HandlerContext,
  access: Access,
  authid: string,
  pathParams: Record<string, string>,
): Promise<void> {
  if (access.kind !== 'privilege') return;
  const path = access.path.replace(/\{([^}]+)\}/g, (_, name: string) => pathParams[name] ?? '');
  if (ctx.host.auth.hasPrivs(authid, path, access.privs, access.partial)) return;
  if (access.orUserParam !== undefined && pathParams[access.orUserParam] === authid) return;
  await sleep(ctx.forbiddenDelayMs);
  throw new HttpError(403, 'permission check failed', true);
}
