// Verify, prune and sync jobs: their config files (with digests), job states, schedules and manual runs, as PBS's
// /config/{verify,prune,sync} and /admin/{verify,prune,sync} handlers keep them. Each public method first brings
// the model up to the sim clock. `check` callbacks are the handler's privilege checks, run where PBS runs them.
import type { SimCtx } from './ctx';
import type { EventLoop } from './schedule';
import { SimError, noSuchStore } from './errors';
import type { Datastore } from './datastore';
import { ConfigBook, jobRunning, scheduleStatus, touchJob, type JobEntry } from './job-state';
import { jobSource } from './job-source';
import { startVerify } from './verify';
import { jobScope } from './verify-api';
import { pruneDatastore, runPruneJob, type DatastorePrune } from './prune';
import { runSyncJob } from './sync';
import { applyPruneUpdate, applyVerifyUpdate, keepsSomething } from './job-updates';
import type { VerifyJobConfig, VerifyJobStatus } from './types';
import type { PruneJobConfig, PruneJobStatus, SyncJobConfig, SyncJobStatus } from './job-types';

type Check<C> = (config: C) => void;
const copy = <C>(c: C): C => ({ ...c });

/** DataStore::lookup_datastore with the operation's maintenance check. */
export function openStore(ctx: SimCtx, name: string, write: boolean): Datastore {
  const s = ctx.stores.get(name);
  if (!s) throw noSuchStore(name);
  const m = s.maintenance();
  if (m && (write || m.type === 'offline'))
    throw new SimError(400, `datastore '${name}' is in ${m.type} maintenance mode: ${m.message ?? ''}`);
  return s;
}

export class SimJobs {
  readonly verify = new ConfigBook<VerifyJobConfig>('verification', 'verificationjob');
  readonly prune = new ConfigBook<PruneJobConfig>('prune', 'prunejob');
  readonly sync = new ConfigBook<SyncJobConfig>('sync', 'syncjob');

  constructor(
    private readonly ctx: SimCtx,
    loop: EventLoop,
    private readonly now: () => number,
  ) {
    const { tasks, zone } = ctx;
    loop.sources.push(
      jobSource(
        this.verify,
        tasks,
        zone,
        (c) => c.schedule,
        (e, at, s) => this.startVerify(e, 'root@pam', at, s),
      ),
      jobSource(
        this.prune,
        tasks,
        zone,
        (c) => (c.disable || !keepsSomething(c) ? undefined : c.schedule),
        (e, at, s) => this.startPrune(e, 'root@pam', at, s),
      ),
      jobSource(
        this.sync,
        tasks,
        zone,
        (c) => c.schedule,
        (e, at, s) => this.startSync(e, 'root@pam', at, s),
      ),
    );
  }

  // --- verify ------------------------------------------------------------------------------------------
  listVerify = () => this.verify.entries.map((e) => copy(e.config));
  readVerify = (id: string) => copy(this.verify.lookup(id).config);

  createVerify(config: VerifyJobConfig, check: Check<VerifyJobConfig>): void {
    check(config);
    this.verify.add(copy(config), this.now());
  }

  updateVerify(
    id: string,
    params: Partial<VerifyJobConfig>,
    del: string[],
    digest: string | undefined,
    check: Check<VerifyJobConfig>,
  ): void {
    this.verify.checkDigest(digest);
    const e = this.verify.lookup(id);
    check(e.config);
    const { config, scheduleChanged } = applyVerifyUpdate(e.config, params, del);
    check(config);
    e.config = config;
    if (scheduleChanged) touchJob(e.state, this.ctx.tasks, this.now());
  }

  deleteVerify(id: string, digest: string | undefined, check: Check<VerifyJobConfig>): void {
    check(this.verify.lookup(id).config);
    this.verify.checkDigest(digest);
    this.verify.remove(id);
  }

  verifyStatus(store?: string): VerifyJobStatus[] {
    return this.status(this.verify, store, (c) => c.schedule);
  }

  runVerify(id: string, authid: string, check: Check<VerifyJobConfig>): string {
    return this.runNow(this.verify, id, check, (e, now) => this.startVerify(e, authid, now));
  }

  private startVerify(e: JobEntry<VerifyJobConfig>, authid: string, at: number, schedule?: string): boolean {
    const store = this.ctx.stores.get(e.config.store);
    if (!store || store.maintenance()?.type === 'offline') return false;
    e.state = { upid: startVerify(this.ctx, store, jobScope(e.config, schedule), authid, at).upid };
    return true;
  }

  // --- prune -------------------------------------------------------------------------------------------
  listPrune = () => this.prune.entries.map((e) => copy(e.config));
  readPrune = (id: string) => copy(this.prune.lookup(id).config);

  createPrune(config: PruneJobConfig, check: Check<PruneJobConfig>): void {
    check(config);
    this.prune.add(copy(config), this.now());
  }

  updatePrune(
    id: string,
    params: Partial<PruneJobConfig>,
    del: string[],
    digest: string | undefined,
    check: Check<PruneJobConfig>,
  ): void {
    this.prune.checkDigest(digest);
    const e = this.prune.lookup(id);
    check(e.config);
    const { config, scheduleChanged, recheck } = applyPruneUpdate(e.config, params, del);
    if (recheck) check(config);
    e.config = config;
    if (scheduleChanged) touchJob(e.state, this.ctx.tasks, this.now());
  }

  deletePrune(id: string, digest: string | undefined, check: Check<PruneJobConfig>): void {
    check(this.prune.lookup(id).config);
    this.prune.checkDigest(digest);
    this.prune.remove(id);
  }

  pruneStatus(store?: string): PruneJobStatus[] {
    return this.status(this.prune, store, (c) => c.schedule).map((s) => {
      if (!s.disable) return s;
      const { 'next-run': _n, ...rest } = s;
      return rest;
    });
  }

  runPrune(id: string, authid: string, check: Check<PruneJobConfig>): string {
    return this.runNow(this.prune, id, check, (e, now) => {
      openStore(this.ctx, e.config.store, true);
      return this.startPrune(e, authid, now);
    });
  }

  /** POST …/prune-datastore: a `prune` task, worker id `{store}:{ns}` (so `store1:` for the root) */
  pruneDatastore(name: string, p: DatastorePrune, authid: string): string {
    const now = this.now();
    const store = openStore(this.ctx, name, true);
    const task = this.ctx.tasks.create('prune', `${name}:${p.options.ns ?? ''}`, authid, now);
    pruneDatastore(this.ctx, store, task, p, now);
    return task.upid;
  }

  private startPrune(e: JobEntry<PruneJobConfig>, authid: string, at: number, schedule?: string): boolean {
    const store = this.ctx.stores.get(e.config.store);
    if (!store || store.maintenance()) return false;
    e.state = { upid: runPruneJob(this.ctx, store, e.config, authid, at, schedule).upid };
    return true;
  }

  // --- sync --------------------------------------------------------------------------------------------
  listSync = () => this.sync.entries.map((e) => copy(e.config));

  syncStatus(store?: string): SyncJobStatus[] {
    return this.status(this.sync, store, (c) => c.schedule);
  }

  runSync(id: string, authid: string, check: Check<SyncJobConfig>): string {
    return this.runNow(this.sync, id, check, (e, now) => this.startSync(e, authid, now));
  }

  private startSync(e: JobEntry<SyncJobConfig>, authid: string, at: number, schedule?: string): boolean {
    const store = this.ctx.stores.get(e.config.store);
    if (!store || store.maintenance()) return false;
    e.state = { upid: runSyncJob(this.ctx, store, e.config, authid, at, schedule).upid };
    return true;
  }

  // --- shared ------------------------------------------------------------------------------------------
  private status<C extends { id: string; store: string }>(
    book: ConfigBook<C>,
    store: string | undefined,
    schedule: (c: C) => string | undefined,
  ) {
    const now = this.now();
    return book.entries
      .filter((e) => !store || e.config.store === store)
      .map((e) => ({
        ...e.config,
        ...scheduleStatus(e.state, schedule(e.config), this.ctx.tasks, now, this.ctx.zone),
      }));
  }

  private runNow<C extends { id: string; store: string }>(
    book: ConfigBook<C>,
    id: string,
    check: Check<C>,
    start: (e: JobEntry<C>, now: number) => boolean,
  ): string {
    const e = book.lookup(id);
    check(e.config);
    const now = this.now();
    if (jobRunning(e.state, this.ctx.tasks, now)) throw book.lockError(id);
    if (!start(e, now)) openStore(this.ctx, e.config.store, false);
    return e.state.upid ?? '';
  }
}
