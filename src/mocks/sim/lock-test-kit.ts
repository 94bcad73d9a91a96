// For tests of snapshot locks: a fresh demo simulator at a quiet noon before each test, and what they read of it.
import { createSimulator, type Simulator } from './simulator';
import { nextQuietNoon, testStartTime } from './test-start';

export const LOCK_STORE = 'store1';

export const iso = (t: number) => new Date(t * 1000).toISOString().replace('.000Z', 'Z');

/** PBS's error for a snapshot another task holds (`vm/<id>` in the root namespace of store1). */
export const lockError = (id: string, t: number) =>
  `unable to acquire lock on snapshot directory "/mnt/datastore/store1/vm/${id}/${iso(t)}" - possibly running or in use`;

/** Registers a beforeEach that builds the simulator; the helpers read the current one. */
export function lockTestKit() {
  let sim!: Simulator;
  beforeEach(() => {
    sim = createSimulator({ seed: 1, startTime: testStartTime(), speed: 0 });
    sim.setTime(nextQuietNoon(sim.now()));
  });
  return {
    get sim() {
      return sim;
    },
    /** backup times of vm/<id>, oldest first */
    times: (id: string) => sim.listSnapshots(LOCK_STORE, '', 'vm', id).map((s) => s['backup-time']),
    /** a task's log lines without their timestamps */
    lines: (upid: string) => sim.taskLog(upid, 0, 0).data.map((l) => l.t.replace(/^\S+: /, '')),
  };
}
