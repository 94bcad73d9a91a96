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

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** "/datastore//a/" and "/datastore/a" name one node, as in PBS's tree. */
export const normalAclPath = (path: string): string => '/' + splitAclPath(path).join('/');

export const isToken = (authid: string): boolean => authid.includes('!');
export const userOf = (authid: string): string => authid.split('!')[0]!;

export interface PrivDetails {
  privs: number;
  propagated: number;
}

export class AclTree {
  readonly entries: AclEntry[] = [];

  /** Sets a role for an id on a path. NoAccess replaces the id's other roles there, any other role drops NoAccess. */
  add(entry: AclEntry): void {
    const next = { ...entry, path: normalAclPath(entry.path) };
    const at = this.entries.findIndex((e) => e.path === next.path && e.ugid === next.ugid && e.roleid === next.roleid);
    if (at >= 0) this.entries[at] = next;
    else this.entries.push(next);
    const clash = (e: AclEntry) =>
      e !== next &&
      e.path === next.path &&
      e.ugid === next.ugid &&
      (next.roleid === 'NoAccess' || e.roleid === 'NoAccess');
    this.keep((e) => !clash(e));
  }

  /** Removes one role of an id on a path; nothing happens when there is none. */
  remove(path: string, ugid: string, roleid: string): void {
    const p = normalAclPath(path);
    const i = this.entries.findIndex((e) => e.path === p && e.ugid === ugid && e.roleid === roleid);
    if (i >= 0) this.entries.splice(i, 1);
  }

  /** Removes every entry of an id, on every path. */
  removeAuthid(ugid: string): void {
    this.keep((e) => e.ugid !== ugid);
  }

  private keep(test: (e: AclEntry) => boolean): void {
    const kept = this.entries.filter(test);
    this.entries.splice(0, this.entries.length, ...kept);
  }

  /** The entries at `path` (and below it unless `exact`), depth first, child paths in name order. */
  list(path = '/', exact = false): AclEntry[] {
    const p = normalAclPath(path);
    const order = (e: AclEntry) => splitAclPath(e.path).join('\u0000');
    return this.entries
      .filter((e) => e.path === p || (!exact && (p === '/' || e.path.startsWith(p + '/'))))
      .sort((a, b) => cmp(order(a), order(b)) || cmp(a.ugid, b.ugid) || cmp(a.roleid, b.roleid));
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
