// What the embed entry's built code may never contain (DESIGN.md: nothing that changes PBS state):
// an HTTP write method as a string literal, the CSRF header, PBS's login call or ticket cookie, or an
// /api2/json path that is not behind /embed-api/. Used by check-entry-size.mjs and the browser tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { entryFiles } from './entry-files.mjs';

const FORBIDDEN = [
  { what: 'an HTTP write method', re: /[`"'](?:POST|PUT|DELETE|PATCH)[`"']/ },
  { what: 'the CSRF header', re: /CSRFPreventionToken/i },
  { what: "PBS's login call", re: /access\/ticket/ },
  { what: "PBS's ticket cookie", re: /PBSAuthCookie/ },
  { what: 'an /api2/json path outside /embed-api/', re: /(?<!\/embed-api)\/api2\/json/ },
];

/** Problems found in every file the embed entry loads, lazy chunks included; empty when clean. */
export function embedBundleProblems(distDir) {
  const files = entryFiles(distDir, 'embed.html', { dynamic: true });
  const problems = [];
  for (const file of files) {
    const code = readFileSync(path.join(path.resolve(distDir), file), 'utf8');
    for (const { what, re } of FORBIDDEN) {
      const m = re.exec(code);
      if (m) problems.push(`${file}: ${what} (${JSON.stringify(code.slice(Math.max(0, m.index - 40), m.index + 40))})`);
    }
  }
  return { files, problems };
}
