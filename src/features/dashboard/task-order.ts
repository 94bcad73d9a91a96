import type { TaskListItem } from '@/api/schemas/tasks';
import { taskStatusKind } from '@/lib/task-status';

const rank = { error: 0, warning: 1, running: 2, unknown: 3, ok: 4 } as const;

/** Failures first, then warnings, running, and the rest; newest first within each. */
export function orderTasks(tasks: TaskListItem[]): TaskListItem[] {
  const kind = (t: TaskListItem) => (t.endtime === undefined ? 'running' : taskStatusKind(t.status));
  return [...tasks].sort((a, b) => rank[kind(a)] - rank[kind(b)] || b.starttime - a.starttime);
}
