// Which ACL paths PBS accepts for new entries (pbs-config acl.rs, check_acl_path): a fixed shape per top-level tree,
// with datastore paths as deep as the store plus the deepest namespace.
import { splitAclPath } from './privileges';

const MAX_NAMESPACE_DEPTH = 7;

/** How many components a path below each fixed prefix may have, counting the prefix itself. */
const SHAPES: [prefix: string[], maxLength: number][] = [
  [[], 0],
  [['access'], 1],
  [['access', 'acl'], 2],
  [['access', 'users'], 2],
  [['access', 'domains'], 2],
  [['access', 'openid'], 3],
  [['datastore'], 2 + MAX_NAMESPACE_DEPTH],
  [['remote'], 3],
  [['system'], 1],
  ...['certificates', 'disks', 'log', 'notifications', 'status', 'tasks', 'time'].map((s): [string[], number] => [
    ['system', s],
    2,
  ]),
  [['system', 'services'], 3],
  [['system', 'network'], 2],
  [['system', 'network', 'dns'], 3],
  [['system', 'network', 'interfaces'], 4],
  [['tape'], 1],
  [['tape', 'device'], 3],
  [['tape', 'pool'], 3],
  [['tape', 'job'], 3],
];

export function isValidAclPath(path: string): boolean {
  const parts = splitAclPath(path);
  return SHAPES.some(
    ([prefix, max]) => parts.length >= prefix.length && parts.length <= max && prefix.every((p, i) => parts[i] === p),
  );
}

/** Throws PBS's 400 text for a path no ACL entry may name. */
export function checkAclPath(path: string): void {
  if (!isValidAclPath(path)) throw new Error(`invalid acl path '${path}'.`);
}
