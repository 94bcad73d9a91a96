// A believable Debian-like system tree for a container or host file archive: /etc, /var/log, /home/<user>/…,
// a thin /usr, /srv, /opt. Shape and names come from the seed and the group; logs, a few documents and the
// monthly reports change with the backup time.
import { TreeBuilder } from './file-tree-builder';
import type { FileNode } from './file-tree';
import * as T from './file-tree-text';
import { hash32, prng } from './random';
import type { BackupType } from './types';

const DAY = 86400;
const KiB = 1024;
const MiB = 1024 * KiB;
const USERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi'];
const PROJECTS = ['website', 'inventory', 'ansible-roles', 'billing-api', 'wiki-export', 'monitoring'];
const SITES = ['intranet.example.com', 'shop.example.com', 'status.example.com', 'docs.example.com'];
const APPS = ['grafana', 'gitea', 'nextcloud', 'keycloak', 'minio'];

export function buildLinuxTree(seed: number, type: BackupType, id: string, time: number, base: string): FileNode {
  const rnd = prng(hash32(`tree:${type}/${id}`) ^ seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <X>(xs: readonly X[]): X => xs[Math.floor(rnd() * xs.length)]!;
  // per-backup variation: its own stream, so the stable part above never shifts
  const vary = prng(hash32(`tree:${type}/${id}@${time}`) ^ seed);
  const install = Math.min(1_672_531_200 - int(0, 300) * DAY, time - 120 * DAY);
  const at = (maxDays: number) => install + int(0, maxDays) * DAY + int(0, DAY - 1);
  const recent = (maxDays: number) => time - Math.floor(vary() * maxDays * DAY) - 60;
  const host = type === 'host' ? id : `${pick(['app', 'svc', 'srv', 'web', 'db'])}${id}`;
  const users = USERS.filter(() => rnd() < 0.4).slice(0, 3);
  if (users.length === 0) users.push(pick(USERS));
  const b = new TreeBuilder(install);

  // merged /usr: the classic top-level symlinks
  for (const l of ['bin', 'lib', 'lib64', 'sbin']) b.symlink(l, `usr/${l}`);
  for (const d of ['tmp', 'mnt', 'media']) b.dir(d, d === 'tmp' ? 0o1777 : 0o755);

  b.text('etc/hostname', `${host}\n`, at(2));
  b.text('etc/hosts', T.hosts(host), at(30));
  b.text('etc/passwd', T.passwd(users), at(60));
  b.text('etc/group', T.group(users), at(60));
  b.text('etc/shadow', T.shadow(users), at(60), 0o640);
  b.symlink('etc/os-release', '../usr/lib/os-release');
  b.text('usr/lib/os-release', T.OS_RELEASE, install);
  b.text('etc/fstab', T.FSTAB, install);
  b.text('etc/resolv.conf', T.resolv(int(1, 9)), at(90));
  b.text('etc/crontab', T.CRONTAB, install);
  b.symlink('etc/localtime', '/usr/share/zoneinfo/Europe/Vienna');
  b.file('usr/share/zoneinfo/Europe/Vienna', 2200, { kind: 'binary', magic: 'TZif2' }, install);
  b.file('etc/ssh/sshd_config', int(3, 4) * KiB, { kind: 'text', style: 'conf' }, at(20));
  b.file('etc/ssh/ssh_config', 1650, { kind: 'text', style: 'conf' }, install);
  b.file('etc/ssh/ssh_host_ed25519_key', 399, { kind: 'text', style: 'conf' }, install, 0o600);
  b.text('etc/ssh/ssh_host_ed25519_key.pub', `ssh-ed25519 ${T.b64ish(rnd, 68)} root@${host}\n`, install);
  b.text('etc/apt/sources.list.d/debian.sources', T.DEBIAN_SOURCES, install);
  b.file('etc/apt/apt.conf.d/50unattended-upgrades', int(4, 6) * KiB, { kind: 'text', style: 'conf' }, install);
  for (const unit of ['cron.service', 'ssh.service', 'rsyslog.service', 'nginx.service']) {
    b.symlink(`etc/systemd/system/multi-user.target.wants/${unit}`, `/lib/systemd/system/${unit}`);
  }
  b.file('etc/nginx/nginx.conf', 1447, { kind: 'text', style: 'conf' }, at(10));
  const sites = SITES.filter(() => rnd() < 0.5);
  if (sites.length === 0) sites.push(pick(SITES));
  for (const s of sites) {
    b.file(`etc/nginx/sites-available/${s}`, int(600, 2400), { kind: 'text', style: 'conf' }, at(100));
    b.symlink(`etc/nginx/sites-enabled/${s}`, `../sites-available/${s}`);
  }
  b.file('etc/logrotate.d/nginx', 351, { kind: 'text', style: 'conf' }, install);
  b.file('etc/logrotate.d/rsyslog', 527, { kind: 'text', style: 'conf' }, install);

  // logs: rewritten by every backup
  b.file(
    'var/log/syslog',
    int(40, 900) * KiB + Math.floor(vary() * 4096),
    { kind: 'text', style: 'log' },
    recent(0.02),
    0o640,
  );
  b.file('var/log/syslog.1', int(400, 1800) * KiB, { kind: 'text', style: 'log' }, time - DAY + int(0, 3600), 0o640);
  for (let i = 2; i <= 4; i++)
    b.file(
      `var/log/syslog.${i}.gz`,
      int(40, 160) * KiB,
      { kind: 'binary', magic: '\x1f\x8b\x08' },
      time - i * DAY,
      0o640,
    );
  b.file(
    'var/log/auth.log',
    int(4, 60) * KiB + Math.floor(vary() * 2048),
    { kind: 'text', style: 'log' },
    recent(0.2),
    0o640,
  );
  b.file('var/log/dpkg.log', int(20, 200) * KiB, { kind: 'text', style: 'log' }, recent(6));
  b.file('var/log/apt/history.log', int(2, 40) * KiB, { kind: 'text', style: 'log' }, recent(6));
  b.file(
    'var/log/nginx/access.log',
    int(100, 2000) * KiB + Math.floor(vary() * 65536),
    { kind: 'text', style: 'log' },
    recent(0.01),
    0o640,
  );
  b.file(
    'var/log/nginx/error.log',
    int(0, 20) * KiB + Math.floor(vary() * 900),
    { kind: 'text', style: 'log' },
    recent(1),
    0o640,
  );
  const machine = T.hex(rnd, 32);
  b.file(
    `var/log/journal/${machine}/system.journal`,
    ((8 + int(0, 3) * 8) * MiB) / 4,
    { kind: 'binary', magic: 'LPKSHHRH' },
    recent(0.01),
    0o640,
  );
  b.file('var/lib/dpkg/status', int(300, 700) * KiB, { kind: 'text', style: 'conf' }, at(120));
  b.file('var/cache/debconf/config.dat', int(20, 60) * KiB, { kind: 'text', style: 'conf' }, at(120));
  b.dir('var/tmp', 0o1777);
  b.dir('var/spool/cron/crontabs', 0o1730);

  // a thin /usr
  for (const bin of ['bash', 'cat', 'ls', 'rsync', 'tar', 'python3.11'])
    b.file(`usr/bin/${bin}`, int(40, 1400) * KiB, { kind: 'binary', magic: '\x7fELF\x02\x01\x01' }, install, 0o755);
  b.file('usr/bin/perl', 3_900_000 + int(0, 200_000), { kind: 'binary', magic: '\x7fELF\x02\x01\x01' }, install, 0o755);
  b.hardlink('usr/bin/perl5.36.0', '/usr/bin/perl');
  b.symlink('usr/bin/python3', 'python3.11');
  b.file('usr/local/bin/backup-db.sh', int(800, 3000), { kind: 'text', style: 'code' }, at(150), 0o755);
  b.file('usr/share/doc/nginx/copyright', 1430, { kind: 'text', style: 'prose' }, install);
  b.file('usr/share/doc/rsync/README.md', int(3, 9) * KiB, { kind: 'text', style: 'prose' }, install);

  // people
  b.dir('root', 0o700);
  b.text('root/.bashrc', T.BASHRC, install, 0o600);
  b.text('root/.ssh/authorized_keys', T.authorizedKeys(rnd, users), at(200), 0o600);
  for (const u of users) {
    const home = `home/${u}`;
    b.dir(home, 0o750);
    b.text(`${home}/.bashrc`, T.BASHRC, install);
    b.text(`${home}/.profile`, T.PROFILE, install);
    b.file(
      `${home}/.bash_history`,
      int(1, 24) * KiB + Math.floor(vary() * 800),
      { kind: 'text', style: 'code' },
      recent(5),
      0o600,
    );
    b.text(`${home}/.ssh/authorized_keys`, T.authorizedKeys(rnd, [u]), at(200), 0o600);
    for (const p of PROJECTS.filter(() => rnd() < 0.4)) {
      const dir = `${home}/documents/projects/${p}`;
      b.file(`${dir}/README.md`, int(1, 6) * KiB, { kind: 'text', style: 'prose' }, at(200));
      b.file(
        `${dir}/notes.md`,
        int(1, 12) * KiB + Math.floor(vary() * 500),
        { kind: 'text', style: 'prose' },
        recent(20),
      );
      b.file(`${dir}/src/main.py`, int(2, 30) * KiB, { kind: 'text', style: 'code' }, at(250));
      b.file(`${dir}/src/util/helpers.py`, int(1, 12) * KiB, { kind: 'text', style: 'code' }, at(250));
      b.file(`${dir}/data/export.csv`, int(5, 400) * KiB, { kind: 'text', style: 'csv' }, at(250));
    }
    // one report a month, the last four months up to this backup
    const d = new Date(time * 1000);
    for (let m = 0; m < 4; m++) {
      const month = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - m, 1));
      const y = month.getUTCFullYear();
      const ym = `${y}-${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
      const mt = Math.min(time - 3600, month.getTime() / 1000 + 2 * DAY);
      b.file(
        `${home}/documents/reports/${y}/report-${ym}.pdf`,
        int(80, 1500) * KiB,
        { kind: 'binary', magic: '%PDF-1.7\n' },
        mt,
      );
    }
    for (let i = int(0, 4); i > 0; i--)
      b.file(
        `${home}/pictures/IMG_${int(1000, 9999)}.jpg`,
        int(300, 3500) * KiB,
        { kind: 'binary', magic: '\xff\xd8\xff\xe0' },
        at(300),
      );
  }

  for (const s of sites) {
    b.text(`srv/www/${s}/index.html`, T.indexHtml(s), at(200));
    b.file(`srv/www/${s}/assets/app.css`, int(4, 80) * KiB, { kind: 'text', style: 'code' }, at(200));
    b.file(`srv/www/${s}/assets/logo.png`, int(3, 90) * KiB, { kind: 'binary', magic: '\x89PNG\r\n\x1a\n' }, at(200));
  }
  b.file('srv/backup/db-dump.sql.gz', int(200, 4000) * KiB, { kind: 'binary', magic: '\x1f\x8b\x08' }, recent(1));
  const app = pick(APPS);
  b.file(`opt/${app}/config.yaml`, int(1, 6) * KiB, { kind: 'text', style: 'conf' }, at(200));
  b.file(`opt/${app}/bin/${app}`, int(2, 5) * MiB, { kind: 'binary', magic: '\x7fELF\x02\x01\x01' }, at(200), 0o755);

  const root = b.finish();
  return base === 'root' ? root : subtree(root, base);
}

/** Another archive of a host backup (etc.pxar.didx, home.pxar.didx …): that top-level directory as its own root. */
function subtree(root: FileNode, base: string): FileNode {
  const top = root.children!.find((c) => c.name === base && c.type === 'd');
  const from = top ?? root.children!.find((c) => c.name === 'srv')!;
  const rebase = (n: FileNode): FileNode => ({
    ...n,
    path: n === from ? '/' : n.path.slice(from.path.length),
    ...(n.type === 'h' ? { target: n.target!.slice(from.path.length) } : {}),
    ...(n.children ? { children: n.children.map(rebase) } : {}),
  });
  return { ...rebase(from), name: '' };
}
