// Node reads and RRD series: PBS's shapes, resolutions, and no keys where there was no data.
import { createSimulator } from './simulator';
import { sha256Hex } from './sha256';
import { systemdEscape } from './upid';

const S = 1_700_000_000;

describe('node and RRD', () => {
  const sim = createSimulator({ profile: 'large', seed: 5, startTime: S, speed: 0 });

  it('answers node status, time, version and subscription in PBS shapes', () => {
    const st = sim.nodeStatus();
    expect(Object.keys(st).sort()).toEqual(
      [
        'boot-info',
        'cpu',
        'cpuinfo',
        'current-kernel',
        'info',
        'kversion',
        'loadavg',
        'memory',
        'root',
        'swap',
        'uptime',
        'wait',
      ].sort(),
    );
    expect(st.memory.used + st.memory.free).toBe(st.memory.total);
    expect(st.cpu).toBeGreaterThanOrEqual(0);
    expect(st.cpu).toBeLessThanOrEqual(1);
    expect(st.info.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(sim.nodeTime()).toEqual({ timezone: 'Europe/Vienna', time: S, localtime: S + 3600 });
    expect(sim.version()).toMatchObject({
      version: '4.2',
      release: '1',
      repoid: expect.stringMatching(/^[0-9a-f]{40}$/),
    });
    expect(sim.subscription(false)).toEqual({
      status: 'notfound',
      message: 'There is no subscription key',
      url: 'https://www.proxmox.com/en/proxmox-backup-server/pricing',
    });
    expect(sim.subscription(true).serverid).toMatch(/^[0-9A-F]{32}$/);
  });

  it('uses PBS resolutions and omits keys before a datastore existed', () => {
    const fresh = createSimulator({ profile: 'large', seed: 5, startTime: S, speed: 0 });
    fresh.createEmptyDatastore('new');
    const hour = fresh.datastoreRrd('new', 'hour', 'AVERAGE');
    expect(hour).toHaveLength(60);
    expect(hour.every((r, i) => i === 0 || r.time - (hour[i - 1]?.time ?? 0) === 60)).toBe(true);
    expect(Object.keys(hour[0] ?? {})).toEqual(['time']);
    const week = sim.datastoreRrd('store1', 'week', 'MAX');
    expect(week).toHaveLength(336);
    expect((week[1]?.time ?? 0) - (week[0]?.time ?? 0)).toBe(1800);
    expect(Object.keys(week.at(-1) ?? {}).sort()).toEqual([
      'available',
      'io_ticks',
      'read_bytes',
      'read_ios',
      'time',
      'total',
      'used',
      'write_bytes',
      'write_ios',
    ]);
    const last = week.at(-1);
    expect((last?.used ?? 0) + (last?.available ?? 0)).toBe(last?.total);
    expect(sim.nodeRrd('decade', 'AVERAGE')).toHaveLength(520);
    expect(Object.keys(sim.nodeRrd('day', 'MAX').at(-1) ?? {})).toEqual(
      expect.arrayContaining([
        'cpu',
        'iowait',
        'memtotal',
        'memused',
        'swaptotal',
        'swapused',
        'netin',
        'netout',
        'loadavg',
        'total',
        'used',
      ]),
    );
  });

  it('hashes and escapes like PBS', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(systemdEscape('fs01:v-ee54fa7e-61f0')).toBe('fs01\\x3av\\x2dee54fa7e\\x2d61f0');
    expect(systemdEscape('main:ct/104')).toBe('main\\x3act-104');
  });
});
