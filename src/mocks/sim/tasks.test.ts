// Task list, status, log and abort as PBS answers them (pbs-api.md §6, src/api2/node/tasks.rs).
import { createSimulator } from './simulator';
import { UPID_RE } from './upid';

const S = 1_700_000_000;

function setup() {
  const sim = createSimulator({ profile: 'large', startTime: S, speed: 0 });
  const h = sim.createEmptyDatastore('hand');
  h.insertChunk('c1', 4194304, 1_000_000, S);
  for (let i = 0; i < 3; i++) {
    sim.setTime(S + 1000 * (i + 1));
    const b = sim.beginBackup(
      'hand',
      {
        type: 'vm',
        id: '200',
        archives: [{ filename: 'drive-scsi0.img.fidx', chunks: [{ id: 'c1', rawSize: 4194304, diskSize: 1_000_000 }] }],
      },
      'root@pam!pve',
    );
    sim.advance(10);
    b.finish();
  }
  return sim;
}

describe('task list', () => {
  it('counts "total" as PBS does: start + rows, plus one when the page is full', () => {
    const sim = setup();
    const all = sim.listTasks({ limit: 0 });
    const n = all.data.length;
    expect(n).toBeGreaterThanOrEqual(5);
    expect(all.total).toBe(n);
    expect(sim.listTasks({ start: 0, limit: 2 })).toMatchObject({ total: 3 });
    expect(sim.listTasks({ start: n - 1, limit: 2 })).toMatchObject({ total: n });
    expect(sim.listTasks({ start: n, limit: 2 })).toEqual({ data: [], total: n });
    expect(sim.listTasks({ start: n - 2, limit: 2 }).total).toBe(n + 1);
  });

  it('lists newest first, running rows without endtime and status, with filters', () => {
    const sim = setup();
    sim.setTime(S + 10_000);
    const held = sim.beginBackup('hand', { type: 'ct', id: '300', archives: [] }, 'audit@pbs');
    sim.advance(5);
    const rows = sim.listTasks({ limit: 50 }).data;
    expect(rows[0]).toEqual({
      upid: held.upid,
      node: 'localhost',
      pid: expect.any(Number),
      pstart: expect.any(Number),
      starttime: S + 10_000,
      worker_type: 'backup',
      worker_id: 'hand:ct/300',
      user: 'audit@pbs',
    });
    for (const r of rows) expect(r.upid).toMatch(UPID_RE);
    expect(held.upid).toContain(':backup:hand\\x3act-300:audit@pbs:');
    const running = rows.filter((r) => !('endtime' in r));
    const finished = rows.filter((r) => 'endtime' in r);
    expect(running.every((r) => !('status' in r))).toBe(true);
    expect(rows.slice(0, running.length)).toEqual(running);
    expect(finished.every((r) => r.status === 'OK')).toBe(true);
    expect(finished.map((r) => r.endtime)).toEqual(
      [...finished.map((r) => r.endtime)].sort((a, b) => (b ?? 0) - (a ?? 0)),
    );

    expect(sim.listTasks({ running: true }).data.map((r) => r.upid)).toEqual(running.map((r) => r.upid));
    expect(sim.listTasks({ userfilter: '!pve' }).data).toHaveLength(3);
    expect(sim.listTasks({ store: 'hand', typefilter: 'backup' }).data).toHaveLength(4);
    expect(sim.listTasks({ statusfilter: ['ok'] }).data.some((r) => r.upid === held.upid)).toBe(false);
    expect(sim.listTasks({ since: S + 2000, limit: 0 }).data.every((r) => r.starttime >= S + 2000)).toBe(true);
    expect(sim.listTasks({ until: S + 2500, limit: 0 }).data.every((r) => r.starttime <= S + 2500)).toBe(true);

    const status = sim.taskStatus(held.upid);
    expect(status).toMatchObject({ status: 'running', type: 'backup', id: 'hand:ct/300', user: 'audit@pbs' });
    expect(status).not.toHaveProperty('exitstatus');
    expect(sim.taskLog(held.upid).active).toBe(true);
  });

  it('an aborted GC ends with the abort request and TASK ERROR', () => {
    const sim = setup();
    sim.setTime(S + 20_000);
    const upid = sim.startGc('hand', 'root@pam');
    sim.abortTask(upid, 'root@pam');
    const log = sim.taskLog(upid, 0, 0);
    const text = log.data.map((l) => l.t.replace(/^\S+: /, ''));
    expect(text.slice(-2)).toEqual(['received abort request ...', 'TASK ERROR: abort requested - aborting task']);
    expect(log.active).toBe(false);
    expect(sim.taskStatus(upid)).toMatchObject({ status: 'stopped', exitstatus: 'abort requested - aborting task' });
    expect(sim.listTasks({ errors: true }).data.map((r) => r.upid)).toContain(upid);
    expect(sim.listTasks({ statusfilter: ['error'] }).data.map((r) => r.upid)).toEqual([upid]);
    // the lock is free again and the last completed GC status is unchanged
    expect(sim.gcJobStatus('hand').upid).toBeNull();
    expect(() => sim.startGc('hand', 'root@pam')).not.toThrow();
  });

  it('pages a task log by 1-based line number', () => {
    const sim = setup();
    const upid = sim.listTasks({ typefilter: 'backup', limit: 1 }).data[0]?.upid ?? '';
    const all = sim.taskLog(upid, 0, 0);
    expect(all.data[0]?.n).toBe(1);
    expect(all.total).toBe(all.data.length);
    const page = sim.taskLog(upid, 3, 2);
    expect(page.data.map((l) => l.n)).toEqual([3, 4]);
    expect(page.total).toBe(all.total);
    expect(all.data.at(-1)?.t).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d: TASK OK$/);
  });
});
