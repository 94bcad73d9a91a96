// Builds the React floor page (bench/react-floor) and a copy of dist/ that also serves it, under
// /__react-floor/, from the deck server itself, so it loads exactly as the console's pages do.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import react from '@vitejs/plugin-react';

const source = fileURLToPath(new URL('./react-floor', import.meta.url));
export const REACT_FLOOR_PATH = '/__react-floor/index.html';

/** A temporary dist directory: the console's build plus the floor page. Remove it with cleanup(). */
export async function distWithReactFloor(dist) {
  const dir = mkdtempSync(path.join(tmpdir(), 'pbs-deck-bench-dist-'));
  cpSync(dist, dir, { recursive: true });
  await build({
    configFile: false,
    logLevel: 'warn',
    root: source,
    base: '/__react-floor/',
    plugins: [react()],
    build: { outDir: path.join(dir, '__react-floor'), emptyOutDir: false, sourcemap: false },
  });
  // Compressed beside, as the console's own files are.
  execFileSync(
    process.execPath,
    [fileURLToPath(new URL('../scripts/precompress.mjs', import.meta.url)), path.join(dir, '__react-floor')],
    { stdio: 'ignore' },
  );
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
