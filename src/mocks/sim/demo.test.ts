// The demo profile as a user of the console meets it, and determinism from the seed.
import { createSimulator, type Simulator } from './simulator';

const START = 1_790_000_000; // 2026-09-21T12:53:20Z, a Monday
let sim: Simulator;

beforeAll(() => {
  sim = createSimulator({ seed: 7, startTime: START, speed: 0 });
}, 60_000);

const groupsOf = (store: string) =>
  sim.listNamespaces(store).flatMap(({ ns }) => sim.listGroups(store, ns).map((g) => ({ ns, ...g })));

describe('demo profile', () => {
  it('has three datastores with PBS 4 fields, one in read-only maintenance', () => {
    expect(sim.listDatastores()).toEqual([
      { store: 'store1', comment: 'Main datastore', 'mount-status': 'nonremovable', 'backend-type': 'filesystem' },
      { store: 'offsite', comment: 'Offsite copy on S3', 'mount-status': 'nonremovable', 'backend-type': 's3' },
      {
        store: 'archive',
        comment: 'Retired NAS',
        'mount-status': 'nonremovable',
        'backend-type': 'filesystem',
        maintenance: 'type=read-only,message="retired, kept for restores"',
      },
    ]);
    expect(sim.listNamespaces('store1').map((n) => n.ns)).toEqual(['', 'lab', 'prod', 'prod/db']);
    expect(() => sim.startGc('archive', 'root@pam')).toThrow(
      "datastore 'archive' is in read-only maintenance mode: retired, kept for restores",
    );
  });

  it('holds about forty guests with their names as group comments and two owners', () => {
    const all = ['store1', 'offsite', 'archive'].flatMap(groupsOf);
    expect(all).toHaveLength(40);
    expect(new Set(all.map((g) => g.owner))).toEqual(new Set(['root@pam', 'root@pam!pve']));
    expect(all.find((g) => g['backup-id'] === '104')?.comment).toBe('dc01');
    // retention keep-daily 7 / weekly 4 / monthly 3 over 60 days of nightly backups
    const counts = groupsOf('store1').map((g) => g['backup-count']);
    expect(Math.max(...counts)).toBeLessThanOrEqual(15);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(5);
  });

  it('backs up VMs with fixed and containers with dynamic indexes, some encrypted or signed', () => {
    const vm = sim.listSnapshots('store1', 'prod/db', 'vm', '300').at(-1);
    expect(vm?.files.map((f) => [f.filename, f['crypt-mode']])).toEqual([
      ['qemu-server.conf.blob', 'encrypt'],
      ['drive-scsi0.img.fidx', 'encrypt'],
      ['index.json.blob', 'sign-only'],
      ...(vm?.files.some((f) => f.filename === 'client.log.blob') ? [['client.log.blob', undefined]] : []),
    ]);
    expect(vm?.fingerprint).toMatch(/^([0-9a-f]{2}:){31}[0-9a-f]{2}$/);
    const ct = sim.listSnapshots('store1', '', 'ct', '110').at(-1);
    expect(ct?.files.map((f) => f.filename).slice(0, 3)).toEqual([
      'pct.conf.blob',
      'root.pxar.didx',
      'catalog.pcat1.didx',
    ]);
    const split = sim.listSnapshots('store1', '', 'ct', '111').at(-1);
    expect(split?.files.map((f) => f.filename).slice(0, 3)).toEqual([
      'pct.conf.blob',
      'root.mpxar.didx',
      'root.ppxar.didx',
    ]);
    const signed = sim.listSnapshots('store1', 'lab', 'ct', '911').at(-1);
    expect(signed?.files[0]?.['crypt-mode']).toBe('sign-only');
  });

  it('shows a realistic deduplication factor and a future full date for the growing store', () => {
    for (const u of sim.datastoreUsage().filter((x) => x.store !== 'archive')) {
      const gc = u['gc-status'];
      if (!gc) throw new Error('no gc-status');
      const dedup = gc['index-data-bytes'] / gc['disk-bytes'];
      expect(dedup).toBeGreaterThan(3);
      expect(dedup).toBeLessThan(10);
      expect(u['estimated-full-date']).toBeGreaterThan(START);
      expect(u.history).toHaveLength(1440);
    }
    // no backups reach the read-only archive any more: flat usage, "never"
    expect(sim.datastoreUsage().find((u) => u.store === 'archive')?.['estimated-full-date']).toBe(0);
  });

  it('has a few failed verifications from the weekly verify job', () => {
    const snaps = groupsOf('store1').flatMap((g) =>
      sim.listSnapshots('store1', g.ns, g['backup-type'], g['backup-id']),
    );
    const failed = snaps.filter((s) => s.verification?.state === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBeLessThan(snaps.length / 4);
    const job = sim.verifyJobStatus('store1')[0];
    expect(job?.['last-run-state']).toBe('verification failed - please check the log for details');
    expect(job?.['next-run']).toBeGreaterThan(START);
  });

  it('refuses a stale config digest and a bad gc-schedule', () => {
    const digest = sim.configDigest();
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(() => sim.updateDatastoreConfig('store1', { comment: 'x' }, [], '0'.repeat(64))).toThrow(
      'detected modified configuration - file changed by other user? Try again.',
    );
    expect(() => sim.updateDatastoreConfig('store1', { 'gc-schedule': 'every tuesday' }, [], digest)).toThrow(
      /^parameter verification failed - 'gc-schedule': /,
    );
    expect(() => sim.updateDatastoreConfig('nope', {}, [])).toThrow("no such datastore 'nope'");
  });

  it('lets one datastore fail while the others answer', () => {
    const s = createSimulator({ seed: 7, profile: 'large', startTime: START, speed: 0 });
    s.createEmptyDatastore('second');
    s.failDatastore('store1', 'unable to open chunk store');
    const usage = s.datastoreUsage();
    expect(usage.find((u) => u.store === 'store1')).toEqual({
      store: 'store1',
      error: 'unable to open chunk store',
      'mount-status': 'nonremovable',
      'backend-type': 'filesystem',
    });
    expect(usage.find((u) => u.store === 'second')?.total).toBeGreaterThan(0);
    expect(() => s.datastoreStatus('store1', false)).toThrow('unable to open chunk store');
    s.failDatastore('store1', null);
    expect(s.datastoreStatus('store1', false).total).toBeGreaterThan(0);
  });
});

describe('determinism', () => {
  it('the same seed gives the same state and answers at the same time', () => {
    const other = createSimulator({ seed: 7, startTime: START, speed: 0 });
    expect(other.datastoreUsage()).toEqual(sim.datastoreUsage());
    expect(other.listTasks({ limit: 0 })).toEqual(sim.listTasks({ limit: 0 }));
    expect(other.listSnapshots('store1', 'prod', 'vm', '200')).toEqual(
      sim.listSnapshots('store1', 'prod', 'vm', '200'),
    );
    expect(other.nodeStatus()).toEqual(sim.nodeStatus());
    other.advance(86400);
    sim.advance(86400);
    expect(other.listTasks({ limit: 100 })).toEqual(sim.listTasks({ limit: 100 }));
    expect(other.datastoreStatus('store1', true)).toEqual(sim.datastoreStatus('store1', true));
  }, 60_000);

  it('another seed gives another server', () => {
    const other = createSimulator({ seed: 8, startTime: START, speed: 0 });
    expect(other.version().repoid).not.toBe(sim.version().repoid);
    expect(other.datastoreStatus('store1', false).used).not.toBe(
      createSimulator({ seed: 7, startTime: START, speed: 0 }).datastoreStatus('store1', false).used,
    );
  }, 60_000);
});

describe('a full disk', () => {
  it('shows no space left and fails the nightly backups until freed', () => {
    const s = createSimulator({ seed: 9, startTime: START, speed: 0 });
    s.setFullDisk('store1', true);
    const status = s.datastoreStatus('store1', false);
    expect(status.avail).toBe(0);
    expect(status.used).toBe(status.total);
    s.advance(86400);
    const failed = s.listTasks({ typefilter: 'backup', statusfilter: ['error'], store: 'store1', limit: 0 }).data;
    expect(failed.length).toBe(31);
    expect(failed[0]?.status).toMatch(
      /^inserting chunk on store 'store1' failed for [0-9a-f]{64} - No space left on device \(os error 28\)$/,
    );
    const log = s.taskLog(failed[0]?.upid ?? '', 0, 0).data.map((l) => l.t.replace(/^\S+: /, ''));
    expect(log.slice(-3)).toEqual([
      `backup failed: ${failed[0]?.status}`,
      'removing failed backup',
      `TASK ERROR: ${failed[0]?.status}`,
    ]);
    s.setFullDisk('store1', false);
    expect(s.datastoreStatus('store1', false).avail).toBeGreaterThan(0);
  }, 60_000);

  it('runs a verify job on demand', () => {
    const s = createSimulator({ seed: 9, profile: 'large', startTime: START, speed: 0 });
    expect(() => s.runVerifyJob('v-nope', 'root@pam')).toThrow("no such verification 'v-nope'");
  });
});
