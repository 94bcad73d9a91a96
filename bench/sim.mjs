// Simulator: creation time (spawn to "listening"), in-process reset, and GC and verify through the HTTP API.
// The simulator computes a whole task inside the POST that starts it, then shows it running for the
// task's modeled duration on its own clock; both are reported, the first as the cost a user can feel.
import { spawn } from 'node:child_process';
import { startDeck, stopDeck } from '../scripts/deck-process.mjs';
import { testStartIso } from '../scripts/test-instants.mjs';
import { call, login, simControl } from './api.mjs';
import { count, ratio, repeat, summarize } from './stats.mjs';

const SEED = 7;

/** A bare `node` that prints the same line: what starting any Node program costs on this machine. */
function nodeFloor() {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn(process.execPath, ['-e', 'console.log("listening on http://127.0.0.1:0")'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    p.stdout.once('data', () => resolve(performance.now() - t0));
    p.once('error', reject);
  });
}

export async function measureCreation(root, runs, track) {
  const floor = summarize(
    'sim: floor, spawn a bare node that prints one line',
    'ms',
    await repeat(runs, nodeFloor),
    {},
    0,
  );
  const results = [floor];
  for (const profile of ['demo', 'large']) {
    const samples = await repeat(runs, async () => {
      const t0 = performance.now();
      const deck = await startDeck(root, { SIM_PROFILE: profile, SIM_SEED: String(SEED) });
      const ms = performance.now() - t0;
      track.add(deck.proc);
      await stopDeck(deck.proc);
      track.delete(deck.proc);
      return ms;
    });
    const r = summarize(
      `sim: create, ${profile} profile (spawn the deck server until its "listening" line)`,
      'ms',
      samples,
      { floor: floor.value },
      0,
    );
    results.push(r, ratio(`sim: create ${profile} / floor`, r, floor));
  }
  return results;
}

/** Moves the simulator's clock on until the task has stopped; returns its modeled duration in sim seconds. */
async function finish(url, auth, upid) {
  const enc = encodeURIComponent(upid);
  let step = 60;
  let status;
  for (let i = 0; i < 40; i++) {
    status = (await call(url, auth, 'GET', `/nodes/localhost/tasks/${enc}/status`)).data;
    if (status.status === 'stopped') break;
    await simControl(url, 'clock', { advance: step });
    step *= 2;
  }
  if (status.status !== 'stopped') throw new Error(`task ${upid} did not stop`);
  const list = await call(
    url,
    auth,
    'GET',
    `/nodes/localhost/tasks?typefilter=${encodeURIComponent(status.type)}&since=${status.starttime - 1}&limit=1000`,
  );
  const row = list.data.find((t) => t.upid === upid);
  const log = await call(url, auth, 'GET', `/nodes/localhost/tasks/${enc}/log?start=0&limit=1`);
  return {
    exitstatus: status.exitstatus,
    seconds: row?.endtime !== undefined ? row.endtime - row.starttime : undefined,
    lines: JSON.parse(log.text).total,
  };
}

/**
 * The tests' fixed start instant (scripts/test-instants.mjs): no scheduled GC, prune or verify of the demo runs near
 * it, so a task the bench starts never meets one, whatever the real date.
 */
const quietStartTime = () => Date.parse(testStartIso()) / 1000;

async function timedTask(url, profile, path, form) {
  await simControl(url, 'reset', { seed: SEED, profile, startTime: quietStartTime() });
  const auth = await login(url);
  const r = await call(url, auth, 'POST', path, form);
  if (r.status !== 200) throw new Error(`POST ${path}: HTTP ${r.status} ${r.text}`);
  const done = await finish(url, auth, r.data);
  // The demo's history leaves store1 with chunks a weekly verify found bad, so a full verify may end in PBS's
  // "verification failed" after doing all its work: that is a finished run too. Anything else is a broken measure.
  const finished =
    /^(OK|WARNINGS)/.test(done.exitstatus) ||
    done.exitstatus === 'verification failed - please check the log for details';
  if (!finished) throw new Error(`${path}: task ended with ${done.exitstatus}`);
  return { ms: r.ms, seconds: done.seconds, lines: done.lines };
}

export async function measureTasks(root, runs, track) {
  const results = [];
  for (const profile of ['demo', 'large']) {
    const deck = await startDeck(root, { SIM_PROFILE: profile, SIM_SEED: String(SEED) });
    track.add(deck.proc);
    try {
      const { url } = deck;
      const resets = await repeat(runs, async () => {
        const t0 = performance.now();
        await simControl(url, 'reset', { seed: SEED, profile, startTime: quietStartTime() });
        return performance.now() - t0;
      });
      results.push(
        summarize(
          `sim: reset, ${profile} profile (rebuild the model in the running server, /__sim/reset)`,
          'ms',
          resets,
          {},
          0,
        ),
      );
      const auth = await login(url);
      const floor = summarize(
        `sim: floor, ${profile}: GET /version`,
        'ms',
        (await repeat(runs, () => call(url, auth, 'GET', '/version'))).map((r) => r.ms),
      );
      results.push(floor);
      const tasks = [
        ['GC store1', '/admin/datastore/store1/gc', {}],
        profile === 'large'
          ? [
              'verify of group vm/100 (1000 snapshots; the large profile refuses a datastore-level verify)',
              '/admin/datastore/store1/verify',
              { 'backup-type': 'vm', 'backup-id': '100', 'ignore-verified': 'false' },
            ]
          : ['verify of the whole datastore store1', '/admin/datastore/store1/verify', { 'ignore-verified': 'false' }],
      ];
      for (const [what, path, form] of tasks) {
        const samples = await repeat(runs, () => timedTask(url, profile, path, form));
        const r = summarize(
          `sim: ${what}, ${profile} profile, POST that computes the whole task`,
          'ms',
          samples.map((s) => s.ms),
          { floor: floor.value },
        );
        results.push(r, ratio(`sim: ${what}, ${profile} / floor`, r, floor));
        const { seconds, lines } = samples[0];
        if (seconds !== undefined)
          results.push(
            count(
              `sim: ${what}, ${profile} profile, modeled duration (simulated seconds the task shows as running)`,
              's',
              seconds,
            ),
          );
        // A task whose log holds only its final line did no work: its time says nothing about the simulator.
        const empty = lines <= 1 ? ' (NOTE: the task did no work, its log holds only the final line)' : '';
        results.push(count(`sim: ${what}, ${profile} profile, task log lines${empty}`, 'lines', lines));
      }
    } finally {
      await stopDeck(deck.proc);
      track.delete(deck.proc);
    }
  }
  return results;
}
