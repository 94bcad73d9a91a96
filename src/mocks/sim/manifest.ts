// index.json.blob as PBS writes it (pbs-formats.md §5), keys in serde_json's sorted order.
import type { Group, Snapshot } from './content';
import { indexCsum, snapshotRel } from './index-file';
import { hexOf } from './random';

export interface Manifest {
  'backup-id': string;
  'backup-time': number;
  'backup-type': string;
  files: { 'crypt-mode': string; csum: string; filename: string; size: number }[];
  signature: string | null;
  unprotected: Record<string, unknown>;
}

export function manifestOf(g: Group, s: Snapshot, seed: number, ns: string): Manifest {
  const unprotected: Record<string, unknown> = {};
  if (s.uploadStats) unprotected.chunk_upload_stats = { ...s.uploadStats };
  if (s.fingerprint) unprotected['key-fingerprint'] = s.fingerprint;
  if (s.notes) unprotected.notes = s.notes;
  if (s.verification) unprotected.verify_state = { ...s.verification };
  return {
    'backup-id': g.id,
    'backup-time': s.time,
    'backup-type': g.type,
    files: s.files.map((f) => ({
      'crypt-mode': f.cryptMode,
      csum:
        f.kind === 'blob'
          ? hexOf(seed, `blob:${g.type}/${g.id}/${s.time}/${f.filename}`, 64)
          : indexCsum(seed, snapshotRel(ns, g.type, g.id, s.time), s.time, f),
      filename: f.filename,
      size: f.size,
    })),
    signature: s.signed ? hexOf(seed, `sig:${g.type}/${g.id}/${s.time}`, 64) : null,
    unprotected,
  };
}
