import { taskStatusFilterSchema, type TaskStatusFilter } from '@/api/schemas/tasks';
import type { Params } from '@/api/client';

/*
 * The task list's filters live in the URL (`/tasks?type=verif&status=error&store=store1`), in
 * the words PBS's GET /nodes/{node}/tasks takes, so a filtered list can be linked and reloaded.
 * Days are the viewer's calendar days: `since` from its first second, `until` to its last.
 */

export const PAGE_SIZE = 50;
export const STATUS_FILTERS = taskStatusFilterSchema.options;

export interface TaskFilters {
  /** Substring of the worker type, as PBS matches it (`verif` finds verify and verificationjob). */
  type: string;
  status: TaskStatusFilter[];
  store: string;
  /** Substring of the auth id. */
  user: string;
  /** YYYY-MM-DD, the viewer's day. */
  since: string;
  until: string;
  running: boolean;
  errors: boolean;
  /** Rows skipped, as PBS pages. */
  start: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function dayStart(day: string): number | undefined {
  if (!DAY.test(day)) return undefined;
  const ms = new Date(`${day}T00:00:00`).getTime();
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

function dayEnd(day: string): number | undefined {
  const start = dayStart(day);
  if (start === undefined) return undefined;
  // The next day's midnight, not start + 86400: a day with a clock change is 23 or 25 hours long.
  const next = new Date(`${day}T00:00:00`);
  next.setDate(next.getDate() + 1);
  return Math.floor(next.getTime() / 1000) - 1;
}

export function parseTaskFilters(search: URLSearchParams): TaskFilters {
  const start = Number(search.get('start') ?? 0);
  const day = (key: string) => {
    const value = search.get(key) ?? '';
    return dayStart(value) === undefined ? '' : value;
  };
  return {
    type: search.get('type') ?? '',
    status: search.getAll('status').filter((s): s is TaskStatusFilter => taskStatusFilterSchema.safeParse(s).success),
    store: search.get('store') ?? '',
    user: search.get('user') ?? '',
    since: day('since'),
    until: day('until'),
    running: search.get('running') === '1',
    errors: search.get('errors') === '1',
    start: Number.isInteger(start) && start > 0 ? start : 0,
  };
}

/** The URL form: only what differs from "everything". */
export function taskFiltersSearch(f: TaskFilters): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of ['type', 'store', 'user', 'since', 'until'] as const) if (f[key]) out.set(key, f[key]);
  for (const s of f.status) out.append('status', s);
  if (f.running) out.set('running', '1');
  if (f.errors) out.set('errors', '1');
  if (f.start > 0) out.set('start', String(f.start));
  return out;
}

/** The request parameters PBS takes for these filters. */
export function taskListParams(f: TaskFilters): Params {
  return {
    start: f.start,
    limit: PAGE_SIZE,
    typefilter: f.type || undefined,
    statusfilter: f.status.length > 0 ? f.status : undefined,
    store: f.store || undefined,
    userfilter: f.user || undefined,
    since: f.since ? dayStart(f.since) : undefined,
    until: f.until ? dayEnd(f.until) : undefined,
    running: f.running || undefined,
    errors: f.errors || undefined,
  };
}

/**
 * PBS's `total` is no count: it is start + rows returned, plus one when the page was full, a
 * marker that more may follow. So "next" is offered exactly when that marker is there.
 */
export function hasNextPage(start: number, returned: number, total: number | undefined): boolean {
  return (total ?? start + returned) > start + returned;
}
