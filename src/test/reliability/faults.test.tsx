// The reliability suite: every fault case of fault-cases.ts met by the whole console on its own retry policy, each
// its own test, each asserting what the user sees, how often reads and writes reached the simulator, and what the
// user had typed or selected afterwards. The measured outcomes render docs/reliability.md, which must match
// (UPDATE_DOCS=1, or `npm run docs:update`, rewrites it).
// Not swept: a fault rule and the retry policy act alike whenever the simulator starts (run once at
// TEST_SIM_START=2026-12-12T23:59:00Z with the same outcome); sweeping it would add about six minutes to npm test.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { onlineManager } from '@tanstack/react-query';
import { giveElementsASize } from '@/test/element-size';
import { faultRules } from '@/mocks/handlers/fault-rules';
import { setupTestServer } from '@/test/render-app';
import { FAULT_CASES, type Outcome } from './fault-cases';
import { droppedRead, failingRefetch, offline, refusedRead, slowRead, verySlowRead } from './read-runs';
import type { TestServer } from './console-steps';
import {
  addPruneJob,
  addVerifyJob,
  changeGcSchedule,
  editPruneJob,
  editVerifyJob,
  removePruneJob,
  removeVerifyJob,
} from './digest-runs';
import { droppedSave, failingSave, parameterErrors, refusedSave, sessionEndsOnSave } from './write-runs';

const t = setupTestServer();
// a busy two-core machine: the first render imports the whole console
vi.setConfig({ testTimeout: 60_000 });
giveElementsASize();

// Building a simulator takes seconds: one serves every case that leaves the configuration as it was (a failed
// write changes nothing), and the few that save for real get a fresh one after them. Each case runs at midday in
// Vienna, where no scheduled job or backup ends a task under it and reads the content again.
const configState = () => JSON.stringify([t.sim.configDigest(), t.sim.verifyConfigDigest(), t.sim.jobs.listPrune()]);
let configBefore = '';
beforeEach(() => {
  t.toQuietNoon();
  configBefore = configState();
});
afterEach(() => {
  faultRules(t.sim).clear();
  if (configState() !== configBefore) t.host.reset();
  vi.useRealTimers();
  // an ended session takes the console offline until the login; a failed test must not leave it so
  onlineManager.setOnline(true);
});

const RUNS: Record<string, (t: TestServer, id: string) => Promise<Outcome>> = {
  'latency-5s': slowRead,
  'latency-30s': async (server, id) => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    return verySlowRead(server, id);
  },
  '500-read': failingRefetch,
  'drop-read': droppedRead,
  offline,
  '403-read': refusedRead,
  '500-write': failingSave,
  'drop-write': droppedSave,
  '401-edit': sessionEndsOnSave,
  '403-write': refusedSave,
  '400-params': parameterErrors,
  'digest-verify-add': addVerifyJob,
  'digest-verify-edit': editVerifyJob,
  'digest-verify-remove': removeVerifyJob,
  'digest-prune-add': addPruneJob,
  'digest-prune-edit': editPruneJob,
  'digest-prune-remove': removePruneJob,
  'digest-gc-schedule': changeGcSchedule,
};

const outcomes = new Map<string, Outcome>();

describe('the console on a bad day', () => {
  it.each(FAULT_CASES.map((c) => [c.title, c.id]))('%s', async (_title, id) => {
    outcomes.set(id, await RUNS[id]!(t, id));
  });
});

afterAll(async () => {
  // a run of some cases only (-t) checks no file
  if (outcomes.size < FAULT_CASES.length) return;
  const { renderReliabilityDoc } = await import('./reliability-doc');
  const file = resolve('docs/reliability.md');
  let committed = '';
  try {
    committed = readFileSync(file, 'utf8');
  } catch {
    // missing: the comparison below says so
  }
  // the other suites' sections stay as committed: each suite checks its own
  const text = renderReliabilityDoc(outcomes, committed);
  if (process.env.UPDATE_DOCS) {
    writeFileSync(file, text);
    committed = text;
  }
  expect(
    committed,
    'docs/reliability.md is not what the fault suite measured: run `npm run docs:update` and commit the file',
  ).toBe(text);
});
