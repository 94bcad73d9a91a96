// Starts and stops the built deck server as a child process on a free loopback port.
// Used by scripts/test.mjs (contract run), the browser tests and bench/. The simulator's clock starts at the
// tests' fixed instant (SIM_START; TEST_SIM_START moves it), so nothing depends on the real date.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { testStartIso } from './test-instants.mjs';

export async function startDeck(root, env = {}) {
  const proc = spawn(process.execPath, ['dist-server/main.js'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', SIM_PROFILE: 'demo', SIM_START: testStartIso(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`deck server did not start:\n${output}`)), 60_000);
    const onData = (chunk) => {
      output += chunk.toString();
      const m = /listening on (https?:\/\/[\d.]+:\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`deck server exited with ${code}:\n${output}`)));
  });
  return { url, proc, output: () => output };
}

export async function stopDeck(proc) {
  if (proc.exitCode !== null) return;
  proc.kill('SIGTERM');
  await once(proc, 'exit');
}
