// The task registry: UPIDs, the task list with PBS's filters and `total`, status, logs and abort.
// A task's lines and end are planned when it starts; what is visible depends on the sim time.
import { SimError } from './errors';
import { finalLine, renderLine, type LogLine } from './task-log';
import { formatUpid } from './upid';
import type { TaskListQuery, TaskListRow, TaskLogPage, TaskStatus } from './types';

export interface SimTask {
  upid: string;
  pid: number;
  pstart: number;
  taskId: number;
  starttime: number;
  type: string;
  workerId: string | null;
  authid: string;
  /** undefined while held open (a backup session) */
  endtime?: number;
  status?: string;
  lines: LogLine[] | (() => LogLine[]);
  /** called when an abort lands while the task runs; undoes the task's planned effects */
  onAbort?: (at: number) => void;
  /** the error an aborted run ends with, where the worker words it itself (verify job, sync job) */
  abortStatus?: string;
}

const running = (t: SimTask, now: number) => t.endtime === undefined || t.endtime > now;

function lines(t: SimTask): LogLine[] {
  if (typeof t.lines === 'function') t.lines = t.lines();
  return t.lines;
}

type StatusClass = 'ok' | 'warning' | 'error' | 'unknown';
function classify(status: string): StatusClass {
  if (status === 'OK') return 'ok';
  if (status === 'unknown') return 'unknown';
  if (status.startsWith('WARNINGS: ')) return 'warning';
  return 'error';
}

/** Where a worker id belongs to a datastore, as PBS's task list `store` filter decides. */
function belongsToStore(t: SimTask, store: string): boolean {
  const id = t.workerId;
  if (id === null) return false;
  if (t.type.startsWith('verif')) {
    const i = id.indexOf(':');
    return (i < 0 ? id : id.slice(0, i)) === store;
  }
  if (t.type === 'syncjob') return id.split(':')[2] === store;
  if (['prune', 'prunejob', 'backup', 'garbage_collection'].includes(t.type))
    return id === store || id.startsWith(`${store}:`);
  return false;
}

export class TaskRegistry {
  private readonly tasks: SimTask[] = [];
  private readonly byUpid = new Map<string, SimTask>();
  private counter = 0;

  constructor(
    private readonly node: string,
    private readonly pid: number,
    private readonly pstart: number,
  ) {}

  create(type: string, workerId: string | null, authid: string, starttime: number): SimTask {
    const taskId = ++this.counter;
    const parts = {
      node: this.node,
      pid: this.pid,
      pstart: this.pstart,
      taskId,
      starttime,
      type,
      id: workerId,
      authid,
    };
    const task: SimTask = {
      upid: formatUpid(parts),
      pid: this.pid,
      pstart: this.pstart,
      taskId,
      starttime,
      type,
      workerId,
      authid,
      lines: [],
    };
    this.tasks.push(task);
    this.byUpid.set(task.upid, task);
    return task;
  }

  get(upid: string): SimTask {
    const t = this.byUpid.get(upid);
    if (!t) throw new SimError(400, `unable to open task log "${upid}" - No such file or directory (os error 2)`);
    return t;
  }

  find(upid: string): SimTask | undefined {
    return this.byUpid.get(upid);
  }

  isRunning(upid: string, now: number): boolean {
    const t = this.byUpid.get(upid);
    return !!t && t.starttime <= now && running(t, now);
  }

  /** Rows newest first: running tasks, then finished ones by end time, as PBS reads its active and archive files. */
  list(now: number, q: TaskListQuery): { data: TaskListRow[]; total: number } {
    const start = q.start ?? 0;
    const limit = q.limit && q.limit > 0 ? q.limit : Infinity;
    const visible = this.tasks.filter((t) => t.starttime <= now);
    const active = visible
      .filter((t) => running(t, now))
      .sort((a, b) => b.starttime - a.starttime || b.taskId - a.taskId);
    const done = visible
      .filter((t) => !running(t, now))
      .sort((a, b) => (b.endtime ?? 0) - (a.endtime ?? 0) || b.starttime - a.starttime || b.taskId - a.taskId);
    const data: TaskListRow[] = [];
    let skipped = 0;
    for (const t of [...active, ...done]) {
      const isRunning = running(t, now);
      if (q.until !== undefined && t.starttime > q.until) continue;
      if (q.since !== undefined) {
        if (!isRunning && (t.endtime ?? 0) < q.since) break;
        if (t.starttime < q.since) continue;
      }
      if (q.userfilter && !t.authid.includes(q.userfilter)) continue;
      if (q.store && !belongsToStore(t, q.store)) continue;
      if (q.typefilter && !t.type.includes(q.typefilter)) continue;
      if (!isRunning) {
        if (q.running) continue;
        if (q.errors && t.status === 'OK') continue;
        if (q.statusfilter && !q.statusfilter.includes(classify(t.status ?? 'unknown'))) continue;
      } else if (q.statusfilter) continue;
      if (skipped < start) {
        skipped++;
        continue;
      }
      data.push(this.row(t, now));
      if (data.length >= limit) break;
    }
    // PBS's "total" is not a count: start + returned, plus one as a "there is more" marker on a full page
    let total = data.length + start;
    if (data.length > 0 && data.length >= limit) total++;
    return { data, total };
  }

  private row(t: SimTask, now: number): TaskListRow {
    const r: TaskListRow = {
      upid: t.upid,
      node: 'localhost',
      pid: t.pid,
      pstart: t.pstart,
      starttime: t.starttime,
      worker_type: t.type,
      worker_id: t.workerId,
      user: t.authid,
    };
    if (!running(t, now)) {
      r.endtime = t.endtime;
      r.status = t.status ?? 'unknown';
    }
    return r;
  }

  status(upid: string, now: number): TaskStatus {
    const t = this.get(upid);
    const [user = t.authid, tokenid] = t.authid.split('!');
    const s: TaskStatus = {
      upid: t.upid,
      node: this.node,
      pid: t.pid,
      pstart: t.pstart,
      starttime: t.starttime,
      type: t.type,
      id: t.workerId,
      user,
      status: running(t, now) ? 'running' : 'stopped',
    };
    if (tokenid !== undefined) s.tokenid = tokenid;
    if (!running(t, now)) s.exitstatus = t.status ?? 'unknown';
    return s;
  }

  log(upid: string, now: number, zone: string, start = 0, limit = 50): TaskLogPage {
    const t = this.get(upid);
    const text = lines(t)
      .filter((l) => l.t <= now)
      .map((l) => renderLine(l, zone));
    if (!running(t, now) && t.endtime !== undefined)
      text.push(renderLine({ t: t.endtime, msg: finalLine(t.status ?? 'unknown') }, zone));
    const data: { n: number; t: string }[] = [];
    text.forEach((line, i) => {
      const n = i + 1;
      if (n < start) return;
      if (limit > 0 && data.length >= limit) return;
      data.push({ n, t: line });
    });
    return { data, total: text.length, active: running(t, now) };
  }

  abort(upid: string, now: number): void {
    const t = this.get(upid);
    if (!running(t, now)) return;
    const kept = lines(t).filter((l) => l.t <= now);
    kept.push({ t: now, msg: 'received abort request ...' });
    t.lines = kept;
    t.endtime = now;
    t.status = t.abortStatus ?? (t.type === 'backup' ? 'task aborted' : 'abort requested - aborting task');
    t.onAbort?.(now);
  }

  /** Ends a held-open task now. */
  finish(t: SimTask, at: number, status: string): void {
    t.endtime = at;
    t.status = status;
  }
}
