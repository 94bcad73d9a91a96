// The ACL tree and privilege lookup as PBS resolves them (pbs-config acl.rs, cached_user_info.rs): on the way down a
// path only propagating roles count, the leaf counts all its roles, and a deeper node with any matching role
// replaces what was inherited. NoAccess wipes everything. root@pam is the superuser, whatever the ACL says.
import { ALL_PRIVS, ROLES, splitAclPath } from './privileges';

export interface AclEntry {
  path: string;
  /** user id or API token id */
  ugid: string;
  roleid: string;
  propagate: boolean;
}

export const SUPERUSER = 'root@pam';

export const isToken = (authid: string): boolean => authid.includes('!');
export const userOf = (authid: string): string => authid.split('!')[0]!;

export interface PrivDetails {
  privs: number;
  propagated: number;
}

export class AclTree {
  readonly entries: AclEntry[] = [];

  add(entry: AclEntry): void {
    const i = this.entries.findIndex(
      (e) => e.path === entry.path && e.ugid === entry.ugid && e.roleid === entry.roleid,
    );
    if (i >= 0) this.entries[i] = entry;
    else this.entries.push(entry);
  }

  /** Roles effective for `authid` on `path`: role → propagate. */
  roles(authid: string, path: string[]): Map<string, boolean> {
    let map = this.rolesAt('/', authid, path.length === 0);
    for (let i = 0; i < path.length; i++) {
      const nodePath = '/' + path.slice(0, i + 1).join('/');
      if (!this.hasNode(nodePath)) return map;
      const next = this.rolesAt(nodePath, authid, i === path.length - 1);
      if (next.size > 0) map = next;
    }
    return map;
  }

  /** Every path that has a node in the tree (any entry at or below it), as /access/permissions lists them. */
  nodePaths(): string[] {
    const out = new Set<string>();
    for (const e of this.entries) {
      const parts = splitAclPath(e.path);
      for (let i = 1; i <= parts.length; i++) out.add('/' + parts.slice(0, i).join('/'));
    }
    return [...out];
  }

  /** Paths below `path` holding an entry for `authid`. */
  childPaths(authid: string, path: string[]): string[] {
    const prefix = '/' + path.join('/');
    return this.entries
      .filter((e) => e.ugid === authid && e.path !== prefix && e.path.startsWith(prefix === '/' ? '/' : prefix + '/'))
      .map((e) => e.path);
  }

  private hasNode(path: string): boolean {
    return this.entries.some((e) => e.path === path || e.path.startsWith(path + '/'));
  }

  private rolesAt(path: string, authid: string, leaf: boolean): Map<string, boolean> {
    const map = new Map<string, boolean>();
    for (const e of this.entries) {
      if (e.path !== path || e.ugid !== authid || !(e.propagate || leaf)) continue;
      if (e.roleid === 'NoAccess') return new Map([['NoAccess', false]]);
      map.set(e.roleid, e.propagate);
    }
    return map;
  }
}

export function lookupPrivDetails(acl: AclTree, authid: string, path: string[]): PrivDetails {
  if (authid === SUPERUSER) return { privs: ALL_PRIVS, propagated: ALL_PRIVS };
  let privs = 0;
  let propagated = 0;
  for (const [role, propagate] of acl.roles(authid, path)) {
    const rolePrivs = ROLES[role] ?? 0;
    privs |= rolePrivs;
    if (propagate) propagated |= rolePrivs;
  }
  if (isToken(authid)) {
    // a token never holds more than its user
    const owner = lookupPrivDetails(acl, userOf(authid), path);
    privs &= owner.privs;
    propagated &= owner.propagated;
  }
  return { privs, propagated };
}
