// Proxmox VE's permission resolution (pve-access-control): PVE::AccessControl::roles walks the ACL tree from / to
// the path, a deeper entry for the same user or token replaces what propagated from above, and NoAccess wins;
// PVE::RPCEnvironment::permissions adds the roles a pool's ACL lends to its member guests and storages (never
// over NoAccess, never propagated), and intersects a privilege-separated token's privileges with its user's.
// Groups are not simulated.
import { ALL_PVE_PRIVS, PVE_ROLES } from './pve-roles';

export interface PveAclEntry {
  path: string;
  /** a user (`name@realm`) or an API token (`name@realm!token`) */
  ugid: string;
  role: string;
  /** PVE's default is 1 */
  propagate?: boolean;
}

export interface PvePool {
  poolid: string;
  vms: number[];
  storage: string[];
}

/** role → propagate */
type Roles = Map<string, boolean>;

const segments = (path: string) => (path === '/' ? [''] : path.split('/'));

export function aclRoles(acl: readonly PveAclEntry[], authid: string, path: string): Roles {
  let roles: Roles = new Map();
  const parts = segments(path);
  let at = '';
  parts.forEach((part, i) => {
    at = i === 0 ? '/' : at === '/' ? `/${part}` : `${at}/${part}`;
    const final = i === parts.length - 1;
    const here = acl.filter((e) => e.ugid === authid && e.path === at && (final || e.propagate !== false));
    if (here.length) roles = new Map(here.map((e) => [e.role, e.propagate !== false]));
  });
  const noAccess = roles.get('NoAccess');
  return noAccess === undefined ? roles : new Map([['NoAccess', noAccess]]);
}

export interface PermissionSource {
  acl: readonly PveAclEntry[];
  pools: readonly PvePool[];
  /** undefined: no such token */
  tokenPrivsep(tokenid: string): boolean | undefined;
}

/** The privileges `authid` holds on `path`, as PVE::RPCEnvironment::permissions computes them. */
export function pvePrivileges(src: PermissionSource, authid: string, path: string): Set<string> {
  if (authid === 'root@pam') return new Set(ALL_PVE_PRIVS);
  const bang = authid.indexOf('!');
  let userPrivs: Set<string> | null = null;
  if (bang >= 0) {
    const privsep = src.tokenPrivsep(authid);
    if (privsep === undefined) return new Set();
    userPrivs = pvePrivileges(src, authid.slice(0, bang), path);
    if (!privsep) return userPrivs;
  }
  let roles = aclRoles(src.acl, authid, path);
  const lent = poolRoles(src, authid, path);
  if (lent.size && !roles.has('NoAccess')) {
    if (lent.has('NoAccess')) roles = new Map([['NoAccess', false]]);
    else for (const role of lent) if (!roles.has(role)) roles.set(role, false);
  }
  const privs = new Set<string>();
  for (const role of roles.keys()) for (const p of PVE_ROLES[role] ?? []) privs.add(p);
  if (userPrivs && authid.slice(0, bang) !== 'root@pam') for (const p of privs) if (!userPrivs.has(p)) privs.delete(p);
  return privs;
}

function poolRoles(src: PermissionSource, authid: string, path: string): Set<string> {
  const out = new Set<string>();
  for (const pool of src.pools) {
    const member =
      pool.vms.some((id) => path === `/vms/${id}`) || pool.storage.some((sid) => path === `/storage/${sid}`);
    if (!member) continue;
    for (const role of aclRoles(src.acl, authid, `/pool/${pool.poolid}`).keys()) out.add(role);
  }
  return out;
}

/** The ACL paths PVE lists in compute_api_permission besides its fixed ones. */
export const aclPaths = (acl: readonly PveAclEntry[]) => [...new Set(acl.map((e) => e.path))];
