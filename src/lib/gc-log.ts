// Reads the summary of a garbage collection task log (pbs-formats.md §6.3). The summary wording is the same in
// PBS 3.x and 4.x; what differs is around it: 4.x adds access-time and chunk-cache lines and drops the `WARN: `
// prefix, and PBS before 2.2 printed sizes with two fixed decimals (`1.00 GiB`) instead of the shortest float.
// Sizes in the log are rounded, so the bytes read back are approximate; the dedup factor is as PBS printed it.

export interface GcLogSummary {
  /** epoch of the first and last timestamped line (the task's start and end), when the lines carry them */
  start?: number;
  end?: number;
  /** the schedule that triggered the run, absent for a run started by hand */
  schedule?: string;
  removedBytes?: number;
  removedChunks?: number;
  pendingBytes: number;
  pendingChunks: number;
  removedBad: number;
  stillBad: number;
  originalBytes?: number;
  diskBytes?: number;
  diskChunks?: number;
  dedupFactor?: number;
  /** `OK`, `WARNINGS: n` or the error text of the final line; absent while the task runs */
  result?: string;
}

const UNIT: Record<string, number> = {
  B: 1,
  KiB: 2 ** 10,
  MiB: 2 ** 20,
  GiB: 2 ** 30,
  TiB: 2 ** 40,
  PiB: 2 ** 50,
  EiB: 2 ** 60,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  PB: 1e15,
};

/** `1.5 KiB`, `4 MiB`, `1.00 GiB`, `512 B`, `12 bytes` → bytes (rounded), or undefined if it is not a size. */
export function parseHumanByte(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([KMGTPE]i?B|B|bytes?)$/.exec(text.trim());
  if (!m?.[1] || !m[2]) return undefined;
  const factor = m[2].startsWith('byte') ? 1 : UNIT[m[2]];
  if (factor === undefined) return undefined;
  return Math.round(Number(m[1]) * factor);
}

// `2024-06-05T16:24:36+02:00: message` (numeric offset, never Z in PBS; Z accepted anyway)
const PREFIX = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:[+-]\d{2}:\d{2}|Z)): (.*)$/;

/** Splits a task log line into its time (epoch) and message; lines without a timestamp keep their text. */
export function splitLogLine(line: string): { time?: number; message: string } {
  const m = PREFIX.exec(line);
  if (!m?.[1] || m[2] === undefined) return { message: line };
  const ms = Date.parse(m[1]);
  return Number.isNaN(ms) ? { message: m[2] } : { time: Math.floor(ms / 1000), message: m[2] };
}

type Rule = [RegExp, (m: RegExpExecArray, out: GcLogSummary) => void];

const int = (s: string | undefined) => (s === undefined ? undefined : Number.parseInt(s, 10));

const RULES: Rule[] = [
  [/^task triggered by schedule '(.*)'$/, (m, o) => (o.schedule = m[1])],
  [/^Removed garbage: (.+)$/, (m, o) => (o.removedBytes = parseHumanByte(m[1] ?? ''))],
  [/^Removed chunks: (\d+)$/, (m, o) => (o.removedChunks = int(m[1]))],
  [
    /^Pending removals: (.+) \(in (\d+) chunks\)$/,
    (m, o) => {
      o.pendingBytes = parseHumanByte(m[1] ?? '') ?? 0;
      o.pendingChunks = int(m[2]) ?? 0;
    },
  ],
  [/^Removed bad chunks: (\d+)$/, (m, o) => (o.removedBad = int(m[1]) ?? 0)],
  [/^Leftover bad chunks: (\d+)$/, (m, o) => (o.stillBad = int(m[1]) ?? 0)],
  [/^Original data usage: (.+)$/, (m, o) => (o.originalBytes = parseHumanByte(m[1] ?? ''))],
  [/^On-Disk usage: (.+?)(?: \([\d.]+%\))?$/, (m, o) => (o.diskBytes = parseHumanByte(m[1] ?? ''))],
  [/^On-Disk chunks: (\d+)$/, (m, o) => (o.diskChunks = int(m[1]))],
  [/^Deduplication factor: (\d+(?:\.\d+)?)$/, (m, o) => (o.dedupFactor = Number(m[1]))],
  [/^TASK (OK|WARNINGS: \d+)$/, (m, o) => (o.result = m[1])],
  [/^TASK ERROR: (.*)$/, (m, o) => (o.result = m[1])],
];

/**
 * The figures of one GC run from its log lines (the `t` texts of GET …/tasks/{upid}/log, in order).
 * Absent figures mean the log did not print them (a failed or aborted run, or a run still going);
 * pending and bad counts are printed only when non-zero, so they default to 0.
 */
export function parseGcLog(lines: readonly string[]): GcLogSummary {
  const out: GcLogSummary = { pendingBytes: 0, pendingChunks: 0, removedBad: 0, stillBad: 0 };
  for (const line of lines) {
    const { time, message } = splitLogLine(line);
    if (time !== undefined) {
      out.start ??= time;
      out.end = time;
    }
    // PBS 3.x prefixes warnings; none of the summary lines is one, but strip it so a rule never misses
    const text = message.replace(/^WARN: /, '');
    for (const [re, apply] of RULES) {
      const m = re.exec(text);
      if (m) {
        apply(m, out);
        break;
      }
    }
  }
  return out;
}

/** Whether the log holds a complete summary (the run got through phase 2). */
export function hasGcSummary(s: GcLogSummary): boolean {
  return s.removedBytes !== undefined && s.dedupFactor !== undefined;
}
