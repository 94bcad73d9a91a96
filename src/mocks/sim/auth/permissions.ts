// Privilege queries over the ACL as PBS answers them: /access/permissions and "any privilege below a path".
import { lookupPrivDetails, type AclTree } from './acl';
import { PRIVILEGES, privNames } from './privileges';

/** Any of `privs` on `path` (propagated) or on some ACL path below it (CachedUserInfo::any_privs_below). */
export function anyPrivsBelow(acl: AclTree, authid: string, path: string[], privs: number): boolean {
  if ((lookupPrivDetails(acl, authid, path).propagated & privs) !== 0) return true;
  return acl
    .childPaths(authid, path)
    .some((p) => (lookupPrivDetails(acl, authid, p.split('/').filter(Boolean)).privs & privs) !== 0);
}

/**
 * GET /access/permissions: ACL path → privilege → propagates. Without `path`: every path in the ACL tree plus
 * /, /access, /datastore, /remote and /system; paths without any privilege are left out.
 */
export function listPermissions(acl: AclTree, authid: string, path?: string): Record<string, Record<string, boolean>> {
  const paths =
    path !== undefined
      ? [path]
      : [...new Set([...acl.nodePaths(), '/', '/access', '/datastore', '/remote', '/system'])];
  const out: Record<string, Record<string, boolean>> = {};
  for (const p of paths.sort()) {
    const { privs, propagated } = lookupPrivDetails(acl, authid, p.split('/').filter(Boolean));
    if (privs === 0) continue;
    const entry: Record<string, boolean> = {};
    for (const name of privNames(privs)) entry[name] = (propagated & (1 << PRIVILEGES.indexOf(name))) !== 0;
    out[p] = entry;
  }
  return out;
}
