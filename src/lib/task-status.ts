/*
 * PBS task end states are free text: `OK`, `WARNINGS: <n>`, `unknown`, or the error message.
 * Running tasks have no status in the task list, and `status: "running"` in the task status call.
 */

import type { OtherText } from './item-error';

export type TaskStatusKind = 'ok' | 'warning' | 'error' | 'unknown' | 'running';

const WARNINGS = /^WARNINGS: (\d+)$/;

/** Classifies a task-list `status` (absent while running) or a job's `last-run-state`. */
export function taskStatusKind(status: string | null | undefined): TaskStatusKind {
  if (status === undefined || status === null) return 'running';
  if (status === 'OK') return 'ok';
  if (status === 'unknown') return 'unknown';
  if (status.startsWith('WARNINGS: ')) return 'warning';
  return 'error';
}

/**
 * Classifies GET /nodes/{node}/tasks/{upid}/status (`status` running|stopped plus `exitstatus`); null for a
 * state PBS Deck does not know (a newer PBS's), which is shown as PBS wrote it.
 */
export function taskStateKind(task: {
  status: 'running' | 'stopped' | OtherText;
  exitstatus?: string;
}): TaskStatusKind | null {
  if (task.status === 'running') return 'running';
  if (task.status === 'stopped') return taskStatusKind(task.exitstatus ?? 'unknown');
  return null;
}

/** Number of warnings in `WARNINGS: 3`, else 0. */
export function warningCount(status: string | null | undefined): number {
  const m = status ? WARNINGS.exec(status) : null;
  return m?.[1] ? Number(m[1]) : 0;
}

/** Short words for a status: `OK`, `2 warnings`, `Running`, `Unknown`, or the error text itself. */
export function describeTaskStatus(status: string | null | undefined): string {
  switch (taskStatusKind(status)) {
    case 'running':
      return 'Running';
    case 'ok':
      return 'OK';
    case 'unknown':
      return 'Unknown';
    case 'warning': {
      const n = warningCount(status);
      return `${n} ${n === 1 ? 'warning' : 'warnings'}`;
    }
    case 'error':
      return status ?? '';
  }
}
