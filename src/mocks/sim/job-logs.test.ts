// Task logs of jobs, line by line against the templates of pbs-formats.md §6.3–6.5 (checked against PBS's source:
// verify_job.rs, prune_job.rs, pull.rs), and the GC cutoff rule over consecutive runs.
import { createSimulator, type Simulator } from './simulator';

const S = 1_700_000_000; // Tue 2023-11-14 23:13:20 in Vienna
const d = (prefix: string) => prefix.padEnd(64, '0');
const messages = (sim: Simulator, upid: string) => sim.taskLog(upid, 0, 0).data.map((l) => l.t.replace(/^\S+: /, ''));
const T = '2023-11-14T22:13:20Z';

/** Each line must match its template: a string exactly, a RegExp as a pattern for a line with numbers. */
function expectLines(lines: string[], templates: (string | RegExp)[]) {
  expect(lines.length).toBe(templates.length);
  templates.forEach((t, i) => {
    if (typeof t === 'string') expect(lines[i]).toBe(t);
    else expect(lines[i]).toMatch(t);
  });
}

function handSim() {
  const sim = createSimulator({ profile: 'large', startTime: S, speed: 0 });
  const h = sim.createEmptyDatastore('hand');
  h.insertChunk(d('1a'), 4194304, 1_000_000, S);
  h.insertChunk(d('2b'), 4194304, 2_000_000, S);
  h.addSnapshot({ type: 'vm', id: '100', time: S, files: [{ filename: 'drive-scsi0.img.fidx', chunks: [d('1a')] }] });
  h.addSnapshot({ type: 'vm', id: '101', time: S, files: [{ filename: 'drive-scsi0.img.fidx', chunks: [d('2b')] }] });
  return sim;
}

const VERIFIED =
  /^ {2}verified \d+\.\d\d\/\d+\.\d\d MiB in \d+\.\d\d seconds, speed \d+\.\d\d\/\d+\.\d\d MiB\/s \(\d+ errors\)$/;

describe('job task logs', () => {
  it('a verify job that meets a corrupt chunk (§6.5)', () => {
    const sim = handSim();
    sim.corruptChunks('hand', 1);
    sim.jobs.createVerify({ id: 'v-job-0001', store: 'hand' }, () => {});
    const upid = sim.jobs.runVerify('v-job-0001', 'root@pam', () => {});
    sim.advance(60);
    const lines = messages(sim, upid);
    const bad = lines.some(
      (l) => l.startsWith('verify hand:vm/100/') && l.endsWith('failed: chunks could not be verified'),
    )
      ? '100'
      : '101';
    const group = (id: string) => {
      const out: (string | RegExp)[] = [
        `verify group hand:vm/${id} (1 snapshots)`,
        `verify hand:vm/${id}/${T}`,
        '  check drive-scsi0.img.fidx',
      ];
      if (id === bad) {
        out.push(
          /^can't verify chunk, load failed - store 'hand', unable to load chunk '[0-9a-f]{64}' - Data blob has wrong CRC checksum\.$/,
          /^corrupted chunk renamed to "\/mnt\/datastore\/hand\/\.chunks\/[0-9a-f]{4}\/[0-9a-f]{64}\.0\.bad"$/,
          VERIFIED,
          `verify hand:vm/${id}/${T}/drive-scsi0.img.fidx failed: chunks could not be verified`,
        );
      } else out.push(VERIFIED);
      return out;
    };
    expectLines(lines, [
      "Starting datastore verify job 'hand:v-job-0001'",
      'verify datastore hand',
      'found 2 groups',
      ...group('100'),
      'percentage done: 50.00% (1/2 groups)',
      ...group('101'),
      'percentage done: 100.00% (2/2 groups)',
      'Failed to verify the following snapshots/groups:',
      `\tvm/${bad}/${T}`,
      'TASK ERROR: verification failed - please check the log for details',
    ]);
    expect(sim.jobs.verifyStatus('hand')[0]).toMatchObject({
      'last-run-upid': upid,
      'last-run-state': 'verification failed - please check the log for details',
    });
  });

  it('a prune job with a schedule, and a datastore prune that keeps everything (§6.4)', () => {
    const sim = handSim();
    sim.jobs.createPrune({ id: 's-job-0001', store: 'hand', schedule: '05:15', 'keep-last': 1 }, () => {});
    sim.advance(7 * 3600);
    const [run] = sim.listTasks({ typefilter: 'prunejob', limit: 0 }).data;
    expect(messages(sim, run?.upid ?? '')).toEqual([
      "prune job 's-job-0001'",
      "task triggered by schedule '05:15'",
      "Starting datastore prune on datastore 'hand', root namespace, down to full depth",
      'retention options: --keep-last 1',
      'Pruning group :"vm/100"',
      `keep vm/100/${T}`,
      'Pruning group :"vm/101"',
      `keep vm/101/${T}`,
      'TASK OK',
    ]);
    const all = sim.jobs.pruneDatastore('hand', { options: { 'max-depth': 0 } }, 'root@pam');
    sim.advance(5);
    // PBS keeps every snapshot without a keep option but still prints the raw mark
    expect(messages(sim, all)).toEqual([
      "Starting datastore prune on datastore 'hand', root namespace, non-recursive",
      'No prune selection - keeping all files.',
      'Pruning group :"vm/100"',
      `remove vm/100/${T}`,
      'Pruning group :"vm/101"',
      `remove vm/101/${T}`,
      'TASK OK',
    ]);
    expect(sim.listSnapshots('hand')).toHaveLength(2);
  });

  it('a sync job whose remote has nothing new (pull.rs)', () => {
    const sim = createSimulator({ seed: 3, startTime: S, speed: 0, historyDays: 3 });
    const upid = sim.jobs.runSync('s-branch-offsite', 'root@pam', () => {});
    const id = 'pbs-branch:branch:offsite::s-branch-offsite';
    expect(upid).toContain(
      ':syncjob:pbs\\x2dbranch\\x3abranch\\x3aoffsite\\x3a\\x3as\\x2dbranch\\x2doffsite:root@pam:',
    );
    expect(sim.taskStatus(upid).status).toBe('running');
    sim.advance(120);
    const lines = messages(sim, upid);
    const groups = sim.listGroups('offsite').length;
    expect(lines.slice(0, 5)).toEqual([
      `Starting datastore sync job '${id}'`,
      "sync datastore 'offsite' from 'pbs-branch/branch'",
      '----',
      "Syncing datastore 'branch', root namespace into datastore 'offsite', root namespace",
      `found ${groups} groups to sync (out of ${groups} total)`,
    ]);
    expect(lines[5]).toMatch(/^skipped: \d+ snapshot\(s\) \(\S+Z \.\. \S+Z\) - older than the newest local snapshot$/);
    expect(lines[6]).toMatch(/^re-sync snapshot vm\/100\/\S+Z$/);
    expect(lines.slice(7, 9)).toEqual([
      'no data changes',
      `percentage done: ${(100 / groups).toFixed(2)}% (1/${groups} groups)`,
    ]);
    expect(lines.slice(-4)).toEqual([
      `Finished syncing namespace , current progress: ${groups - 1} groups, 1 snapshots`,
      'Summary: sync job found no new data to pull',
      `sync job '${id}' end`,
      'TASK OK',
    ]);
    const aborted = sim.jobs.runSync('s-branch-offsite', 'root@pam', () => {});
    sim.abortTask(aborted, 'root@pam');
    expect(sim.taskStatus(aborted).exitstatus).toBe('sync aborted');
  });

  it('GC: garbage is pending for one run and removed by the next (cutoff 24 h 5 min before phase 1)', () => {
    const sim = handSim();
    sim.updateDatastoreConfig('hand', { 'gc-schedule': 'daily' }, [], undefined);
    sim.advance(3600); // the first GC runs at midnight and touches both chunks
    sim.forgetSnapshot('hand', '', 'vm', '101', S);
    const gcs = () =>
      sim
        .listTasks({ typefilter: 'garbage', limit: 0 })
        .data.filter((t) => t.worker_id === 'hand')
        .reverse();
    sim.advance(86400);
    sim.advance(86400);
    const [first, second, third] = gcs().map((t) => messages(sim, t.upid));
    expect(first).toContain("task triggered by schedule 'daily'");
    expect(second).toContain('Pending removals: 1.907 MiB (in 1 chunks)');
    expect(second).toContain('Removed garbage: 0 B');
    expect(third).toContain('Removed garbage: 1.907 MiB');
    expect(third?.some((l) => l.startsWith('Pending removals'))).toBe(false);
    // without a schedule it stops
    sim.updateDatastoreConfig('hand', {}, ['gc-schedule'], undefined);
    sim.advance(3 * 86400);
    expect(gcs()).toHaveLength(3);
  });
});
