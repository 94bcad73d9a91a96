import type { TaskLogLine } from '@/api/schemas/tasks';
import { isItemError, type ItemError } from '@/lib/item-error';
import { logMessage } from '@/lib/task-progress';

/*
 * A followed task log is read in pieces: the whole log once, then only what came after the last
 * line held (PBS's `start` returns lines numbered ≥ start). The last held line is read again,
 * because PBS may have handed it out before its writer finished it.
 */

/** A line of the log; `problem` says why a line the server sent cannot be shown (its text is then empty). */
export type LogLine = TaskLogLine & { problem?: string };

export interface LogState {
  lines: LogLine[];
  /** Lines in the file at the last read. */
  total: number;
  /** Reads in a row that found the task no longer active. */
  inactiveReads: number;
}

export interface LogPage {
  data: (TaskLogLine | ItemError)[];
  total?: number;
  active?: boolean;
}

/** The `start` of the next read: the whole log first, then from the last line held. */
export function nextLogStart(prev: LogState | undefined): number {
  return prev?.lines.at(-1)?.n ?? 0;
}

/**
 * A page's lines, an unreadable one kept in its place: numbered as the server numbered it where that is
 * readable, else as the line after the one before it, so the next read still starts where it should.
 */
function pageLines(data: LogPage['data'], before: number): LogLine[] {
  let n = before;
  return data.map((line) => {
    if (!isItemError(line)) {
      n = line.n;
      return line;
    }
    const sent = typeof line.raw === 'object' && line.raw !== null ? Reflect.get(line.raw, 'n') : undefined;
    n = typeof sent === 'number' && Number.isInteger(sent) ? sent : n + 1;
    return { n, t: '', problem: line.message };
  });
}

export function mergeLog(prev: LogState | undefined, page: LogPage): LogState {
  const data = pageLines(page.data, nextLogStart(prev));
  const first = data[0]?.n;
  const kept = prev && first !== undefined ? prev.lines.filter((l) => l.n < first) : (prev?.lines ?? []);
  const lines = first === undefined ? kept : kept.concat(data);
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
