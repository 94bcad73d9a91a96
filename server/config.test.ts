// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type Env } from './config.ts';

function problems(env: Env): string[] {
  try {
    loadConfig(env, '/nonexistent');
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('configuration from the environment', () => {
  it('defaults to the simulator on 127.0.0.1:8080', () => {
    const config = loadConfig({}, '/srv/dist');
    expect(config).toMatchObject({ host: '127.0.0.1', port: 8080, distDir: '/srv/dist', pbs: null, tls: null });
    expect(config.sim).toEqual({ profile: 'demo', seed: undefined, speed: 1, start: undefined });
  });

  it('accepts a fingerprint in any case, with or without colons', () => {
    const hex = 'ab'.repeat(32);
    const config = loadConfig({ PBS_URL: 'https://pbs.example:8007', PBS_FINGERPRINT: hex }, '/d');
    expect(config.pbs?.fingerprint).toBe(Array(32).fill('AB').join(':'));
  });

  it('says what a fingerprint should look like', () => {
    const [problem] = problems({ PBS_URL: 'https://pbs.example:8007', PBS_FINGERPRINT: 'AA:BB:CC' });
    expect(problem).toMatch(/^PBS_FINGERPRINT: expected the certificate's SHA-256 fingerprint, 32 hex bytes/);
    expect(problem).toContain("got 'AA:BB:CC'");
  });

  it('allows http:// only to loopback', () => {
    expect(problems({ PBS_URL: 'http://127.0.0.1:8007' })).toEqual([]);
    expect(problems({ PBS_URL: 'http://[::1]:8007' })).toEqual([]);
    expect(problems({ PBS_URL: 'http://pbs.example:8007' })[0]).toMatch(/only allowed to a loopback address/);
  });

  it('starts the simulator at SIM_START, an ISO 8601 instant with its zone', () => {
    // 2026-03-29 00:30 UTC = 1 774 744 200 s after the epoch (20 541 days × 86 400 + 1 800)
    expect(loadConfig({ SIM_START: '2026-03-29T00:30:00Z' }, '/d').sim.start).toBe(1_774_744_200);
    expect(loadConfig({ SIM_START: '2026-03-29T02:30:00+02:00' }, '/d').sim.start).toBe(1_774_744_200);
    expect(problems({ SIM_START: 'next sunday' })).toEqual([
      "SIM_START: expected an ISO 8601 instant with its zone, such as 2026-03-29T00:30:00Z, got 'next sunday'",
    ]);
    expect(problems({ SIM_START: '2026-03-29T00:30' })[0]).toMatch(/^SIM_START: expected an ISO 8601 instant/);
  });

  it('reports every problem at once', () => {
    const all = problems({
      PORT: 'eighty',
      SIM_PROFILE: 'huge',
      SIM_SPEED: '-1',
      TLS_CERT: '/x.pem',
      EMBED_TOKEN: 'nope',
    });
    expect(all.map((p) => p.split(':')[0])).toEqual(
      expect.arrayContaining(['PORT', 'TLS_CERT and TLS_KEY', 'TLS_CERT', 'SIM_PROFILE', 'SIM_SPEED', 'EMBED_TOKEN']),
    );
  });

  it('parses the PVE mount settings', () => {
    const config = loadConfig(
      {
        PBS_URL: 'https://pbs.example:8007',
        PVE_URL: 'https://pve.example:8006',
        PVE_TOKEN: 'root@pam!deck=1234-abcd',
        PVE_STORAGE_MAP: 'pbs1=store1/prod,pbs2=store2',
      },
      '/d',
    );
    expect(config.pve?.storageMap.get('pbs1')).toEqual({ store: 'store1', ns: 'prod' });
    expect(config.pve?.storageMap.get('pbs2')).toEqual({ store: 'store2', ns: null });
  });

  it('refuses a PVE mount without a real PBS, and a bad storage map', () => {
    const found = problems({
      PVE_URL: 'https://pve.example:8006',
      PVE_TOKEN: 'root@pam!deck=1234-abcd',
      PVE_STORAGE_MAP: 'pbs1=store1/a b',
    });
    expect(found).toContainEqual(expect.stringMatching(/^PVE_URL: needs PBS_URL too/));
    expect(found).toContainEqual(
      expect.stringMatching(/^PVE_STORAGE_MAP: 'a b' in 'pbs1=store1\/a b' is not a PBS namespace/),
    );
  });
});
