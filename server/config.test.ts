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

  it('parses the PVE mount settings: user mode by default, with no token', () => {
    const config = loadConfig(
      {
        PBS_URL: 'https://pbs.example:8007',
        PVE_URL: 'https://pve.example:8006',
        PVE_STORAGE_MAP: 'pbs1=store1/prod,pbs2=store2',
      },
      '/d',
    );
    expect(config.pve?.mode).toBe('user');
    expect(config.pve?.token).toBeNull();
    expect(config.pve?.timeoutMs).toBe(60_000);
    expect(config.pve?.storageMap.get('pbs1')).toEqual({ store: 'store1', ns: 'prod' });
    expect(config.pve?.storageMap.get('pbs2')).toEqual({ store: 'store2', ns: null });
  });

  it('parses token mode, which PVE_MODE=token alone turns on', () => {
    const config = loadConfig(
      {
        PBS_URL: 'https://pbs.example:8007',
        PVE_URL: 'https://pve.example:8006',
        PVE_MODE: 'token',
        PVE_TOKEN: 'deck@pve!restore=1234-abcd',
        PVE_TOKEN_USERS: 'kiosk@pbs, ops@pbs!tok',
        PVE_TARGET_STORAGES: 'local-lvm',
        PVE_POOLS: 'lab',
        PVE_ALLOW_START: '1',
        PVE_TIMEOUT_S: '5',
      },
      '/d',
    );
    expect(config.pve?.token?.rules).toEqual({
      tokenId: 'deck@pve!restore',
      users: ['kiosk@pbs', 'ops@pbs!tok'],
      allowOverwrite: false,
      allowStart: true,
      targetStorages: ['local-lvm'],
      pools: ['lab'],
    });
    expect(config.pve?.timeoutMs).toBe(5000);
  });

  it('names each token-mode setting that is wrong or set outside token mode', () => {
    const user = problems({
      PBS_URL: 'https://pbs.example:8007',
      PVE_URL: 'https://pve.example:8006',
      PVE_TOKEN: 'root@pam!deck=1234-abcd',
      PVE_TOKEN_USERS: 'kiosk@pbs',
    });
    expect(user).toEqual([
      "PVE_TOKEN is set but PVE_MODE is not 'token': in user mode each user signs in to Proxmox VE with their own login",
      "PVE_TOKEN_USERS is set but PVE_MODE is not 'token': in user mode each user signs in to Proxmox VE with their own login",
    ]);
    const token = problems({
      PBS_URL: 'https://pbs.example:8007',
      PVE_URL: 'https://pve.example:8006',
      PVE_MODE: 'token',
      PVE_TOKEN_USERS: 'kiosk',
      PVE_ALLOW_OVERWRITE: 'yes',
      PVE_TIMEOUT_S: '0',
    });
    expect(token).toEqual(
      expect.arrayContaining([
        "PVE_TOKEN: expected 'user@realm!tokenname=secret' (the PVE API token form; PVE_MODE=token needs it)",
        "PVE_TOKEN_USERS: 'kiosk' is not a PBS user id (user@realm or user@realm!token)",
        'PVE_TARGET_STORAGES: PVE_MODE=token needs the PVE storages restores may write to (storage,…)',
        "PVE_ALLOW_OVERWRITE: expected 1 or 0, got 'yes'",
        "PVE_TIMEOUT_S: expected seconds, a number above 0 and at most 3600 (e.g. 60), got '0'",
      ]),
    );
    expect(problems({ PVE_MODE: 'kiosk' })).toEqual([
      "PVE_MODE: expected 'user' (each user signs in to Proxmox VE) or 'token', got 'kiosk'",
    ]);
    expect(problems({ PBS_URL: 'https://pbs.example:8007', PVE_MODE: 'token' })).toEqual([
      'PVE_MODE is set but PVE_URL is not',
    ]);
  });

  it('refuses a PVE mount without a real PBS, and a bad storage map', () => {
    const found = problems({
      PVE_URL: 'https://pve.example:8006',
      PVE_STORAGE_MAP: 'pbs1=store1/a b',
    });
    expect(found).toContainEqual(expect.stringMatching(/^PVE_URL: needs PBS_URL too/));
    expect(found).toContainEqual(
      expect.stringMatching(/^PVE_STORAGE_MAP: 'a b' in 'pbs1=store1\/a b' is not a PBS namespace/),
    );
  });
});
