#!/usr/bin/env node
// `npm test`: everything CI checks, in order, each step counted; ends with "N passed, N failed".
// Steps: lint, format (Prettier), types, the supply chain (licences, npm audit), unit tests (vitest), the simulator-backed unit tests again at other start instants,
// production and demo builds, the entry size budget,
// the PBS API contract against the deck server with the simulator, and the browser tests (Playwright).
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { simulatorTestFiles } from './sim-test-files.mjs';
import { SWEEP_STARTS } from './test-instants.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = path.join(root, 'test-results');
mkdirSync(out, { recursive: true });

let passed = 0;
let failed = 0;
const failures = [];

function run(cmd, args, { env = {}, capture = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    const onData = (stream) => (chunk) => {
      stream.write(chunk);
      if (capture) text += chunk.toString();
    };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, text }));
  });
}

function record(name, ok, count = 1, failedCount = ok ? 0 : 1) {
  passed += ok ? count : Math.max(0, count - failedCount);
  failed += failedCount;
  if (!ok) failures.push(name);
  console.log(`\n== ${name}: ${ok ? 'ok' : 'FAILED'}\n`);
}

async function step(name, cmd, args, opts) {
  console.log(`\n== ${name}: ${[cmd, ...args].join(' ')}\n`);
  const r = await run(cmd, args, opts);
  record(name, r.code === 0);
  return r.code === 0;
}

const npx = (bin) => path.join(root, 'node_modules', '.bin', bin);

await step('lint', npx('eslint'), ['.']);
await step('format', npx('prettier'), ['--check', '.']);
await step('types', npx('tsc'), ['-b']);
// licences of the production tree, and npm audit of it (said and skipped when the registry gives no report)
await step('supply chain', process.execPath, ['scripts/supply-chain.mjs']);

/** One vitest run, each test counted; returns whether it passed. */
async function vitest(name, json, args = [], env = {}) {
  console.log(`\n== ${name}: vitest run ${args.length ? `(${args.length} files)` : ''}\n`);
  rmSync(json, { force: true });
  const r = await run(
    npx('vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile=${json}`, ...args],
    { env },
  );
  if (!existsSync(json)) {
    record(name, false);
    return false;
  }
  const res = JSON.parse(readFileSync(json, 'utf8'));
  const ok = res.numPassedTests ?? 0;
  const bad = (res.numFailedTests ?? 0) + (r.code !== 0 && !res.numFailedTests ? 1 : 0);
  passed += ok;
  failed += bad;
  if (bad) failures.push(name);
  console.log(`\n== ${name}: ${ok} passed, ${bad} failed\n`);
  return bad === 0;
}

// Unit and integration tests, at the fixed start instant (or TEST_SIM_START).
await vitest('unit tests', path.join(out, 'vitest.json'));

// The simulator-backed ones again with the simulator starting at other instants: no outcome may depend on when.
{
  const files = simulatorTestFiles(root);
  for (const [i, start] of SWEEP_STARTS.entries()) {
    await vitest(`unit tests with the simulator from ${start}`, path.join(out, `vitest-sweep-${i}.json`), files, {
      TEST_SIM_START: start,
    });
  }
}

const built = await step('production build', 'npm', ['run', '-s', 'build']);
await step('demo build', 'npm', ['run', '-s', 'build:demo']);
if (built) await step('entry size budget', process.execPath, ['scripts/check-entry-size.mjs']);
else record('entry size budget (no build)', false);

// The PBS contract against the deck server with the simulator.
if (built) {
  console.log('\n== PBS API contract against the deck server (simulator)\n');
  const contract = path.resolve(root, '../shared/tools/pbs-contract.mjs');
  if (!existsSync(contract)) {
    record(`PBS contract (missing ${contract})`, false);
  } else {
    const { startDeck, stopDeck } = await import('./deck-process.mjs');
    const deck = await startDeck(root, { SIM_SEED: '11' });
    const r = await run(process.execPath, [contract, deck.url], { capture: true });
    await stopDeck(deck.proc);
    const m = /^(\d+) passed, (\d+) failed$/m.exec(r.text);
    if (m) {
      passed += Number(m[1]);
      failed += Number(m[2]);
      if (Number(m[2]) || r.code !== 0) failures.push('PBS contract');
    } else record('PBS contract (no summary line)', false);
  }
}

// Browser tests, each worker with its own deck server.
if (built) {
  const json = path.join(out, 'playwright.json');
  console.log('\n== browser tests: playwright test\n');
  const r = await run(npx('playwright'), ['test'], { env: { PW_JSON_OUTPUT: json, CI: process.env.CI ?? '1' } });
  if (existsSync(json)) {
    const s = JSON.parse(readFileSync(json, 'utf8')).stats ?? {};
    const ok = (s.expected ?? 0) + (s.flaky ?? 0);
    const bad = (s.unexpected ?? 0) + (r.code !== 0 && !s.unexpected ? 1 : 0);
    passed += ok;
    failed += bad;
    if (bad) failures.push('browser tests');
    console.log(`\n== browser tests: ${ok} passed, ${bad} failed\n`);
  } else record('browser tests', false);
} else record('browser tests (no build)', false);

if (failures.length) console.log(`failing steps: ${failures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
