// Handler-level permission checks of PBS's datastore API (src/backup/hierarchy.rs, pbs-datastore): namespace-aware
// "full or partial" checks with their 403 text, and the backup-owner rule.
import type { AuthModel } from '../sim/auth/auth-model';
import { isToken, userOf } from '../sim/auth/acl';
import { privNames } from '../sim/auth/privileges';
import { HttpError } from './respond';

export const nsAclPath = (store: string, ns?: string): string =>
  ['/datastore', store, ...(ns ? ns.split('/') : [])].join('/');

/**
 * Full access (`full` privs) → false; only `partial` privs → true (the caller must then check group ownership);
 * neither → 403 "permission check failed - missing A|B on /datastore/<store>[/<ns>]".
 */
export function checkNsPrivsFull(
  auth: AuthModel,
  authid: string,
  store: string,
  ns: string | undefined,
  full: number,
  partial = 0,
): boolean {
  const path = nsAclPath(store, ns);
  const privs = auth.privs(authid, path);
  if (full !== 0 && (privs & full) !== 0) return false;
  if (partial !== 0 && (privs & partial) !== 0) return true;
  throw new HttpError(403, `permission check failed - missing ${privNames(full | partial).join('|')} on ${path}`);
}

/** A user owns what its tokens own. */
export function isBackupOwner(owner: string, authid: string): boolean {
  return owner === authid || (isToken(owner) && userOf(owner) === authid);
}

export function checkBackupOwner(owner: string, authid: string): void {
  if (!isBackupOwner(owner, authid)) throw new Error(`backup owner check failed (${authid} != ${owner})`);
}

/** PBS's CachedUserInfo::check_privs as a 400 ("missing permissions 'X' on '/path'"). */
export function checkPrivs(auth: AuthModel, authid: string, path: string, privs: number, partial = false): void {
  if (auth.hasPrivs(authid, path, privs, partial)) return;
  const names = privNames(privs).join(partial ? '|' : '&');
  throw new Error(`missing permissions '${names}' on '${path}'`);
}
