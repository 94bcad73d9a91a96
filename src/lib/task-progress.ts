/*
 * How far a running task has come, read from its log the way PBS writes it
 * (shared/reference/pbs-formats.md §6.3 GC, §6.5 verify). Only the newest progress line counts, so
 * the log is scanned from its end and a 100 000-line log costs a few lines of work.
 */

export interface TaskProgress {
  /** 0–100 within the current step. */
  percent: number;
  /** What the percentage is of, in words. */
  label: string;
}

// `2024-06-05T16:24:36+02:00: ` (PBS writes a numeric offset; tolerate `Z` too)
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[+-]\d\d:\d\d|Z): /;

/** The message of a log line without PBS's timestamp prefix. */
export function logMessage(line: string): string {
  return line.replace(TIMESTAMP, '');
}

const VERIFY = /^percentage done: (\d+(?:\.\d+)?)% \((.+)\)$/;
const GC_MARK = /^marked (\d+)% \((\d+) of (\d+) index files\)$/;
const GC_SWEEP = /^processed (\d+)% \((\d+) chunks\)$/;
const GC_PHASE2 = /^Start GC phase2 /;
const GC_PHASE1 = /^Start GC phase1 /;

const clamp = (n: number) => Math.min(100, Math.max(0, n));

function verifyProgress(message: string): TaskProgress | null {
  const m = VERIFY.exec(message);
  return m ? { percent: clamp(Number(m[1])), label: `Verified ${m[2]}` } : null;
}

function gcProgress(message: string): TaskProgress | null {
  let m = GC_SWEEP.exec(message);
  if (m) return { percent: clamp(Number(m[1])), label: `Phase 2 of 2, sweeping unused chunks (${m[2]} chunks so far)` };
  if (GC_PHASE2.test(message)) return { percent: 0, label: 'Phase 2 of 2, sweeping unused chunks' };
  m = GC_MARK.exec(message);
  if (m)
    return {
      percent: clamp(Number(m[1])),
      label: `Phase 1 of 2, marking used chunks (${m[2]} of ${m[3]} index files)`,
    };
  if (GC_PHASE1.test(message)) return { percent: 0, label: 'Phase 1 of 2, marking used chunks' };
  return null;
}

const readers: Record<string, (message: string) => TaskProgress | null> = {
  verify: verifyProgress,
  verify_group: verifyProgress,
  verificationjob: verifyProgress,
  garbage_collection: gcProgress,
};

/** The newest progress a log tells for this worker type; null when it tells none (yet). */
export function taskProgress(workerType: string, lines: readonly string[]): TaskProgress | null {
  const read = readers[workerType];
  if (!read) return null;
  for (let i = lines.length - 1; i >= 0; i--) {
    const progress = read(logMessage(lines[i] ?? ''));
    if (progress) return progress;
  }
  return null;
}

const STAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[+-]\d\d:\d\d|Z)): /;

/** Epoch seconds of a log line's timestamp, or null when it has none. */
export function logLineTime(line: string): number | null {
  const m = STAMP.exec(line);
  if (!m?.[1]) return null;
  const ms = Date.parse(m[1]);
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}
