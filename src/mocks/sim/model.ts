// SimModel: the Simulator. Public reads first bring the model up to the sim clock (sync), then answer.
import type { SimOptions, Simulator } from './simulator';
import { SimClock } from './clock';
import type { SimCtx } from './ctx';
import { Datastore } from './datastore';
import { EventLoop } from './schedule';
import { TaskRegistry } from './tasks';
import { Node } from './node';
import { noSuchStore, SimError } from './errors';
import { buildProfile } from './build';
import { handBackupJob, handStore, type HandStore } from './hand-store';
import { verifyScope } from './verify-api';
import { startBackup } from './backup';
import { startGc } from './gc';
import { startVerify } from './verify';
import * as L from './listing';
import * as C from './content-api';
import * as W from './content-write';
import * as V from './store-views';
import { configDigest, applyUpdate } from './config';
import { corruptChunks } from './corrupt';
import { manifestOf } from './manifest';
import { buildIndexFile, snapshotRel } from './index-file';
import { spaceTruth, type SpaceTruth } from './space-truth';
import { isIndex } from './content';
import { gcSource } from './sources';
import { SimJobs } from './jobs';
import { hash32, prng } from './random';
import { archiveBase, archiveTree } from './file-tree';
import { withEntries } from './file-tree-builder';
import { plantHostileCorpus } from './hostile-plant';
import { openReader } from './reader';
import type { BackupRequest, BackupSession } from './backup-session';
import type * as T from './types';
import { formatRfc3339Utc } from '@/lib/tz';

export class SimModel implements Simulator {
  readonly hostname: string;
  readonly faults: T.Faults = { latencyMs: 0, errorRate: 0, dropRate: 0 };
  /** which requests the error and drop rates hit: a stream from the seed, so a failing run reproduces */
  private faultStream: () => number;
  readonly settings = { ticketLifetime: 7200 };
  readonly seed: number;
  readonly profile: 'demo' | 'large';
  readonly zone = 'Europe/Vienna';
  private readonly clock: SimClock;
  private readonly loop: EventLoop;
  private readonly tasks: TaskRegistry;
  private readonly stores = new Map<string, Datastore>();
  private readonly node: Node;
  private readonly ctx: SimCtx;
  readonly jobs: SimJobs;

  constructor(opts: SimOptions) {
    this.seed = opts.seed ?? 1;
    this.faultStream = prng(hash32('faults') ^ this.seed);
    this.profile = opts.profile ?? 'demo';
    this.hostname = this.profile === 'large' ? 'pbs-large' : 'pbs-demo';
    const start = Math.floor(opts.startTime ?? (opts.realNow ?? Date.now)() / 1000);
    this.clock = new SimClock(start, opts.speed ?? 1, opts.realNow ?? Date.now);
    this.node = new Node(this.seed, this.hostname, this.zone, start);
    this.tasks = new TaskRegistry(
      this.hostname,
      0x713 + (this.seed % 4000),
      Math.floor((start - this.node.bootTime) * 100) % 0xfffffff,
    );
    const loop = (this.loop = new EventLoop(start));
    this.ctx = {
      seed: this.seed,
      zone: this.zone,
      hostname: this.hostname,
      tasks: this.tasks,
      stores: this.stores,
      at: (t, fn) => loop.at(t, fn),
    };
    this.jobs = new SimJobs(this.ctx, loop, () => {
      this.sync();
      return this.now();
    });
    const first = buildProfile(
      this.profile,
      this.ctx,
      loop,
      start,
      this.jobs,
      Math.max(1, Math.floor(opts.historyDays ?? 60)),
    );
    loop.time = first;
    this.syncTo(start);
  }

  // --- clock -------------------------------------------------------------------------------------------
  now(): number {
    return this.clock.now();
  }
  setTime(epoch: number): void {
    this.clock.setTime(epoch);
    this.sync();
  }
  advance(seconds: number): void {
    this.clock.advance(seconds);
    this.sync();
  }
  sync(): void {
    this.syncTo(this.clock.now());
  }
  private syncTo(t: number): void {
    this.loop.runUntil(t);
    for (const s of this.stores.values()) s.syncedAt = t;
  }

  private store(name: string): Datastore {
    this.sync();
    const s = this.stores.get(name);
    if (!s) throw noSuchStore(name);
    return s;
  }
  private readable(name: string): Datastore {
    const s = this.store(name);
    const m = s.maintenance();
    if (m?.type === 'offline')
      throw new SimError(400, `datastore '${name}' is in offline maintenance mode: ${m.message ?? ''}`);
    return s;
  }
  private writable(name: string): Datastore {
    const s = this.readable(name);
    const m = s.maintenance();
    if (m) throw new SimError(400, `datastore '${name}' is in ${m.type} maintenance mode: ${m.message ?? ''}`);
    return s;
  }

  // --- node --------------------------------------------------------------------------------------------
  nodeStatus() {
    this.sync();
    return this.node.status(this.now());
  }
  nodeTime() {
    return this.node.time(this.now());
  }
  version() {
    return this.node.version();
  }
  subscription(full: boolean) {
    return this.node.subscription(full);
  }
  nodeRrd(timeframe: T.RrdTimeframe, cf: T.RrdCf) {
    return this.node.rrd(this.now(), timeframe, cf);
  }

  // --- datastores --------------------------------------------------------------------------------------
  listDatastores() {
    this.sync();
    return [...this.stores.values()].map(V.listItem);
  }
  datastoreConfigs() {
    this.sync();
    return [...this.stores.values()].map((s) => ({ ...s.config }));
  }
  configDigest() {
    return configDigest(this.stores.values());
  }
  datastoreConfig(name: string) {
    return { ...this.store(name).config };
  }
  updateDatastoreConfig(name: string, params: Record<string, string>, del: string[], digest?: string) {
    const s = this.store(name);
    if (applyUpdate(s, params, del, digest, this.configDigest())) s.gcScheduleSince = this.now();
  }
  datastoreStatus(name: string, verbose: boolean) {
    return V.status(this.readable(name), verbose);
  }
  datastoreUsage() {
    this.sync();
    return [...this.stores.values()].map((s) => V.usageItem(s, this.now()));
  }
  datastoreRrd(name: string, timeframe: T.RrdTimeframe, cf: T.RrdCf) {
    return V.rrd(this.readable(name), this.now(), timeframe, cf, this.seed);
  }
  activeOperations(name: string) {
    const s = this.store(name);
    const now = this.now();
    const read = this.tasks.list(now, { running: true, store: name, typefilter: 'verif', limit: 0 }).data.length;
    return { read, write: s.writers.size + (s.gcRunning ? 1 : 0) };
  }

  // --- content -----------------------------------------------------------------------------------------
  listNamespaces(store: string, parent?: string, maxDepth?: number) {
    return L.listNamespaces(this.readable(store), parent ?? '', maxDepth ?? 7);
  }
  listGroups(store: string, ns?: string) {
    return L.listGroups(this.readable(store), ns ?? '');
  }
  listSnapshots(store: string, ns?: string, type?: T.BackupType, id?: string) {
    return L.listSnapshots(this.readable(store), ns ?? '', type, id);
  }
  listFiles(store: string, ns: string | undefined, type: T.BackupType, id: string, time: number) {
    return L.listFiles(this.readable(store), ns ?? '', type, id, time);
  }
  owner(store: string, ns: string | undefined, type: T.BackupType, id: string) {
    return L.findGroup(this.readable(store), ns ?? '', type, id).owner;
  }
  fileArchive(store: string, ns: string | undefined, type: T.BackupType, id: string, time: number, archive: string) {
    const tree = archiveTree({ seed: this.seed, type, id, time, archive });
    const g = L.findGroup(this.readable(store), ns ?? '', type, id);
    const added = g.snapshots.find((x) => x.time === time)?.addedEntries?.[archiveBase(archive)];
    return added ? withEntries(tree, added) : tree;
  }
  snapshotManifest(store: string, ns: string | undefined, type: T.BackupType, id: string, time: number) {
    const g = L.findGroup(this.readable(store), ns ?? '', type, id);
    const s = g.snapshots.find((x) => x.time === time && x.finished);
    if (!s) throw new SimError(400, 'ENOENT: No such file or directory');
    return manifestOf(g, s, this.seed, ns ?? '');
  }
  indexFile(store: string, ns: string | undefined, type: T.BackupType, id: string, time: number, file: string) {
    const st = this.readable(store);
    const groups = st.lazy ? undefined : st.namespaces.get(ns ?? '');
    const g = st.lazy ? st.lazy.group(ns ?? '', type, id) : groups?.get(`${type}/${id}`);
    // an unfinished backup's index is still a `.tmp_fidx`/`.tmp_didx` file: the name asked for is not there
    const s = g?.snapshots.find((x) => x.time === time && x.finished);
    const f = s?.files.find((x) => x.filename === file);
    if (!s || !f || !isIndex(f)) throw new SimError(400, 'File open failed: No such file or directory (os error 2)');
    return buildIndexFile(this.seed, snapshotRel(ns ?? '', type, id, time), time, f);
  }
  spaceTruth(store: string): SpaceTruth {
    const st = this.store(store);
    if (st.lazy)
      throw new SimError(400, `datastore '${store}' is computed from the seed: its ground truth is not kept`);
    return spaceTruth(st, this.seed);
  }

  pruneGroup(store: string, req: C.PruneRequest, authid: string) {
    return C.pruneGroup(this.ctx, this.writable(store), req, authid, this.now());
  }
  forgetSnapshot(store: string, ns: string | undefined, type: T.BackupType, id: string, time: number) {
    C.forgetSnapshot(this.writable(store), ns ?? '', type, id, time, this.now());
  }
  openReader(
    store: string,
    ns: string | undefined,
    type: T.BackupType,
    id: string,
    time: number,
    authid: string,
    seconds: number,
  ) {
    const st = this.readable(store);
    const g = L.findGroup(st, ns ?? '', type, id);
    const s = g.snapshots.find((x) => x.time === time && x.finished);
    if (!s) throw new SimError(400, `snapshot ${type}/${id}/${formatRfc3339Utc(time)} does not exist.`);
    return openReader(this.ctx, st, ns ?? '', g, s, authid, this.now(), seconds).upid;
  }
  setProtected(store: string, ns: string | undefined, type: T.BackupType, id: string, time: number, value: boolean) {
    C.setProtected(this.writable(store), ns ?? '', type, id, time, value);
  }
  snapshotNotes(store: string, ns: string | undefined, type: T.BackupType, id: string, time: number) {
    return C.snapshotNotes(this.readable(store), ns ?? '', type, id, time);
  }
  setSnapshotNotes(store: string, ns: string | undefined, type: T.BackupType, id: string, time: number, notes: string) {
    C.setSnapshotNotes(this.writable(store), ns ?? '', type, id, time, notes);
  }
  groupNotes(store: string, ns: string | undefined, type: T.BackupType, id: string) {
    return C.groupNotes(this.readable(store), ns ?? '', type, id);
  }
  setGroupNotes(store: string, ns: string | undefined, type: T.BackupType, id: string, notes: string) {
    C.setGroupNotes(this.writable(store), ns ?? '', type, id, notes);
  }
  forgetGroup(store: string, ns: string | undefined, type: T.BackupType, id: string, errorOnProtected?: boolean) {
    return W.forgetGroup(this.writable(store), ns ?? '', type, id, this.now(), errorOnProtected);
  }
  createNamespace(store: string, parent: string | undefined, name: string) {
    return W.createNamespace(this.writable(store), parent ?? '', name);
  }
  deleteNamespace(store: string, ns: string, deleteGroups: boolean, errorOnProtected?: boolean) {
    W.refuseRoot(ns);
    return W.deleteNamespace(this.writable(store), ns, deleteGroups, this.now(), errorOnProtected);
  }
  changeOwner(store: string, ns: string | undefined, type: T.BackupType, id: string, owner: string) {
    W.changeOwner(this.writable(store), ns ?? '', type, id, owner);
  }

  // --- gc / verify -------------------------------------------------------------------------------------
  startGc(store: string, authid: string) {
    const s = this.writable(store);
    return (s.lazy ? V.startLazyGc(this.ctx, s, authid, this.now()) : startGc(this.ctx, s, authid, this.now())).upid;
  }
  gcJobStatus(store: string) {
    return V.gcJob(this.readable(store), this.now(), this.zone);
  }
  listGcJobs() {
    this.sync();
    const out: T.GcJobStatus[] = [];
    for (const s of this.stores.values())
      if (s.maintenance()?.type !== 'offline') out.push(V.gcJob(s, this.now(), this.zone));
    return out;
  }
  startVerify(store: string, p: T.VerifyParams, authid: string) {
    const s = this.readable(store);
    return startVerify(this.ctx, s, verifyScope(s, p), authid, this.now()).upid;
  }
  runVerifyJob(id: string, authid: string) {
    return this.jobs.runVerify(id, authid, () => {});
  }
  listVerifyJobs() {
    return this.jobs.listVerify();
  }
  verifyJobStatus(store?: string) {
    return this.jobs.verifyStatus(store);
  }
  verifyConfigDigest() {
    return this.jobs.verify.digest();
  }

  // --- tasks -------------------------------------------------------------------------------------------
  listTasks(q: T.TaskListQuery) {
    this.sync();
    return this.tasks.list(this.now(), q);
  }
  taskStatus(upid: string) {
    this.sync();
    return this.tasks.status(upid, this.now());
  }
  taskLog(upid: string, start?: number, limit?: number) {
    this.sync();
    return this.tasks.log(upid, this.now(), this.zone, start ?? 0, limit ?? 50);
  }
  abortTask(upid: string, _authid: string) {
    this.sync();
    this.tasks.abort(upid, this.now());
  }

  // --- faults ------------------------------------------------------------------------------------------
  faultRoll() {
    return this.faultStream();
  }
  restartFaultStream(seed: number) {
    this.faultStream = prng(hash32('faults') ^ seed);
  }
  corruptChunks(store: string, count: number) {
    return corruptChunks(this.store(store), count, this.seed);
  }
  setFullDisk(store: string, full: boolean) {
    const s = this.store(store);
    s.fullDisk = full;
    s.recordUsage(this.now());
  }
  failDatastore(store: string, message: string | null) {
    this.store(store).failure = message;
  }
  plantHostileCorpus() {
    this.sync();
    if (this.profile !== 'demo') throw new SimError(400, 'the hostile corpus is planted into the demo profile only');
    return plantHostileCorpus(this.ctx, this.jobs, this.now());
  }

  // --- hand seeding ------------------------------------------------------------------------------------
  createEmptyDatastore(name: string): HandStore {
    this.sync();
    if (this.stores.has(name)) throw new SimError(400, `datastore '${name}' already exists.`);
    const s = new Datastore({ name, path: `/mnt/datastore/${name}` }, 1024 ** 4, 0, this.now());
    this.stores.set(name, s);
    // no gc-schedule yet; setting one later through the config makes it fire
    this.loop.sources.push(gcSource(this.ctx, s));
    return handStore(s);
  }
  beginBackup(store: string, req: BackupRequest, authid: string): BackupSession {
    const s = this.writable(store);
    if (s.lazy) throw new SimError(400, `datastore '${store}' is computed from the seed and takes no new backups`);
    const time = this.now();
    const run = startBackup(this.ctx, handBackupJob(s, req, authid, time));
    return {
      upid: run.task.upid,
      backupTime: time,
      finish: () => {
        this.sync();
        run.finish(this.now());
      },
    };
  }
}
