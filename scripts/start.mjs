#!/usr/bin/env node
// `npm start`: Node 20 cannot run the TypeScript sources, so build what is missing or older than its
// sources, then run the built deck server with this environment.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = ['src', 'server', 'public', 'index.html', 'package.json', 'vite.config.ts', 'vite.server.config.ts'];
const BUILT = ['dist/index.html', 'dist-server/main.js'];
const SKIP = /\.test\.tsx?$|(^|\/)(node_modules|test)(\/|$)/;

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return SKIP.test(path) ? 0 : st.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

const built = BUILT.map((p) => join(root, p));
const missing = built.filter((p) => !existsSync(p));
const oldestBuild = missing.length ? 0 : Math.min(...built.map((p) => statSync(p).mtimeMs));
const newestSource = Math.max(...SOURCES.map((p) => newestMtime(join(root, p))));

if (missing.length || newestSource > oldestBuild) {
  console.log(missing.length ? 'pbs-deck: no build yet, building…' : 'pbs-deck: sources changed, rebuilding…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('pbs-deck: build failed');
    process.exit(result.status ?? 1);
  }
}

const child = spawn(process.execPath, [join(root, 'dist-server/main.js')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  if (!signal) process.exit(code ?? 1);
  // End the same way the server did, so a supervisor sees the signal.
  process.removeAllListeners(signal);
  process.kill(process.pid, signal);
});
