import { createSimulator } from './simulator';
import { testStartTime } from './test-start';

// The large profile builds its groups on demand; a group verify must still walk every snapshot.
test('a group verify on the large profile checks each of its 1000 snapshots', () => {
  const sim = createSimulator({ seed: 3, profile: 'large', startTime: testStartTime(), speed: 0 });
  const store = sim.listDatastores()[0]!.store;
  const upid = sim.startVerify(store, { type: 'vm', id: '100', ignoreVerified: false }, 'root@pam');
  sim.advance(7 * 86400);
  const log = sim.taskLog(upid, 0, 0).data.map((l) => l.t.replace(/^\S+: /, ''));
  expect(log[0]).toBe(`verify group ${store}:vm/100 (1000 snapshots)`);
  expect(log.filter((l) => l.startsWith(`verify ${store}:vm/100/`))).toHaveLength(1000);
  expect(log.at(-1)).toMatch(/^TASK (OK|ERROR: verification failed - please check the log for details)$/);
});
