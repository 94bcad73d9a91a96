/*
 * Paths of PBS's file catalog. The catalog and pxar-file-download endpoints take a path as base64
 * (standard alphabet, padded) of its UTF-8 bytes; `root` stands for the top level. A plain archive
 * (`root.pxar.didx`, read through catalog.pcat1.didx) is addressed as `/<archive>/<path inside>`;
 * a split archive (`root.mpxar.didx`, read with `archive-name`) by the path inside it alone.
 */

/** base64 of the UTF-8 bytes of `path`. */
export function encodeCatalogPath(path: string): string {
  const bytes = new TextEncoder().encode(path);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** The path a base64 `filepath` stands for; invalid UTF-8 becomes U+FFFD as in any file manager. */
export function decodeCatalogPath(encoded: string): string {
  const binary = atob(encoded);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** The `filepath` parameter of the catalog call: `root` for the top level, else base64. */
export function catalogParam(path: string): string {
  return path === '/' || path === '' ? 'root' : encodeCatalogPath(path);
}

/** Split archives (metadata in `*.mpxar.didx`, contents in `*.ppxar.didx`) are read with `archive-name`. */
export function isSplitArchive(archive: string): boolean {
  return archive.endsWith('.mpxar.didx');
}

/** Archives whose files can be listed: pxar archives, or the metadata half of a split one. */
export function isFileArchive(archive: string): boolean {
  return archive.endsWith('.pxar.didx') || isSplitArchive(archive);
}

/** The top directory of an archive as the catalog addresses it. */
export function archiveRoot(archive: string): string {
  return isSplitArchive(archive) ? '/' : `/${archive}`;
}

/** `dir` joined with one more component. */
export function joinCatalogPath(dir: string, name: string): string {
  return dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
}

/** The directory above `path`, or null at (or above) the archive's top. */
export function parentCatalogPath(path: string, root: string): string | null {
  if (path === root || !isBelowRoot(path, root)) return null;
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** The last component, or '' for '/'. */
export function catalogBaseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function isBelowRoot(path: string, root: string): boolean {
  if (path === root) return true;
  return root === '/' ? path.startsWith('/') : path.startsWith(`${root}/`);
}

/** The path inside the archive, always starting with '/': `/root.pxar.didx/etc/hosts` → `/etc/hosts`. */
export function innerPath(path: string, root: string): string {
  if (root === '/' || !isBelowRoot(path, root)) return path;
  return path.slice(root.length) || '/';
}

export interface PathCrumb {
  path: string;
  label: string;
}

/** Top first: the archive's root (labelled `rootLabel`), then each directory down to `path`. */
export function catalogBreadcrumb(path: string, root: string, rootLabel: string): PathCrumb[] {
  const crumbs: PathCrumb[] = [{ path: root, label: rootLabel }];
  if (!isBelowRoot(path, root)) return crumbs;
  let current = root;
  for (const part of innerPath(path, root).split('/').filter(Boolean)) {
    current = joinCatalogPath(current, part);
    crumbs.push({ path: current, label: part });
  }
  return crumbs;
}

/** `path` relative to `base` (a directory above it), without a leading '/': the name inside a zip. */
export function relativeCatalogPath(path: string, base: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : catalogBaseName(path);
}

export interface BrowseTarget {
  ns: string;
  type: string;
  id: string;
  time: number;
  /** the archive or file to open; without it the page picks one */
  archive?: string;
}

/** The console's page that browses an archive of a snapshot, or downloads a file of it whole. */
export function browseHref(store: string, t: BrowseTarget): string {
  const q = new URLSearchParams();
  if (t.ns) q.set('ns', t.ns);
  q.set('type', t.type);
  q.set('id', t.id);
  q.set('time', String(t.time));
  if (t.archive) q.set('archive', t.archive);
  return `/datastores/${encodeURIComponent(store)}/browse?${q.toString()}`;
}

/** The catalog's path of `inner` (a path inside the archive, '/' for its top): the reverse of innerPath. */
export function outerPath(inner: string, root: string): string {
  const clean = `/${inner
    .split('/')
    .filter((p) => p !== '' && p !== '.' && p !== '..')
    .join('/')}`;
  if (root === '/') return clean;
  return clean === '/' ? root : `${root}${clean}`;
}

/** `path` and every directory above it up to the archive's top. */
export function catalogAncestors(path: string, root: string): string[] {
  return catalogBreadcrumb(path, root, '').map((c) => c.path);
}
