/*
 * Reads a verify task log (pbs-formats.md §6.5): which snapshots failed and why. The list after
 * "Failed to verify the following snapshots/groups:" is the authority (it carries the namespace);
 * the per-file "… failed: <reason>" lines give the reasons, keyed without the namespace, as PBS
 * prints them.
 */

export interface FailedBackup {
  /** The path as PBS lists it: `[ns/a/ns/b/]vm/100[/2024-06-05T10:00:00Z]`. */
  path: string;
  /** Namespace as `a/b`, empty for the root. */
  ns: string;
  type: string;
  id: string;
  /** Epoch seconds of the snapshot; absent when a whole group failed. */
  time?: number;
  /** Why, from the per-file lines: `index.json.blob: wrong index checksum`. */
  reasons: string[];
}

export interface VerifyLogSummary {
  /** Snapshots checked (`verify <store>:<dir>` lines), skipped ones excluded. */
  verified: number;
  skipped: number;
  /** Chunk load/digest problems reported. */
  chunkErrors: number;
  failed: FailedBackup[];
  /** `ok`, `warning` or `error` from the last line; null while the task runs. */
  result: 'ok' | 'warning' | 'error' | null;
  /** The text after `TASK ERROR: `. */
  error?: string;
}

// `2024-06-05T16:24:36+02:00: ` — the prefix of every line of the task log API.
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[+-]\d\d:\d\d|Z): /;
const SNAPSHOT_LINE = /^verify [^:\s]+:(\S+)$/;
const FILE_FAILED = /^verify [^:\s]+:(\S+?)\/([^/\s]+) failed: (.*)$/;
const CHUNK_ERROR =
  /^(?:can't verify chunk|detected chunk with wrong|chunk \S+ was marked as corrupt|chunk CryptMode )/;
const FAILED_HEADER = 'Failed to verify the following snapshots/groups:';

/** The message of one log line, without its timestamp prefix. */
export function logMessage(line: string): string {
  return line.replace(TIMESTAMP, '');
}

/** Splits `ns/a/ns/b/vm/100/2024-06-05T10:00:00Z` into its parts; null for anything else. */
export function parseBackupPath(path: string): Omit<FailedBackup, 'reasons'> | null {
  const parts = path.split('/');
  const ns: string[] = [];
  while (parts[0] === 'ns' && parts.length > 2) {
    parts.shift();
    ns.push(parts.shift() ?? '');
  }
  const [type, id, time, ...rest] = parts;
  if (!type || !id || rest.length > 0 || !/^(vm|ct|host)$/.test(type)) return null;
  const out = { path, ns: ns.join('/'), type, id };
  if (time === undefined) return out;
  const epoch = Date.parse(time);
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(time) || Number.isNaN(epoch)) return null;
  return { ...out, time: epoch / 1000 };
}

/** Strips the namespace part: per-file lines name snapshots without it. */
const withoutNs = (path: string) => path.replace(/^(?:ns\/[^/]+\/)+/, '');

export function parseVerifyLog(lines: readonly string[]): VerifyLogSummary {
  const summary: VerifyLogSummary = { verified: 0, skipped: 0, chunkErrors: 0, failed: [], result: null };
  const reasons = new Map<string, string[]>();
  let inFailedList = false;
  for (const raw of lines) {
    const msg = logMessage(raw);
    if (inFailedList && msg.startsWith('\t')) {
      const parsed = parseBackupPath(msg.trim());
      if (parsed) summary.failed.push({ ...parsed, reasons: [] });
      continue;
    }
    inFailedList = false;
    if (msg === FAILED_HEADER) inFailedList = true;
    else if (msg.startsWith('SKIPPED: ')) summary.skipped++;
    else if (msg.startsWith('TASK OK')) summary.result = 'ok';
    else if (msg.startsWith('TASK WARNINGS: ')) summary.result = 'warning';
    else if (msg.startsWith('TASK ERROR: ')) {
      summary.result = 'error';
      summary.error = msg.slice('TASK ERROR: '.length);
    } else if (CHUNK_ERROR.test(msg)) summary.chunkErrors++;
    else {
      const file = FILE_FAILED.exec(msg);
      if (file?.[1] && file[2] && file[3] !== undefined) {
        const list = reasons.get(file[1]) ?? [];
        list.push(`${file[2]}: ${file[3]}`);
        reasons.set(file[1], list);
      } else if (SNAPSHOT_LINE.test(msg) && !msg.includes(' - ')) summary.verified++;
    }
  }
  for (const f of summary.failed) f.reasons = reasons.get(withoutNs(f.path)) ?? [];
  return summary;
}
