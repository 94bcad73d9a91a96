// The large profile: 600 groups × 1000 snapshots, computed on demand.
import { createSimulator } from './simulator';

describe('large profile', () => {
  // How fast it is built is measured in `npm run bench` (sim: create, large profile).
  it('lists 600 groups of 1000 snapshots each', () => {
    const sim = createSimulator({ profile: 'large', seed: 3, startTime: 1_790_000_000, speed: 0 });
    const groups = sim.listGroups('store1');
    expect(groups).toHaveLength(600);
    expect(groups.every((g) => g['backup-count'] === 1000)).toBe(true);
    const g = groups[123];
    if (!g) throw new Error('no group');
    const snaps = sim.listSnapshots('store1', '', g['backup-type'], g['backup-id']);
    expect(snaps).toHaveLength(1000);
    expect(Math.max(...snaps.map((s) => s['backup-time']))).toBe(g['last-backup']);
    expect(snaps.every((s) => s.size === s.files.reduce((a, f) => a + (f.size ?? 0), 0))).toBe(true);
    const status = sim.datastoreStatus('store1', true);
    expect(status.counts?.vm).toEqual({ groups: 450, snapshots: 450_000 });
    const gc = status['gc-status'];
    expect(gc?.upid).toMatch(/^UPID:pbs-large:/);
    expect(gc?.['index-file-count']).toBe(750_000);
  });
});
