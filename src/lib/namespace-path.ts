// PBS namespace paths: components joined by `/`, '' for the root, at most 7 levels below it.
import { formatSnapshotTime } from './format-time';

// Parsing has a file of its own: the first script reads the namespace of a reload's URL (app/early-start).
export { MAX_NS_DEPTH, parseNs } from './namespace-parse';

/** Number of components below the root: '' → 0, 'a/b' → 2. */
export function nsDepth(ns: string): number {
  return ns === '' ? 0 : ns.split('/').length;
}

/** The namespace above `ns`; the root has none. */
export function nsParent(ns: string): string | null {
  if (ns === '') return null;
  const i = ns.lastIndexOf('/');
  return i < 0 ? '' : ns.slice(0, i);
}

/** The last component, or '' for the root. */
export function nsName(ns: string): string {
  return ns.slice(ns.lastIndexOf('/') + 1);
}

/** `child` lies below `ns` (not `ns` itself). */
export function nsIsBelow(child: string, ns: string): boolean {
  if (child === ns) return false;
  return ns === '' ? child !== '' : child.startsWith(`${ns}/`);
}

/** The namespaces directly below `ns`, sorted, out of a list of all known namespaces. */
export function nsChildren(all: readonly string[], ns: string): string[] {
  const depth = nsDepth(ns) + 1;
  return all.filter((n) => nsIsBelow(n, ns) && nsDepth(n) === depth).sort();
}

/** `ns` itself and every namespace below it, sorted. */
export function nsSubtree(all: readonly string[], ns: string): string[] {
  return all.filter((n) => n === ns || nsIsBelow(n, ns)).sort();
}

export interface Crumb {
  ns: string;
  label: string;
}

/** Root first: 'a/b' → Root, a, a/b. */
export function nsBreadcrumb(ns: string, rootLabel = 'Root'): Crumb[] {
  const crumbs: Crumb[] = [{ ns: '', label: rootLabel }];
  if (ns === '') return crumbs;
  const parts = ns.split('/');
  parts.forEach((part, i) => crumbs.push({ ns: parts.slice(0, i + 1).join('/'), label: part }));
  return crumbs;
}

/** The snapshot's directory as PBS names it: `ns/a/ns/b/vm/100/2024-01-01T00:00:00Z`. */
export function snapshotPath(ns: string, type: string, id: string, time: number): string {
  const prefix =
    ns === ''
      ? ''
      : `${ns
          .split('/')
          .map((p) => `ns/${p}`)
          .join('/')}/`;
  return `${prefix}${type}/${id}/${formatSnapshotTime(time)}`;
}
