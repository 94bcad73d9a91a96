// The simulated Proxmox VE's state beside one PBS simulator: guests, and restore tasks whose log lines appear as
// the simulator's clock passes them. A reset of the PBS simulator starts a fresh one.
import type { Simulator } from '../sim/simulator';
import { hash32 } from '../sim/random';
import { PveAccess } from './pve-access';
import { paramError } from './pve-errors';
import { initialGuests, type PveGuest } from './pve-guests';
import { PVE_STORAGES, type PveStorageConfig } from './pve-config';
import type { TimedLine } from './restore-log';

export interface PveTask {
  upid: string;
  node: string;
  pid: number;
  pstart: number;
  starttime: number;
  type: 'qmrestore' | 'vzrestore';
  /** who started it: a user or an API token */
  user: string;
  id: string;
  lines: TimedLine[];
  /** null: TASK OK */
  error: string | null;
  /** applied once, when the task ends */
  onEnd: () => void;
  ended: boolean;
}

const hex8 = (n: number) => n.toString(16).toUpperCase().padStart(8, '0');

export class PveModel {
  readonly guests: Map<number, PveGuest>;
  /** the cluster's storages: the configured ones, plus any a test adds (names as another admin wrote them) */
  readonly storages: PveStorageConfig[] = PVE_STORAGES.map((s) => ({ ...s, content: [...s.content] }));
  readonly tasks = new Map<string, PveTask>();
  readonly access: PveAccess;
  private pid: number;

  constructor(readonly sim: Simulator) {
    this.access = new PveAccess(sim.seed, () => sim.now());
    this.guests = initialGuests(sim);
    this.pid = 0x10000 + (hash32(`pve-pid:${sim.seed}`) % 0x40000);
  }

  findStorage(storage: string): PveStorageConfig | undefined {
    return this.storages.find((s) => s.storage === storage);
  }

  nextId(): number {
    let id = 100;
    while (this.guests.has(id)) id++;
    return id;
  }

  startTask(
    node: string,
    type: PveTask['type'],
    vmid: number,
    user: string,
    lines: TimedLine[],
    error: string | null,
    onEnd: () => void,
  ): PveTask {
    const pid = ++this.pid;
    const starttime = this.sim.now();
    // clock ticks since the node booted, as in /proc/<pid>/stat
    const pstart = 0x1000000 + (starttime % 0x1000000) * 100;
    const upid = `UPID:${node}:${hex8(pid)}:${hex8(pstart)}:${hex8(starttime)}:${type}:${vmid}:${user}:`;
    const task: PveTask = {
      upid,
      node,
      pid,
      pstart,
      starttime,
      type,
      user,
      id: String(vmid),
      lines,
      error,
      onEnd,
      ended: false,
    };
    this.tasks.set(upid, task);
    this.settle();
    return task;
  }

  /** Ends the tasks whose last line the clock has passed. */
  settle(): void {
    const now = this.sim.now();
    for (const t of this.tasks.values()) {
      if (t.ended || now < this.endOf(t)) continue;
      t.ended = true;
      t.onEnd();
    }
  }

  endOf(t: PveTask): number {
    return t.starttime + (t.lines.at(-1)?.at ?? 0) + 1;
  }

  task(node: string, upid: string): PveTask {
    this.settle();
    const t = this.tasks.get(upid);
    if (!t || t.node !== node) throw paramError({ upid: 'no such task' });
    return t;
  }

  taskStatus(node: string, upid: string) {
    const t = this.task(node, upid);
    const [user, tokenid] = t.user.split('!');
    return {
      upid,
      node: t.node,
      pid: t.pid,
      pstart: t.pstart,
      starttime: t.starttime,
      type: t.type,
      id: t.id,
      user,
      ...(tokenid === undefined ? {} : { tokenid }),
      status: t.ended ? 'stopped' : 'running',
      ...(t.ended ? { exitstatus: t.error ?? 'OK' } : {}),
    };
  }

  /** Lines so far, numbered from 1; `limit` 0 reads to the end (PVE's dump_logfile). */
  taskLog(node: string, upid: string, start: number, limit: number) {
    const t = this.task(node, upid);
    const elapsed = this.sim.now() - t.starttime;
    const texts = t.lines.filter((l) => l.at <= elapsed).map((l) => l.text);
    if (t.ended) texts.push(t.error === null ? 'TASK OK' : `TASK ERROR: ${t.error}`);
    const all = texts.map((text, i) => ({ n: i + 1, t: text }));
    const page = limit === 0 ? all.slice(start) : all.slice(start, start + limit);
    if (all.length === 0) return { data: [{ n: 1, t: 'no content' }], total: 1 };
    return { data: page, total: all.length };
  }
}

const models = new WeakMap<Simulator, PveModel>();

export function pveModel(sim: Simulator): PveModel {
  let m = models.get(sim);
  if (!m) {
    m = new PveModel(sim);
    models.set(sim, m);
  }
  return m;
}
