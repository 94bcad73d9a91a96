// GET /admin/datastore/{store}/download-decoded: one file of a snapshot, decoded. The manifest (index.json.blob)
// is the pretty-printed JSON PBS stores, with the upload statistics of a backup; other blobs (guest config,
// client log) and whole archives or images (*.didx, *.fidx) are deterministic bytes of their listed size,
// streamed as the reader pulls them. Encrypted files are refused, as PBS cannot decode them.
// GET …/download: one file as stored (download_file in PBS's src/api2/admin/datastore.rs): Datastore.Read, or
// Datastore.Backup and owning the group; a file or snapshot that is not there answers 400 "File open failed: …".
// Blobs come in PBS's unencrypted, uncompressed blob framing; `.fidx`/`.didx` files byte for byte as PBS stores
// them, with the chunk model's digests (sim/index-file.ts).
import type { HttpHandler } from 'msw';
import { PRIV } from '../sim/auth/privileges';
import type { BackupType } from '../sim/simulator';
import { ANYBODY } from './auth-gate';
import type { HandlerContext } from './context';
import { checkBackupOwner, checkNsPrivsFull } from './ns-privs';
import { httpDate, HttpError } from './respond';
import { indexPath, refuseEncrypted } from './restore-archive';
import { lazyChunk, octetStream } from './restore-download';
import { fileBytes, lazyBytes } from '../sim/file-tree-content';
import type { FileNode } from '../sim/file-tree';
import { route, type ApiCall } from './route';
import { crc32 } from '../sim/zip';
import { enoent, SimError } from '../sim/errors';
import { BACKUP_ID, BACKUP_TIME, BACKUP_TYPE, DATASTORE, NAMESPACE, opt, req, str } from './schemas';

const SNAPSHOT_FILE = {
  store: req(DATASTORE),
  ns: opt(NAMESPACE),
  'backup-type': req(BACKUP_TYPE),
  'backup-id': req(BACKUP_ID),
  'backup-time': req(BACKUP_TIME),
  'file-name': req(str({ pattern: /^[^/\\]+$/ })),
};

/** check_privs_and_load_store with Datastore.Read for any group, or Datastore.Backup for the caller's own. */
function checkedFile({ params, sim, auth, authid }: ApiCall) {
  const store = params.store as string;
  const ns = params.ns as string | undefined;
  const type = params['backup-type'] as BackupType;
  const id = params['backup-id'] as string;
  if (checkNsPrivsFull(auth, authid, store, ns, PRIV.DATASTORE_READ, PRIV.DATASTORE_BACKUP)) {
    checkBackupOwner(sim.owner(store, ns, type, id), authid);
  }
  const file = params['file-name'] as string;
  const time = params['backup-time'] as number;
  return { store, ns, type, id, time, file };
}

function snapshotFile(call: ApiCall) {
  const { sim } = call;
  const { store, ns, type, id, time, file } = checkedFile(call);
  const manifest = sim.snapshotManifest(store, ns, type, id, time);
  const listed = sim.listFiles(store, ns, type, id, time).find((f) => f.filename === file);
  return { store, ns, type, id, time, file, manifest, listed };
}

const NO_FILE = 'File open failed: No such file or directory (os error 2)';
/** the framing of an unencrypted, uncompressed blob: magic, CRC-32 of the data (little endian), the data */
const BLOB_MAGIC = [66, 171, 56, 7, 190, 131, 112, 161];

function rawBlob(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  out.set(BLOB_MAGIC);
  new DataView(out.buffer).setUint32(8, crc32(data), true);
  out.set(data, 12);
  return out;
}

function fileOrNone<T>(open: () => T): T {
  try {
    return open();
  } catch (err) {
    if (err instanceof SimError && err.message === enoent().message) throw new HttpError(400, NO_FILE);
    throw err;
  }
}

export function downloadHandlers(ctx: HandlerContext): HttpHandler[] {
  return [
    route(ctx, {
      method: 'get',
      path: '/admin/datastore/:store/download',
      access: ANYBODY,
      params: SNAPSHOT_FILE,
      handler: (call) => {
        const { sim } = call;
        const { store, ns, type, id, time, file } = checkedFile(call);
        if (file.endsWith('.fidx') || file.endsWith('.didx')) {
          // built before the answer starts, so a missing file is a 400 and not a broken stream
          const bytes = sim.indexFile(store, ns, type, id, time, file);
          return octetStream(
            lazyChunk(() => bytes),
            sim.now(),
          );
        }
        // PBS opens the file in the snapshot's directory: a snapshot that is not there (or still being written,
        // without its manifest) is a file that is not there
        const { manifest, listed } = fileOrNone(() => snapshotFile(call));
        if (file === 'index.json.blob') {
          const json = new TextEncoder().encode(JSON.stringify(manifest, null, 2));
          return octetStream(
            lazyChunk(() => rawBlob(json)),
            sim.now(),
          );
        }
        if (!listed || !file.endsWith('.blob')) throw new HttpError(400, NO_FILE);
        const node = blobNode(file, listed.size ?? 4096, time);
        return octetStream(
          lazyChunk(() => rawBlob(fileBytes(sim.seed, node))),
          sim.now(),
        );
      },
    }),
    route(ctx, {
      method: 'get',
      path: '/admin/datastore/:store/download-decoded',
      access: ANYBODY,
      params: SNAPSHOT_FILE,
      handler: (call) => {
        const { sim } = call;
        const { store, ns, type, id, time, file, manifest, listed } = snapshotFile(call);
        if (file === 'index.json.blob') {
          return new Response(JSON.stringify(manifest, null, 2), {
            headers: { 'Content-Type': 'application/octet-stream', Date: httpDate(sim.now()) },
          });
        }
        refuseEncrypted(manifest, file);
        const ext = file.slice(file.lastIndexOf('.') + 1);
        const path = () => indexPath(sim, { store, ns, type, id, time }, file);
        const key = `decoded:${store}/${ns ?? ''}/${type}/${id}/${time}/${file}`;
        if (ext === 'blob') {
          if (!listed) throw new HttpError(400, NO_FILE);
          // the client log is listed without a size
          const node = blobNode(file, listed.size ?? 4096, time);
          return octetStream(
            lazyChunk(() => fileBytes(sim.seed, node)),
            sim.now(),
          );
        }
        if (ext === 'didx' || ext === 'fidx') {
          const kind = ext === 'didx' ? 'dynamic' : 'fixed';
          if (!listed)
            throw new Error(`unable to read ${kind} index '${path()}' - No such file or directory (os error 2)`);
          return octetStream(lazyBytes(sim.seed, key, listed.size ?? 0), sim.now());
        }
        throw new Error(`cannot download '${ext}' files`);
      },
    }),
  ];
}

/** A blob's decoded text: the guest config, or the client's log. */
function blobNode(file: string, size: number, time: number): FileNode {
  const style = file === 'client.log.blob' ? 'log' : 'conf';
  return { name: file, path: `/${file}`, type: 'f', mode: 0o644, mtime: time, size, content: { kind: 'text', style } };
}
