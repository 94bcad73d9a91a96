// The PBS host: status, time, version, subscription and its RRD, deterministic from the seed and time.
import { hexOf } from './random';
import { rrdRows, wave } from './rrd';
import { zoneOffset } from '@/lib/tz';
import type { NodeStatus, NodeTime, RrdCf, RrdRow, RrdTimeframe, VersionInfo } from './types';
import { GiB } from './ctx';

export class Node {
  readonly bootTime: number;
  readonly installTime: number;
  readonly memTotal = 32 * GiB - 512 * 1024 * 1024;
  readonly swapTotal = 8 * GiB;
  readonly rootTotal = 98 * GiB;

  constructor(
    readonly seed: number,
    readonly hostname: string,
    readonly zone: string,
    createdAt: number,
  ) {
    this.bootTime = createdAt - 60 * 86400 - (seed % 86400);
    this.installTime = createdAt - 420 * 86400;
  }

  private load(t: number): number {
    const p = new Date(((t + zoneOffset(t, this.zone)) % 86400) * 1000).getUTCHours();
    // nightly backups keep the box busy
    return (p >= 21 || p < 5 ? 0.35 : 0.05) + wave(this.seed, 1, t) * 0.1;
  }

  status(now: number): NodeStatus {
    const cpu = this.load(now);
    const memUsed = Math.round(this.memTotal * (0.3 + wave(this.seed, 2, now) * 0.1));
    const swapUsed = 12 * 1024 * 1024;
    const rootUsed = Math.round(5.2 * GiB + ((now - this.installTime) / 86400) * 4 * 1024 * 1024);
    const kernel = '#1 SMP PREEMPT_DYNAMIC PMX 6.14.8-2 (2025-07-22T10:04Z)';
    return {
      memory: { total: this.memTotal, used: memUsed, free: this.memTotal - memUsed },
      swap: { total: this.swapTotal, used: swapUsed, free: this.swapTotal - swapUsed },
      root: { total: this.rootTotal, used: rootUsed, avail: this.rootTotal - rootUsed - 5 * GiB },
      uptime: now - this.bootTime,
      loadavg: [round2(cpu * 8), round2(cpu * 7.5), round2(cpu * 7)],
      cpu,
      wait: cpu * 0.08,
      cpuinfo: { model: 'AMD EPYC 4344P 8-Core Processor', sockets: 1, cpus: 16 },
      'current-kernel': { sysname: 'Linux', release: '6.14.8-2-pve', version: kernel, machine: 'x86_64' },
      kversion: `Linux 6.14.8-2-pve ${kernel}`,
      'boot-info': { mode: 'efi', secureboot: false },
      info: { fingerprint: (hexOf(this.seed, 'tls-fingerprint', 64).toUpperCase().match(/../g) ?? []).join(':') },
    };
  }

  time(now: number): NodeTime {
    return { timezone: this.zone, time: now, localtime: now + zoneOffset(now, this.zone) };
  }

  version(): VersionInfo {
    return { version: '4.2', release: '1', repoid: hexOf(this.seed, 'repoid', 40) };
  }

  subscription(full: boolean): Record<string, string | number> {
    const s: Record<string, string | number> = {
      status: 'notfound',
      message: 'There is no subscription key',
      url: 'https://www.proxmox.com/en/proxmox-backup-server/pricing',
    };
    if (full) s.serverid = hexOf(this.seed, 'serverid', 32).toUpperCase();
    return s;
  }

  rrd(now: number, timeframe: RrdTimeframe, cf: RrdCf): RrdRow[] {
    return rrdRows(now, timeframe, cf, (t, res) => {
      if (t + res <= this.installTime) return null;
      const mid = t + res / 2;
      const peak = cf === 'MAX' ? 1.3 : 1;
      const cpu = Math.min(1, this.load(mid) * peak);
      const net = (this.load(mid) > 0.2 ? 90e6 : 2e6) * (0.6 + wave(this.seed, 3, mid) * 0.8) * peak;
      const disk = 5.2 * GiB + ((mid - this.installTime) / 86400) * 4 * 1024 * 1024;
      return {
        cpu,
        iowait: cpu * 0.08,
        memtotal: this.memTotal,
        memused: Math.round(this.memTotal * (0.3 + wave(this.seed, 2, mid) * 0.1 * peak)),
        swaptotal: this.swapTotal,
        swapused: 12 * 1024 * 1024,
        netin: net,
        netout: net * 0.04,
        loadavg: cpu * 8,
        total: this.rootTotal,
        used: Math.round(disk),
        read_ios: 4 * peak,
        read_bytes: 60000 * peak,
        write_ios: 12 * peak,
        write_bytes: 250000 * peak,
        io_ticks: 0.004 * peak,
      };
    });
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100;
