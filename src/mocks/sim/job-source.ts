// The proxy's scheduler for one kind of job (proxmox-backup-proxy: check_schedule every minute): a job runs when
// the next event after its last run time has come, unless its last run still holds the job's lock.
import type { TaskRegistry } from './tasks';
import { nextRun, type Source } from './schedule';
import { lastRunTime, type ConfigBook, type JobEntry } from './job-state';

export function jobSource<C extends { id: string }>(
  book: ConfigBook<C>,
  tasks: TaskRegistry,
  zone: string,
  /** the schedule the scheduler would act on, or undefined when it skips the job (none, disabled, keeps all) */
  scheduleOf: (c: C) => string | undefined,
  /** starts the run; returns false when it could not start (PBS only logs that and tries again next minute) */
  run: (e: JobEntry<C>, at: number, schedule: string) => boolean,
): Source {
  const due = (e: JobEntry<C>): number | null => {
    const s = scheduleOf(e.config);
    if (!s) return null;
    const n = nextRun(s, lastRunTime(e.state), zone);
    if (n === null) return null;
    const end = e.state.upid === undefined ? undefined : tasks.find(e.state.upid)?.endtime;
    // still running then: the lock is free again at the end, and the check runs on the next minute
    if (end !== undefined && end > n) return Math.ceil((end + 1) / 60) * 60;
    return n;
  };
  return {
    next() {
      let best: number | null = null;
      for (const e of book.entries) {
        const n = due(e);
        if (n !== null && (best === null || n < best)) best = n;
      }
      return best;
    },
    fire(at) {
      for (const e of [...book.entries]) {
        if (due(e) !== at) continue;
        const s = scheduleOf(e.config) ?? '';
        // a run that cannot start leaves the state as it was; move on so the loop does not spin on one second
        if (!run(e, at, s)) e.state = e.state.upid === undefined ? { created: at } : { ...e.state, updated: at };
      }
    },
  };
}
