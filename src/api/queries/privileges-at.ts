import type { Permissions } from '@/api/schemas/access';

/**
 * The privilege names an answer of `permissions` with a path grants on `path`. PBS lists the path itself, or
 * nothing when the user holds no privilege there (NoAccess included). A server that ignores `path` and
 * lists its ACL paths instead is read as PBS reads that list: the nearest listed parent's propagating
 * privileges.
 */
export function privilegesAt(answer: Permissions | undefined, path: string): ReadonlySet<string> {
  const own = answer?.[path];
  if (own) return new Set(Object.keys(own));
  const parts = path.split('/').filter(Boolean);
  for (let i = parts.length - 1; i >= 0; i--) {
    const parent = answer?.[`/${parts.slice(0, i).join('/')}`];
    if (parent) return new Set(Object.entries(parent).flatMap(([name, propagates]) => (propagates ? [name] : [])));
  }
  return new Set();
}
