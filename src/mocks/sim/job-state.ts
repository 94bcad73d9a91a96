// PBS's job state files (src/server/jobstate.rs) and section-config files with their digest, for verify, prune
// and sync jobs. A job is "created" at a time, or points at the UPID of its last run; whether that run still
// runs is read from the task registry, as PBS reads it from the worker list.
import { SimError } from './errors';
import { sha256Hex } from './sha256';
import { nextRun } from './schedule';
import { upidStarttime } from './upid';
import type { TaskRegistry } from './tasks';
import type { JobScheduleStatus } from './job-types';

export interface JobState {
  /** Created { time } */
  created?: number;
  upid?: string;
  /** set when the schedule changed after the last run: the next run is computed from here */
  updated?: number;
}

export interface JobEntry<C> {
  config: C;
  state: JobState;
}

export const MODIFIED = 'detected modified configuration - file changed by other user? Try again.';

/** Whether the job's last run is still running (PBS: its lock is held). */
export function jobRunning(state: JobState, tasks: TaskRegistry, now: number): boolean {
  return state.upid !== undefined && tasks.isRunning(state.upid, now);
}

/** jobstate::last_run_time: what the scheduler counts the next run from. */
export function lastRunTime(state: JobState): number {
  if (state.upid === undefined) return state.created ?? 0;
  return state.updated ?? upidStarttime(state.upid);
}

/** jobstate::compute_schedule_status. */
export function scheduleStatus(
  state: JobState,
  schedule: string | undefined,
  tasks: TaskRegistry,
  now: number,
  zone: string,
): JobScheduleStatus {
  const out: JobScheduleStatus = {};
  let last = state.created ?? 0;
  if (state.upid !== undefined) {
    out['last-run-upid'] = state.upid;
    const t = tasks.find(state.upid);
    if (t && (t.endtime === undefined || t.endtime > now)) {
      last = t.starttime;
    } else {
      const end = t?.endtime ?? upidStarttime(state.upid);
      out['last-run-state'] = t?.status ?? 'unknown';
      out['last-run-endtime'] = end;
      last = state.updated ?? end;
    }
  }
  if (schedule) {
    const n = nextRun(schedule, last, zone);
    if (n !== null) out['next-run'] = n;
  }
  return out;
}

/** jobstate::update_job_last_run_time, called when a job's schedule changes. */
export function touchJob(state: JobState, tasks: TaskRegistry, now: number): void {
  if (state.upid === undefined) state.created = now;
  else if (!tasks.isRunning(state.upid, now)) state.updated = now;
}

/** One section-config file (verification.cfg, prune.cfg, sync.cfg): entries in file order and the file's digest. */
export class ConfigBook<C extends { id: string }> {
  readonly entries: JobEntry<C>[] = [];

  constructor(
    /** section type: `verification`, `prune`, `sync` */
    readonly section: string,
    /** job state type: `verificationjob`, `prunejob`, `syncjob` */
    readonly jobType: string,
  ) {}

  text(): string {
    let out = '';
    for (const { config } of this.entries) {
      out += `${this.section}: ${config.id}\n`;
      for (const [k, v] of Object.entries(config)) {
        if (k === 'id' || v === undefined) continue;
        for (const item of Array.isArray(v) ? v : [v]) out += `\t${k} ${String(item)}\n`;
      }
      out += '\n';
    }
    return out;
  }

  digest(): string {
    return sha256Hex(this.text());
  }

  /** proxmox-section-config's lookup, with its error text */
  lookup(id: string): JobEntry<C> {
    const e = this.entries.find((x) => x.config.id === id);
    if (!e) throw new SimError(400, `no such ${this.section} '${id}'`);
    return e;
  }

  checkDigest(digest: string | undefined): void {
    if (digest !== undefined && digest !== this.digest()) throw new SimError(400, MODIFIED);
  }

  add(config: C, now: number): JobEntry<C> {
    if (this.entries.some((x) => x.config.id === config.id)) {
      throw new SimError(400, `parameter verification failed - 'id': job '${config.id}' already exists.`);
    }
    const e: JobEntry<C> = { config, state: { created: now } };
    this.entries.push(e);
    return e;
  }

  remove(id: string): void {
    const i = this.entries.findIndex((x) => x.config.id === id);
    if (i < 0) throw new SimError(404, `job '${id}' does not exist.`);
    this.entries.splice(i, 1);
  }

  /** The error PBS gives when a run is asked for while the job's lock is held by a running task. */
  lockError(id: string): SimError {
    return new SimError(
      400,
      `Unable to acquire lock "/var/lib/proxmox-backup/jobstates/${this.jobType}-${id}.lck" - Interrupted system call (os error 4)`,
    );
  }
}
