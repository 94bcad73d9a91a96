// Single-file restore as PBS serves it: GET /admin/datastore/{store}/catalog lists a directory of a snapshot's
// file archives (from catalog.pcat1.didx, or with `archive-name` from the archive's own metadata, as for split
// mpxar/ppxar archives); GET …/pxar-file-download sends a file's bytes, or a directory as zip or tar.zst.
import type { HttpHandler } from 'msw';
import { lookupPath, type FileNode } from '../sim/file-tree';
import { ANYBODY } from './auth-gate';
import type { HandlerContext } from './context';
import {
  archiveOf,
  CATALOG_NAME,
  checkReadAccess,
  debugStr,
  decodeBase64,
  encodeBase64,
  pxarArchiveNames,
  readManifest,
  refuseEncrypted,
  requireDynamicIndex,
  snapshotRef,
  utf8,
  debugKind,
} from './restore-archive';
import { archiveDownload } from './restore-download';
import { ok } from './respond';
import { route } from './route';
import { BACKUP_ID, BACKUP_TIME, BACKUP_TYPE, bool, DATASTORE, NAMESPACE, opt, req, str } from './schemas';

const SNAPSHOT = {
  store: req(DATASTORE),
  ns: opt(NAMESPACE),
  'backup-type': req(BACKUP_TYPE),
  'backup-id': req(BACKUP_ID),
  'backup-time': req(BACKUP_TIME),
  'archive-name': opt(str({ pattern: /^[A-Za-z0-9_][A-Za-z0-9._-]*$/ })),
};

export interface CatalogEntry {
  filepath: string;
  text: string;
  type: string;
  leaf: boolean;
  size?: number;
  mtime?: number;
}

const entry = (full: string, n: FileNode): CatalogEntry => ({
  filepath: encodeBase64(full),
  text: n.name,
  type: n.type,
  leaf: n.type !== 'd',
  ...(n.type === 'f' ? { size: n.size, mtime: n.mtime } : {}),
});

/** `root` and `/` stand for the top; anything else is base64 of the path's bytes. */
function decodePath(filepath: string): string {
  if (filepath === 'root' || filepath === '/') return '/';
  try {
    return utf8(decodeBase64(filepath));
  } catch (e) {
    throw new Error(`base64 decoding of path failed - ${(e as Error).message}`);
  }
}

export function restoreHandlers(ctx: HandlerContext): HttpHandler[] {
  return [
    route(ctx, {
      method: 'get',
      path: '/admin/datastore/:store/catalog',
      access: ANYBODY,
      params: { ...SNAPSHOT, filepath: req(str()) },
      handler: ({ params, sim, auth, authid }) => {
        const s = snapshotRef(params);
        const archiveName = params['archive-name'] as string | undefined;
        checkReadAccess(sim, auth, authid, s);
        const manifest = readManifest(sim, s);
        refuseEncrypted(manifest, archiveName ?? CATALOG_NAME);
        if (archiveName === undefined) {
          requireDynamicIndex(sim, s, manifest, CATALOG_NAME);
          const path = decodePath(params.filepath as string);
          const archives = manifest.files
            .map((f) => f.filename)
            .filter((f) => f.endsWith('.pxar.didx') && !/\.[mp]pxar\.didx$/.test(f));
          return ok(listCatalog(path, archives, (a) => archiveOf(sim, s, a)));
        }
        const [meta] = pxarArchiveNames(manifest, archiveName);
        requireDynamicIndex(sim, s, manifest, meta);
        const path = decodePath(params.filepath as string);
        return ok(listArchive(archiveOf(sim, s, meta), path));
      },
    }),
    route(ctx, {
      method: 'get',
      path: '/admin/datastore/:store/pxar-file-download',
      access: ANYBODY,
      params: { ...SNAPSHOT, filepath: req(str()), tar: opt(bool) },
      handler: ({ params, sim, auth, authid }) => archiveDownload(sim, auth, authid, params),
    }),
  ];
}

/** CatalogReader::list_dir_contents: the top lists the archives; below, paths are "<archive>/<dir>/<name>". */
function listCatalog(path: string, archives: string[], tree: (archive: string) => FileNode): CatalogEntry[] {
  if (path === '/') return archives.map((a) => ({ filepath: encodeBase64(`/${a}`), text: a, type: 'd', leaf: false }));
  const rel = path.startsWith('/') ? path.slice(1) : path;
  const [archive, ...parts] = rel.split('/');
  if (!archives.includes(archive!)) throw new Error(`path ${debugStr(path)} not found in catalog`);
  let node = tree(archive!);
  for (const part of parts) {
    if (!node.children) throw new Error('parent is not a directory - internal error');
    const next = node.children.find((c) => c.name === part);
    if (!next) throw new Error(`path ${debugStr(path)} not found in catalog`);
    node = next;
  }
  if (!node.children) throw new Error('parent is not a directory - internal error');
  return node.children.map((c) => entry(`${rel}/${c.name}`, c));
}

/** pxar_metadata_catalog_lookup: a directory of the archive itself; entry paths are archive-absolute. */
function listArchive(root: FileNode, path: string): CatalogEntry[] {
  const node = lookupPath(root, path);
  if (!node) throw new Error(`lookup failed - error opening '${debugStr(path)}'`);
  if (!node.children) throw new Error(`expected directory entry, got entry kind '${debugKind(node)}'`);
  return node.children.map((c) => entry(c.path, c));
}
