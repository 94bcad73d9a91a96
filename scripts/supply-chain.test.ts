// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { judgeAudit, licenceAllowed, licenceProblems, productionPackages } from './supply-chain.mjs';

describe('the licence allowlist', () => {
  it('takes the allowed licences, an OR with one allowed branch and an AND of allowed ones', () => {
    for (const ok of [
      'MIT',
      'ISC',
      'BSD-2-Clause',
      'BSD-3-Clause',
      'Apache-2.0',
      '0BSD',
      'MPL-2.0',
      '(MIT OR CC0-1.0)',
    ])
      expect(licenceAllowed(ok), ok).toBe(true);
    expect(licenceAllowed('(MPL-2.0 OR Apache-2.0)')).toBe(true);
    expect(licenceAllowed('MIT AND ISC AND BSD-3-Clause')).toBe(true);
    expect(licenceAllowed('(GPL-3.0-only OR MIT)')).toBe(true);
  });

  it('refuses other licences, an AND with one of them, a missing licence and nonsense', () => {
    for (const bad of [
      'GPL-3.0-only',
      'CC0-1.0',
      'MIT AND GPL-2.0-only',
      'UNLICENSED',
      'SEE LICENSE IN LICENSE',
      '',
      null,
    ])
      expect(licenceAllowed(bad), String(bad)).toBe(false);
    expect(licenceAllowed('(MIT OR')).toBe(false);
    expect(licenceAllowed('MIT)')).toBe(false);
  });

  it('judges the production tree only, and names each package outside the allowlist', () => {
    const lock = {
      packages: {
        '': { name: 'pbs-deck' },
        'node_modules/react': { version: '19.3.1', license: 'MIT' },
        'node_modules/copyleft': { version: '1.0.0', license: 'GPL-3.0-only' },
        'node_modules/a/node_modules/nolicence': { version: '0.1.0' },
        'node_modules/vitest': { version: '4.0.0', license: 'GPL-3.0-only', dev: true },
        'node_modules/fsevents': { version: '2.3.3', license: 'GPL-3.0-only', devOptional: true },
      },
    };
    const packages = productionPackages(lock, (where) =>
      where === 'node_modules/react' ? { version: '19.3.1', license: { type: 'MIT' } } : null,
    );
    expect(packages.map((p) => p.name)).toEqual(['react', 'copyleft', 'nolicence']);
    expect(licenceProblems(packages)).toEqual([
      'copyleft@1.0.0: licence GPL-3.0-only is not on the allowlist',
      'nolicence@0.1.0: licence (none declared) is not on the allowlist',
    ]);
  });
});

describe('npm audit', () => {
  it('fails on high and critical advisories, naming the package', () => {
    const report = {
      vulnerabilities: {
        marked: { name: 'marked', severity: 'high', via: [{ title: 'ReDoS in inline code' }] },
        ms: { name: 'ms', severity: 'moderate', via: [{ title: 'slow' }] },
        wrap: { name: 'wrap', severity: 'critical', via: ['marked'] },
      },
      metadata: { vulnerabilities: { info: 0, low: 0, moderate: 1, high: 1, critical: 1, total: 3 } },
    };
    expect(judgeAudit(JSON.stringify(report))).toEqual({
      checked: true,
      reason: null,
      problems: ['marked: high (ReDoS in inline code)', 'wrap: critical'],
    });
  });

  it('passes a clean report', () => {
    const clean = { vulnerabilities: {}, metadata: { vulnerabilities: { high: 0, critical: 0, total: 0 } } };
    expect(judgeAudit(JSON.stringify(clean))).toEqual({ checked: true, reason: null, problems: [] });
  });

  it('says when the registry gave no report, without failing', () => {
    const refused = { message: 'request to https://registry.npmjs.org/-/npm/v1/security/advisories/bulk failed' };
    expect(judgeAudit(JSON.stringify(refused))).toMatchObject({ checked: false, problems: [] });
    expect(judgeAudit('')).toMatchObject({ checked: false, problems: [] });
  });
});
