// Fixed texts of the simulated system trees: small config files whose bytes are known when the tree is built.
const HEX = '0123456789abcdef';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export const hex = (rnd: () => number, n: number): string =>
  Array.from({ length: n }, () => HEX[Math.floor(rnd() * 16)]).join('');
export const b64ish = (rnd: () => number, n: number): string =>
  Array.from({ length: n }, () => B64[Math.floor(rnd() * 64)]).join('');

export const hosts = (host: string): string =>
  `127.0.0.1\tlocalhost\n127.0.1.1\t${host}.example.com ${host}\n\n::1\t\tlocalhost ip6-localhost ip6-loopback\nff02::1\t\tip6-allnodes\nff02::2\t\tip6-allrouters\n`;

const SYSTEM_USERS = [
  'root:x:0:0:root:/root:/bin/bash',
  'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
  'bin:x:2:2:bin:/bin:/usr/sbin/nologin',
  'sys:x:3:3:sys:/dev:/usr/sbin/nologin',
  'sync:x:4:65534:sync:/bin:/bin/sync',
  'www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin',
  'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin',
  'systemd-network:x:998:998:systemd Network Management:/:/usr/sbin/nologin',
  'sshd:x:100:65534::/run/sshd:/usr/sbin/nologin',
];

export const passwd = (users: string[]): string =>
  [
    ...SYSTEM_USERS,
    ...users.map(
      (u, i) => `${u}:x:${1000 + i}:${1000 + i}:${u[0]!.toUpperCase()}${u.slice(1)},,,:/home/${u}:/bin/bash`,
    ),
  ].join('\n') + '\n';

export const group = (users: string[]): string =>
  [
    'root:x:0:',
    'daemon:x:1:',
    'adm:x:4:' + users.join(','),
    'sudo:x:27:' + users.slice(0, 1).join(','),
    'www-data:x:33:',
    'users:x:100:',
    ...users.map((u, i) => `${u}:x:${1000 + i}:`),
  ].join('\n') + '\n';

export const shadow = (users: string[]): string =>
  [
    ...SYSTEM_USERS.map((l) => `${l.split(':')[0]}:*:19500:0:99999:7:::`),
    ...users.map((u) => `${u}:$y$j9T$${u.length}Qx.redacted:19600:0:99999:7:::`),
  ].join('\n') + '\n';

export const OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

export const FSTAB = `# /etc/fstab: static file system information.
# <file system> <mount point>   <type>  <options>       <dump>  <pass>
UUID=6a1f4c2e-0b7d-4f0e-9a55-3c1d2e7f8a90 /               ext4    errors=remount-ro 0       1
UUID=4e2d-91ab                            /boot/efi       vfat    umask=0077      0       1
tmpfs                                     /tmp            tmpfs   defaults,nosuid 0       0
`;

export const resolv = (n: number): string =>
  `search example.com\nnameserver 192.168.${n}.1\nnameserver 192.168.${n}.2\n`;

export const CRONTAB = `# /etc/crontab: system-wide crontab
SHELL=/bin/sh
PATH=/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin

# m h dom mon dow user\tcommand
17 *\t* * *\troot\tcd / && run-parts --report /etc/cron.hourly
25 6\t* * *\troot\ttest -x /usr/sbin/anacron || run-parts --report /etc/cron.daily
47 6\t* * 7\troot\ttest -x /usr/sbin/anacron || run-parts --report /etc/cron.weekly
30 2\t* * *\troot\t/usr/local/bin/backup-db.sh
`;

export const DEBIAN_SOURCES = `Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main contrib
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://security.debian.org/debian-security
Suites: bookworm-security
Components: main contrib
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
`;

export const BASHRC = `# ~/.bashrc: executed by bash(1) for non-login shells.
[ -z "$PS1" ] && return
HISTCONTROL=ignoreboth
HISTSIZE=1000
shopt -s histappend checkwinsize
PS1='\\u@\\h:\\w\\$ '
alias ls='ls --color=auto'
alias ll='ls -l'
`;

export const PROFILE = `# ~/.profile: executed by the command interpreter for login shells.
if [ -n "$BASH_VERSION" ] && [ -f "$HOME/.bashrc" ]; then
    . "$HOME/.bashrc"
fi
if [ -d "$HOME/bin" ] ; then
    PATH="$HOME/bin:$PATH"
fi
`;

export const authorizedKeys = (rnd: () => number, users: string[]): string =>
  users.map((u) => `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${b64ish(rnd, 43)} ${u}@laptop\n`).join('');

export const indexHtml = (site: string): string => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${site}</title>
  <link rel="stylesheet" href="assets/app.css">
</head>
<body>
  <img src="assets/logo.png" alt="">
  <h1>${site}</h1>
  <p>This site is served by nginx.</p>
</body>
</html>
`;
