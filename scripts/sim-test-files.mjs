// The unit and integration test files that run against a simulator starting at testStartTime(): those that
// set up the msw simulator, or a deck server without PBS_URL (which hosts one). `npm test` runs them again at
// each of SWEEP_STARTS, except a file that says why it need not be, in a line starting `// Not swept: `.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const USES_SIMULATOR = /\b(setupTestServer|createTestServer|testStartTime)\(|\bstartDeck\((?![^)]*PBS_URL)/;
const NOT_SWEPT = /^\/\/ Not swept: \S/m;

export function simulatorTestFiles(root) {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (/\.test\.tsx?$/.test(entry.name)) {
        const text = readFileSync(path.join(root, rel), 'utf8');
        if (USES_SIMULATOR.test(text) && !NOT_SWEPT.test(text)) out.push(rel);
      }
    }
  };
  walk('src');
  walk('server');
  return out.sort();
}
