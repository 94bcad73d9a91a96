#!/usr/bin/env node
// The production dependency tree (what `npm ci --omit=dev` installs) checked two ways:
//   licences: every package's licence must be on the allowlist (an SPDX expression passes when it can be satisfied
//             with allowed licences: OR takes any branch, AND needs all);
//   audit:    `npm audit --omit=dev --audit-level=high` must find nothing high or critical. A registry that gives no
//             audit report (unreachable, or it refuses the audit endpoint) is said so and does not fail the run.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ALLOWED_LICENCES = [
  'MIT',
  'ISC',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'Apache-2.0',
  '0BSD',
  'MPL-2.0',
  '(MIT OR CC0-1.0)',
];

/** Whether an SPDX licence expression can be met with the allowed licences; a malformed one cannot. */
export function licenceAllowed(expression, allowed = ALLOWED_LICENCES) {
  if (typeof expression !== 'string' || expression.trim() === '') return false;
  if (allowed.includes(expression.trim())) return true;
  const ids = new Set(allowed.filter((a) => /^[A-Za-z0-9.+-]+$/.test(a)));
  const tokens = expression.match(/\(|\)|[A-Za-z0-9.+-]+/g) ?? [];
  if (tokens.join('').replace(/\s/g, '') !== expression.replace(/\s/g, '')) return false;
  let at = 0;
  // or := and ('OR' and)* ; and := atom ('AND' atom)* ; atom := id | '(' or ')'
  const atom = () => {
    const t = tokens[at++];
    if (t === '(') {
      const v = or();
      if (tokens[at++] !== ')') throw new Error('unbalanced');
      return v;
    }
    if (t === undefined || t === ')' || t === 'OR' || t === 'AND') throw new Error('unexpected');
    return ids.has(t);
  };
  const and = () => {
    let v = atom();
    while (tokens[at] === 'AND') {
      at++;
      v = atom() && v;
    }
    return v;
  };
  const or = () => {
    let v = and();
    while (tokens[at] === 'OR') {
      at++;
      v = and() || v;
    }
    return v;
  };
  try {
    const v = or();
    return at === tokens.length && v;
  } catch {
    return false;
  }
}

/** The licence a package declares: SPDX `license`, or the old `{ type }` and `licenses: [{ type }]` forms. */
export function declaredLicence(pkg) {
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license && typeof pkg.license.type === 'string') return pkg.license.type;
  if (Array.isArray(pkg.licenses)) {
    const types = pkg.licenses.map((l) => l?.type).filter((t) => typeof t === 'string');
    if (types.length) return types.length === 1 ? types[0] : `(${types.join(' OR ')})`;
  }
  return null;
}

/**
 * The packages `npm ci --omit=dev` installs, from the lockfile (v2/v3): every entry not marked dev or devOptional,
 * with the licence its installed package.json declares (the lockfile's when it is not installed).
 */
export function productionPackages(lock, readInstalled = () => null) {
  const out = [];
  for (const [where, entry] of Object.entries(lock.packages ?? {})) {
    if (where === '' || entry.dev || entry.devOptional || entry.link) continue;
    const name = entry.name ?? where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const installed = readInstalled(where);
    out.push({
      name,
      version: entry.version ?? installed?.version ?? '?',
      licence: declaredLicence(installed ?? entry),
    });
  }
  return out;
}

/** One line per package whose licence is not allowed, naming it. */
export function licenceProblems(packages, allowed = ALLOWED_LICENCES) {
  return packages
    .filter((p) => !licenceAllowed(p.licence, allowed))
    .map((p) => `${p.name}@${p.version}: licence ${p.licence ?? '(none declared)'} is not on the allowlist`);
}

/**
 * What `npm audit --json` said: `checked` false when no report came (the registry unreachable or refusing the
 * audit endpoint); otherwise the high and critical findings, one line per package.
 */
export function judgeAudit(json) {
  let report;
  try {
    report = JSON.parse(json);
  } catch {
    return { checked: false, reason: 'no readable answer', problems: [] };
  }
  const counts = report?.metadata?.vulnerabilities;
  if (!counts || typeof counts !== 'object') {
    return {
      checked: false,
      reason: String(report?.message ?? report?.error?.summary ?? 'no audit report'),
      problems: [],
    };
  }
  const problems = Object.values(report.vulnerabilities ?? {})
    .filter((v) => v.severity === 'high' || v.severity === 'critical')
    .map((v) => {
      const titles = (v.via ?? []).filter((x) => typeof x === 'object').map((x) => x.title);
      return `${v.name}: ${v.severity}${titles.length ? ` (${[...new Set(titles)].join('; ')})` : ''}`;
    });
  return { checked: true, reason: null, problems };
}

function main() {
  const root = fileURLToPath(new URL('..', import.meta.url));
  let failed = false;

  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  const readInstalled = (where) => {
    const file = path.join(root, where, 'package.json');
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
  };
  const packages = productionPackages(lock, readInstalled);
  const licences = licenceProblems(packages);
  if (licences.length) {
    failed = true;
    console.error(`licences: ${licences.length} of ${packages.length} production packages are not allowed:`);
    for (const line of licences) console.error(`  ${line}`);
  } else console.log(`licences: all ${packages.length} production packages have an allowed licence`);

  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const audit = spawnSync(npm, ['audit', '--omit=dev', '--audit-level=high', '--json'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const verdict = judgeAudit(audit.stdout ?? '');
  if (!verdict.checked) console.log(`npm audit: registry unreachable, not checked (${verdict.reason})`);
  else if (verdict.problems.length) {
    failed = true;
    console.error(`npm audit: ${verdict.problems.length} production packages with high or critical advisories:`);
    for (const line of verdict.problems) console.error(`  ${line}`);
  } else console.log('npm audit: no high or critical advisory in the production tree');

  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
