import type { Permissions } from '@/api/schemas/access';

function parents(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  const out: string[] = [];
  for (let i = parts.length; i >= 0; i--) out.push(`/${parts.slice(0, i).join('/')}`);
  return out;
}

/**
 * Whether `/access/permissions` (without `path`) grants `priv` on `path`. PBS lists ACL paths and a
 * few defaults with the privileges in effect there; a path not listed inherits from the nearest
 * listed parent, but only privileges marked as propagating.
 */
export function can(permissions: Permissions | undefined, path: string, priv: string): boolean {
  if (!permissions) return false;
  for (const candidate of parents(path)) {
    const privs = permissions[candidate];
    if (!privs) continue;
    if (candidate === path) return priv in privs;
    if (privs[priv] === true) return true;
  }
  return false;
}
