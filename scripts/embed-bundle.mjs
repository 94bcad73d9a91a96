// What the embed entry's built code may never contain (DESIGN.md: nothing that changes PBS state):
// an HTTP write method as a string literal, the CSRF header, PBS's login call or ticket cookie, or an
// /api2/json path that is not behind /embed-api/. The one exception is the in-frame login: a single
// "POST" literal, in the file that holds the deck's /embed-api/login (and logout) call, which asks
// the deck for its own session cookie and changes nothing in PBS. Used by check-entry-size.mjs and
// the browser tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { entryFiles } from './entry-files.mjs';

const WRITE = /[`"'](POST|PUT|DELETE|PATCH)[`"']/g;
const LOGIN_CALL = '/embed-api/login';

const FORBIDDEN = [
  { what: 'the CSRF header', re: /CSRFPreventionToken/i },
  { what: "PBS's login call", re: /access\/ticket/ },
  { what: "PBS's ticket cookie", re: /PBSAuthCookie/ },
  { what: 'an /api2/json path outside /embed-api/', re: /(?<!\/embed-api)\/api2\/json/ },
];

const around = (code, index) => JSON.stringify(code.slice(Math.max(0, index - 40), index + 40));

/** Problems found in every file the embed entry loads, lazy chunks included; empty when clean. */
export function embedBundleProblems(distDir) {
  const files = entryFiles(distDir, 'embed.html', { dynamic: true });
  const problems = [];
  const writes = [];
  for (const file of files) {
    const code = readFileSync(path.join(path.resolve(distDir), file), 'utf8');
    for (const m of code.matchAll(WRITE)) {
      writes.push(file);
      if (m[1] !== 'POST' || !code.includes(LOGIN_CALL)) {
        problems.push(`${file}: an HTTP write method outside the in-frame login (${around(code, m.index)})`);
      }
    }
    for (const { what, re } of FORBIDDEN) {
      const m = re.exec(code);
      if (m) problems.push(`${file}: ${what} (${around(code, m.index)})`);
    }
  }
  if (writes.length > 1)
    problems.push(
      `${writes.length} HTTP write-method literals (${writes.join(', ')}): only the in-frame login's one POST may exist`,
    );
  return { files, problems };
}
