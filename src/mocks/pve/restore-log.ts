// What a PVE restore task writes, line by line, with the second (after the task's start) at which each line
// appears. Wording from qemu-server (restore_proxmox_backup_archive, rescan, live restore), pbs-restore and
// proxmox-backup-qemu (progress lines), pve-container (restore), and pve-common's run_command errors.
import { unit } from '../sim/random';
import type { PveStorageConfig } from './pve-config';

export interface TimedLine {
  at: number;
  text: string;
}

export interface RestoreDisk {
  /** `drive-scsi0` as the archive `drive-scsi0.img.fidx` names it */
  drive: string;
  size: number;
}

export interface RestoreSource {
  /** `vm/100/2024-01-01T00:00:00Z` */
  name: string;
  /** `user@realm!token@host:datastore` */
  repo: string;
  ns: string;
  keyfile: string | null;
  seed: number;
}

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

export function diskVolume(target: PveStorageConfig, vmid: number, i: number): { volid: string; path: string } {
  const name = `vm-${vmid}-disk-${i}`;
  if (target.type === 'zfspool') return { volid: `${target.storage}:${name}`, path: `/dev/zvol/rpool/data/${name}` };
  return { volid: `${target.storage}:${name}`, path: `/dev/pve/${name}` };
}

/** Bytes per second a restore reaches: the bandwidth limit (KiB/s) when one is set. */
function rate(bwlimit: number | undefined): number {
  return bwlimit ? Math.max(bwlimit * 1024, MiB) : 600 * MiB;
}

export function vmRestoreLog(
  src: RestoreSource,
  vmid: number,
  disks: RestoreDisk[],
  target: PveStorageConfig,
  opts: { live: boolean; start: boolean; bwlimit?: number },
): TimedLine[] {
  const lines: TimedLine[] = [];
  let t = 0;
  const say = (text: string, dt = 0) => {
    t += dt;
    lines.push({ at: Math.round(t), text });
  };
  const vols = disks.map((_, i) => diskVolume(target, vmid, i));
  vols.forEach((v, i) => {
    if (target.type === 'lvmthin') say(`  Logical volume "vm-${vmid}-disk-${i}" created.`, 1);
    say(`new volume ID is '${v.volid}'`);
  });
  const nsArg = src.ns ? ` --ns ${src.ns}` : '';
  const keyArg = src.keyfile ? ` --keyfile ${src.keyfile}` : '';
  if (!opts.live) {
    disks.forEach((d, i) => {
      const path = vols[i]!.path;
      say(
        `restore proxmox backup image: /usr/bin/pbs-restore --repository ${src.repo}${nsArg} ${src.name} ${d.drive}.img.fidx ${path} --verbose --format raw${keyArg} --skip-zero`,
      );
      say(`connecting to repository '${src.repo}'`);
      say('using up to 4 threads');
      say(`open block backend for target '${path}'`);
      say(`starting to restore snapshot '${src.name}'`);
      say('download and verify backup index');
      say('fetching up to 16 chunks in parallel');
      const seconds = d.size / rate(opts.bwlimit);
      const zeroShare = 0.2 + 0.5 * unit(src.seed, `zero:${src.name}:${d.drive}`);
      const start = t;
      for (let p = 1; p <= 100; p++) {
        const bytes = Math.floor((d.size * p) / 100);
        const zeroes = Math.floor((bytes * zeroShare) / (4 * MiB)) * 4 * MiB;
        t = start + (seconds * p) / 100;
        say(
          `progress ${p}% (read ${bytes} bytes, zeroes = ${Math.floor((zeroes * 100) / Math.max(bytes, 1))}% (${zeroes} bytes), duration ${Math.floor(t - start)} sec)`,
        );
      }
      const speed = d.size / MiB / Math.max(seconds, 0.01);
      say(`restore image complete (bytes=${d.size}, duration=${seconds.toFixed(2)}s, speed=${speed.toFixed(2)}MB/s)`);
    });
  }
  say('rescan volumes...', 1);
  if (opts.live) {
    say('starting VM for live-restore', 1);
    say(`repository: '${src.repo}', snapshot: '${src.name}'`);
    disks.forEach((d, i) => say(`restoring '${d.drive}' to '${vols[i]!.volid}'`));
    const total = disks.reduce((s, d) => s + d.size, 0);
    const seconds = total / rate(opts.bwlimit);
    const start = t;
    for (let step = 1; step <= 10; step++) {
      t = start + (seconds * step) / 10;
      disks.forEach((d) => {
        const done = (d.size * step) / 10;
        say(
          `restore-${d.drive}: transferred ${gib(done)} of ${gib(d.size)} (${(step * 10).toFixed(2)}%) in ${duration(t - start)}`,
        );
      });
    }
    disks.forEach((d) => say(`restore-${d.drive}: stream-job finished`));
    say(
      'restore-drive jobs finished successfully, removing all tracking block devices to disconnect from Proxmox Backup Server',
    );
  } else if (opts.start) {
    say('Execute autostart', 2);
  }
  return lines;
}

export function ctRestoreLog(
  volid: string,
  vmid: number,
  size: number,
  target: PveStorageConfig,
  opts: { start: boolean; bwlimit?: number },
): TimedLine[] {
  const lines: TimedLine[] = [];
  let t = 0;
  const say = (text: string, dt = 0) => {
    t += dt;
    lines.push({ at: Math.round(t), text });
  };
  say(`recovering backed-up configuration from '${volid}'`, 1);
  const disk = Math.max(8, Math.ceil((size * 1.5) / GiB));
  if (target.type === 'lvmthin') {
    say(`  Logical volume "vm-${vmid}-disk-0" created.`, 1);
    say(`Creating filesystem with ${disk * 262144} 4k blocks and ${disk * 65536} inodes`);
    say('Allocating group tables: done                            ');
    say('Writing inode tables: done                            ');
    say('Creating journal (16384 blocks): done');
    say('Writing superblocks and filesystem accounting information: done');
    say('');
  }
  say(`restoring '${volid}' now..`, 1);
  say('merging backed-up and given configuration..', size / rate(opts.bwlimit));
  if (opts.start) t += 2;
  return lines;
}

/** The proxmox-backup-client call that fails first, as run_command shows it. */
export function clientCommand(src: RestoreSource, file: string, target: string): string {
  const ns = src.ns ? ` --ns ${src.ns}` : '';
  const crypt = src.keyfile ? ' --crypt-mode=encrypt --keyfd=14' : ' --crypt-mode=none';
  return `/usr/bin/proxmox-backup-client restore${crypt} ${src.name} ${file} ${target} --repository ${src.repo}${ns}`;
}

/** A VM restore whose first read of the snapshot fails with `clientError` (no such snapshot, missing key). */
export function vmFailedLog(
  src: RestoreSource,
  vmid: number,
  clientError: string,
  pid: number,
): { lines: TimedLine[]; error: string } {
  const lines = [
    { at: 1, text: `Could not extract backed up config: proxmox-backup-client failed: Error: ${clientError}` },
    { at: 1, text: 'Skipping early checks!' },
    { at: 2, text: `Error: ${clientError}` },
    {
      at: 2,
      text: `error before or during data restore, some or all disks were not completely restored. VM ${vmid} state is NOT cleaned up.`,
    },
  ];
  return {
    lines,
    error: `command '${clientCommand(src, 'index.json', `/var/tmp/vzdumptmp${pid}/index.json`)}' failed: exit code 255`,
  };
}

export function ctFailedLog(
  src: RestoreSource,
  volid: string,
  vmid: number,
  clientError: string,
): { lines: TimedLine[]; error: string } {
  const lines = [
    { at: 1, text: `recovering backed-up configuration from '${volid}'` },
    { at: 2, text: `Error: ${clientError}` },
  ];
  return {
    lines,
    error: `unable to restore CT ${vmid} - command '${clientCommand(src, 'pct.conf', '-')}' failed: exit code 255`,
  };
}

function gib(bytes: number): string {
  return `${(bytes / GiB).toFixed(1)} GiB`;
}

function duration(seconds: number): string {
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)}m ${s % 60}s` : `${s}s`;
}
