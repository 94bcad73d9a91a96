// Forget and namespace rules on a hand-seeded store (the large profile builds fast and leaves it alone).
import { createSimulator } from './simulator';

const S = 1_700_000_000;
const MiB4 = 4194304;
const chunk = (p: string) => ({ id: p.padEnd(64, '0'), rawSize: MiB4, diskSize: 1_000_000 });

function setup() {
  const sim = createSimulator({ profile: 'large', startTime: S, speed: 0 });
  const h = sim.createEmptyDatastore('hand');
  h.addSnapshot({ type: 'vm', id: '100', time: S - 2 * 86400, files: [] });
  h.addSnapshot({ type: 'vm', id: '100', time: S - 86400, files: [] });
  return sim;
}

describe('forget a group', () => {
  it('keeps protected snapshots and says so after removing the rest', () => {
    const sim = setup();
    sim.setProtected('hand', '', 'vm', '100', S - 2 * 86400, true);
    expect(() => sim.forgetGroup('hand', '', 'vm', '100')).toThrow(
      'group only partially deleted due to protected snapshots',
    );
    expect(sim.listSnapshots('hand', '', 'vm', '100').map((s) => s['backup-time'])).toEqual([S - 2 * 86400]);
  });

  it('refuses while a backup still writes into the group, and removes nothing', () => {
    const sim = setup();
    sim.beginBackup(
      'hand',
      { type: 'vm', id: '100', archives: [{ filename: 'drive-scsi0.img.fidx', chunks: [chunk('ab')] }] },
      'root@pam',
    );
    expect(() => sim.forgetGroup('hand', '', 'vm', '100')).toThrow(
      'unable to acquire lock on backup group directory "/mnt/datastore/hand/vm/100" - possible running backup',
    );
    expect(sim.listSnapshots('hand', '', 'vm', '100')).toHaveLength(3);
  });

  it('is refused on the computed large store', () => {
    const sim = createSimulator({ profile: 'large', startTime: S, speed: 0 });
    expect(() => sim.forgetGroup('store1', '', 'vm', '100')).toThrow(
      "datastore 'store1' is computed from the seed and cannot be changed",
    );
  });
});

describe('namespaces', () => {
  it('creates, refuses too deep or odd names, and deletes bottom up', () => {
    const sim = setup();
    let parent = '';
    for (const c of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) parent = sim.createNamespace('hand', parent, c);
    expect(parent).toBe('a/b/c/d/e/f/g');
    expect(() => sim.createNamespace('hand', parent, 'h')).toThrow('namespace too deep, 7 >= max 7');
    expect(() => sim.createNamespace('hand', '', '-x')).toThrow('not a valid namespace component: -x');
    expect(sim.createNamespace('hand', 'a', 'b')).toBe('a/b');
    expect(() => sim.deleteNamespace('hand', '', false)).toThrow('Cannot create/delete root namespace!');
    sim.deleteNamespace('hand', 'a/b', false);
    expect(sim.listNamespaces('hand').map((n) => n.ns)).toEqual(['', 'a']);
  });
});
