import type { TaskLogLine } from '@/api/schemas/tasks';
import { logMessage } from '@/lib/task-progress';

/*
 * A followed task log is read in pieces: the whole log once, then only what came after the last
 * line held (PBS's `start` returns lines numbered ≥ start). The last held line is read again,
 * because PBS may have handed it out before its writer finished it.
 */

export interface LogState {
  lines: TaskLogLine[];
  /** Lines in the file at the last read. */
  total: number;
  /** Reads in a row that found the task no longer active. */
  inactiveReads: number;
}

export interface LogPage {
  data: TaskLogLine[];
  total?: number;
  active?: boolean;
}

/** The `start` of the next read: the whole log first, then from the last line held. */
export function nextLogStart(prev: LogState | undefined): number {
  return prev?.lines.at(-1)?.n ?? 0;
}

export function mergeLog(prev: LogState | undefined, page: LogPage): LogState {
  const first = page.data[0]?.n;
  const kept = prev && first !== undefined ? prev.lines.filter((l) => l.n < first) : (prev?.lines ?? []);
  const lines = first === undefined ? kept : kept.concat(page.data);
  return {
    lines,
    total: page.total ?? lines.length,
    inactiveReads: page.active === false ? (prev?.inactiveReads ?? 0) + 1 : 0,
  };
}

const FINAL = /^TASK (OK|WARNINGS: \d+|ERROR: .*)$/;

/**
 * Whether the log can grow no more: it ends with PBS's final line, or the task was found inactive
 * on a read after one that already found it so (a task that died leaves no final line).
 */
export function isLogComplete(state: LogState | undefined): boolean {
  if (!state) return false;
  const last = state.lines.at(-1);
  return (last !== undefined && FINAL.test(logMessage(last.t))) || state.inactiveReads >= 2;
}
