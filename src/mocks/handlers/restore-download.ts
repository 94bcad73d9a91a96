// GET /admin/datastore/{store}/pxar-file-download: a regular file (or the file a hardlink names) as its bytes,
// a directory as a zip stream or, with `tar`, as tar.zst. Always application/octet-stream without a length.
import type { AuthModel } from '../sim/auth/auth-model';
import { lookupPath, resolveHardlink, walk, type FileNode } from '../sim/file-tree';
import { fileBytes } from '../sim/file-tree-content';
import type { Simulator } from '../sim/simulator';
import { tarStream, type ArchiveEntry } from '../sim/tar';
import { zipStream } from '../sim/zip';
import { zstdRawStream } from '../sim/zstd-raw';
import type { Params } from './params';
import {
  archiveOf,
  checkReadAccess,
  debugKind,
  debugStr,
  decodeBase64,
  pxarArchiveNames,
  readManifest,
  refuseEncrypted,
  requireDynamicIndex,
  snapshotRef,
  utf8,
} from './restore-archive';
import { httpDate } from './respond';

export function octetStream(body: ReadableStream<Uint8Array>, now: number): Response {
  return new Response(body, {
    status: 200,
    headers: { 'Content-Type': 'application/octet-stream', Date: httpDate(now) },
  });
}

/** One chunk made when first read: no Content-Length, as PBS streams every download. */
export function lazyChunk(make: () => Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        controller.enqueue(make());
        controller.close();
      },
    },
    { highWaterMark: 0 },
  );
}

export function archiveDownload(sim: Simulator, auth: AuthModel, authid: string, params: Params): Response {
  const s = snapshotRef(params);
  checkReadAccess(sim, auth, authid, s);
  const raw = utf8(decodeBase64(params.filepath as string));
  const archiveName = params['archive-name'] as string | undefined;
  let pxarName: string;
  let filePath: string;
  if (archiveName !== undefined) {
    [pxarName, filePath] = [archiveName, raw];
  } else {
    const rel = raw.startsWith('/') ? raw.slice(1) : raw;
    const i = rel.indexOf('/');
    [pxarName, filePath] = i < 0 ? [rel, '/'] : [rel.slice(0, i), rel.slice(i + 1)];
  }
  const manifest = readManifest(sim, s);
  refuseEncrypted(manifest, pxarName);
  const [meta, payload] = pxarArchiveNames(manifest, pxarName);
  requireDynamicIndex(sim, s, manifest, meta);
  if (payload) requireDynamicIndex(sim, s, manifest, payload);
  const root = archiveOf(sim, s, meta);
  const node = lookupPath(root, filePath);
  if (!node) throw new Error(`error opening '${debugStr(filePath)}'`);
  const now = sim.now();
  if (node.type === 'f' || node.type === 'h') {
    const file = resolveHardlink(root, node);
    if (!file) throw new Error(`cannot download file of type ${debugKind(node)}`);
    return octetStream(
      lazyChunk(() => fileBytes(sim.seed, file)),
      now,
    );
  }
  if (node.type !== 'd') throw new Error(`cannot download file of type ${debugKind(node)}`);
  const entries = dirEntries(sim.seed, root, node);
  return octetStream(params.tar === true ? zstdRawStream(tarStream(entries)) : zipStream(entries), now);
}

/**
 * The entries of a directory download, named relative to the directory's parent ("etc/", "etc/hosts"), the
 * directory first. Hardlinks to files inside become links in tar (zip stores the file again); a hardlink to a
 * file outside the directory is stored as that file.
 */
export function* dirEntries(seed: number, root: FileNode, dir: FileNode): Generator<ArchiveEntry> {
  const prefix = dir.path === '/' ? '/' : dir.path.slice(0, dir.path.lastIndexOf('/') + 1);
  const rel = (p: string) => p.slice(prefix.length);
  if (dir.path !== '/') yield { path: rel(dir.path), type: 'dir', mode: dir.mode, mtime: dir.mtime };
  for (const n of walk(dir)) {
    const base = { path: rel(n.path), mode: n.mode, mtime: n.mtime };
    if (n.type === 'd') yield { ...base, type: 'dir' };
    else if (n.type === 'l') yield { ...base, type: 'symlink', link: n.target };
    else {
      const file = resolveHardlink(root, n);
      if (!file) continue;
      const bytes = () => fileBytes(seed, file);
      const inside = n.type === 'h' && file.path.startsWith(`${dir.path === '/' ? '' : dir.path}/`);
      if (inside) yield { ...base, type: 'hardlink', link: rel(file.path), bytes };
      else yield { ...base, mode: file.mode, mtime: file.mtime, type: 'file', bytes };
    }
  }
}
