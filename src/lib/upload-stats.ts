/*
 * What a backup really uploaded, from the two places PBS keeps it (pbs-formats.md §5, §6.2):
 * - the manifest's `unprotected.chunk_upload_stats`, summed over the backup's indexes, kept as long as
 *   the snapshot exists: `count` chunks sent, `size` logical bytes sent (plus the blobs' sizes),
 *   `compressed_size` their encoded size, `duplicates` sent chunks the store already had;
 * - the backup task's log, per archive, for as long as the log is kept.
 * Nothing here guesses: what PBS did not record stays undefined.
 */

export interface ManifestUploadStats {
  count: number;
  size: number;
  compressed_size: number;
  duplicates: number;
}

export interface UploadSummary {
  /** chunks the client sent (those not already in the previous snapshot) */
  uploadedChunks: number;
  /** logical bytes sent */
  uploadedBytes: number;
  /** encoded bytes of what was sent */
  compressedBytes: number;
  /** sent chunks the datastore already held (another guest, an older snapshot) */
  serverDuplicates: number;
  /** sent chunks the datastore did not have yet */
  newChunks: number;
  /** compressed ÷ uploaded, undefined when nothing was sent */
  compressionRatio?: number;
}

export function summarizeManifestStats(stats: ManifestUploadStats | undefined): UploadSummary | undefined {
  if (!stats) return undefined;
  const summary: UploadSummary = {
    uploadedChunks: stats.count,
    uploadedBytes: stats.size,
    compressedBytes: stats.compressed_size,
    serverDuplicates: stats.duplicates,
    newChunks: Math.max(0, stats.count - stats.duplicates),
  };
  if (stats.size > 0) summary.compressionRatio = stats.compressed_size / stats.size;
  return summary;
}

/** One `Upload statistics for '<archive>'` block of a backup task log. */
export interface ArchiveUploadStats {
  archive: string;
  /** logical size of the archive */
  size: number;
  chunkCount: number;
  /** logical bytes sent; absent when size or chunk count was 0 (PBS then prints nothing more) */
  uploadedBytes?: number;
  uploadedPercent?: number;
  /** chunks the client did not send because the previous snapshot had them */
  clientDuplicates?: number;
  /** sent chunks the server already had */
  serverDuplicates?: number;
  duplicatePercent?: number;
  /** encoded ÷ sent, in percent (PBS's integer division) */
  compressionPercent?: number;
}

export interface BackupLogStats {
  /** `[ns/a/]vm/100/2024-06-05T10:00:01Z`, from the first line */
  snapshot?: string;
  archives: ArchiveUploadStats[];
  /** `add blob` lines: blob file name and its encoded length */
  blobs: { file: string; size: number }[];
}

// `2024-06-05T16:24:36+02:00: `, the prefix of every line of the task log API
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[+-]\d\d:\d\d|Z): /;
const START = /^starting new backup on datastore '[^']*'(?: from \S+)?: "([^"]+)"$/;
const HEADER = /^Upload statistics for '([^']+)'$/;
const BLOB = /^add blob "([^"]+)" \((\d+) bytes, comp: \d+\)$/;
const SIZE = /^Size: (\d+)$/;
const CHUNKS = /^Chunk count: (\d+)$/;
const UPLOAD = /^Upload size: (\d+) \((\d+)%\)$/;
const DUPS = /^Duplicates: (\d+)\+(\d+) \((\d+)%\)$/;
const COMPRESSION = /^Compression: (\d+)%$/;

/** Reads the per-archive statistics of a `backup` task log; lines may carry the API's timestamp prefix. */
export function parseBackupLog(lines: readonly string[]): BackupLogStats {
  const out: BackupLogStats = { archives: [], blobs: [] };
  let current: ArchiveUploadStats | undefined;
  for (const raw of lines) {
    const line = raw.replace(TIMESTAMP, '');
    let m: RegExpExecArray | null;
    if ((m = START.exec(line))) out.snapshot = m[1];
    else if ((m = HEADER.exec(line))) {
      current = { archive: m[1]!, size: 0, chunkCount: 0 };
      out.archives.push(current);
    } else if ((m = BLOB.exec(line))) {
      const file = m[1]!.split('/').pop()!;
      if (file !== 'index.json.blob') out.blobs.push({ file, size: Number(m[2]) });
    } else if (current && (m = SIZE.exec(line))) current.size = Number(m[1]);
    else if (current && (m = CHUNKS.exec(line))) current.chunkCount = Number(m[1]);
    else if (current && (m = UPLOAD.exec(line))) {
      current.uploadedBytes = Number(m[1]);
      current.uploadedPercent = Number(m[2]);
    } else if (current && (m = DUPS.exec(line))) {
      current.clientDuplicates = Number(m[1]);
      current.serverDuplicates = Number(m[2]);
      current.duplicatePercent = Number(m[3]);
    } else if (current && (m = COMPRESSION.exec(line))) current.compressionPercent = Number(m[1]);
    else if (/^successfully closed (?:fixed|dynamic) index/.test(line)) current = undefined;
  }
  return out;
}

/** `vm/100/2024-06-05T10:00:01Z` (with `ns/a/ns/b/` in front off the root), as the backup log names it. */
export function backupLogSnapshotPath(ns: string, type: string, id: string, time: number): string {
  const prefix =
    ns === ''
      ? ''
      : ns
          .split('/')
          .map((c) => `ns/${c}/`)
          .join('');
  return `${prefix}${type}/${id}/${new Date(time * 1000).toISOString().replace('.000Z', 'Z')}`;
}
