// What the restore endpoints (catalog, pxar-file-download) share: the snapshot's manifest with PBS's checks and
// texts (encrypted files, missing indexes, split archive names), base64 paths, and the file tree of an archive.
import type { FileNode } from '../sim/file-tree';
import type { BackupType, Manifest, Simulator } from '../sim/simulator';
import { checkBackupOwner, checkNsPrivsFull } from './ns-privs';
import type { AuthModel } from '../sim/auth/auth-model';
import { PRIV } from '../sim/auth/privileges';
import type { Params } from './params';

export interface SnapshotRef {
  store: string;
  ns: string | undefined;
  type: BackupType;
  id: string;
  time: number;
}

export const snapshotRef = (p: Params): SnapshotRef => ({
  store: p.store as string,
  ns: p.ns as string | undefined,
  type: p['backup-type'] as BackupType,
  id: p['backup-id'] as string,
  time: p['backup-time'] as number,
});

export const CATALOG_NAME = 'catalog.pcat1.didx';

/** check_privs_and_load_store: Datastore.Read on the namespace, or Datastore.Backup and owning the group. */
export function checkReadAccess(sim: Simulator, auth: AuthModel, authid: string, s: SnapshotRef): void {
  if (checkNsPrivsFull(auth, authid, s.store, s.ns, PRIV.DATASTORE_READ, PRIV.DATASTORE_BACKUP)) {
    checkBackupOwner(sim.owner(s.store, s.ns, s.type, s.id), authid);
  }
}

/** read_backup_index: the manifest of a finished snapshot. */
export const readManifest = (sim: Simulator, s: SnapshotRef): Manifest =>
  sim.snapshotManifest(s.store, s.ns, s.type, s.id, s.time);

/** PBS refuses to decode what the client encrypted. */
export function refuseEncrypted(manifest: Manifest, name: string): void {
  if (manifest.files.some((f) => f.filename === name && f['crypt-mode'] === 'encrypt')) {
    throw new Error(`cannot decode '${name}' - is encrypted`);
  }
}

const rfc3339 = (t: number) => new Date(t * 1000).toISOString().replace(/\.\d+Z$/, 'Z');

/** The index file's path on the datastore, as PBS prints a PathBuf with {:?}. */
export function indexPath(sim: Simulator, s: SnapshotRef, name: string): string {
  const ns = (s.ns ?? '')
    .split('/')
    .filter(Boolean)
    .map((n) => `ns/${n}/`)
    .join('');
  return JSON.stringify(`${sim.datastoreConfig(s.store).path}/${ns}${s.type}/${s.id}/${rfc3339(s.time)}/${name}`);
}

/** Opening a dynamic index: a file the snapshot does not have fails as the missing file does on PBS. */
export function requireDynamicIndex(sim: Simulator, s: SnapshotRef, manifest: Manifest, name: string): void {
  const path = indexPath(sim, s, name);
  if (!manifest.files.some((f) => f.filename === name)) {
    throw new Error(`unable to read dynamic index '${path}' - No such file or directory (os error 2)`);
  }
  if (!name.endsWith('.didx')) throw new Error(`unable to read dynamic index '${path}' - wrong magic number`);
}

/** pbs-client's get_pxar_archive_names: the metadata (or only) archive and the payload archive of a split pair. */
export function pxarArchiveNames(manifest: Manifest, name: string): [string, string | null] {
  if (manifest.files.some((f) => f.filename === name)) {
    const split = /^(.*)\.[mp]pxar\.didx$/.exec(name);
    return split ? [`${split[1]}.mpxar.didx`, `${split[1]}.ppxar.didx`] : [name, null];
  }
  const base = /^(.*)\.pxar\.didx$/.exec(name);
  if (base) return pxarArchiveNames(manifest, `${base[1]}.mpxar.didx`);
  throw new Error('archive not found in manifest');
}

export function archiveOf(sim: Simulator, s: SnapshotRef, archive: string): FileNode {
  return sim.fileArchive(s.store, s.ns, s.type, s.id, s.time, archive);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with canonical padding, failing with the base64 crate's texts. */
export function decodeBase64(text: string): Uint8Array {
  let pad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '=' && i >= text.length - 2 && /^=+$/.test(text.slice(i))) {
      pad = text.length - i;
      break;
    }
    if (!B64.includes(c)) throw new Error(`Invalid symbol ${text.charCodeAt(i)}, offset ${i}.`);
  }
  if (text.length % 4 !== 0) throw new Error('Invalid padding');
  const out: number[] = [];
  let bits = 0;
  let acc = 0;
  for (const c of text.slice(0, text.length - pad)) {
    acc = (acc << 6) | B64.indexOf(c);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  if (bits > 0 && (acc & ((1 << bits) - 1)) !== 0) {
    const i = text.length - pad - 1;
    throw new Error(`Invalid last symbol ${text.charCodeAt(i)}, offset ${i}.`);
  }
  return Uint8Array.from(out);
}

export function encodeBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

export const utf8 = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

/** Rust's {:?} of a path or string (quoted, escaped): near enough to JSON for the simulator's ASCII names. */
export const debugStr = (s: string): string => JSON.stringify(s);

const debugBytes = (s: string) => `[${Array.from(new TextEncoder().encode(s)).join(', ')}]`;

/** pxar's {:?} of an entry kind, as PBS's errors print it. */
export function debugKind(n: FileNode): string {
  if (n.type === 'f') return `File { size: ${n.size}, offset: Some(${n.mtime % 999_983}) }`;
  if (n.type === 'l') return `Symlink(Symlink { data: ${debugBytes(n.target ?? '')} })`;
  if (n.type === 'h') return `Hardlink(Hardlink { offset: ${n.mtime % 999_983}, data: ${debugBytes(n.target ?? '')} })`;
  return 'Directory';
}
