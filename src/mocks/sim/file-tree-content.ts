// Contents of the simulated archives' files, made on demand from (seed, path, size): text files are readable
// ASCII text of exactly their size, binary ones start with their format's magic. Also the bytes of a whole
// archive or image for download-decoded, streamed lazily.
import type { FileNode } from './file-tree';
import { hash32, prng } from './random';

const WORDS = (
  'the backup job runs nightly and keeps seven daily four weekly three monthly snapshots of every guest while ' +
  'garbage collection frees chunks no index references anymore verify jobs read each chunk back and compare ' +
  'its digest the team moved the service to a new host last spring config review pending before the next ' +
  'release customers reported slow pages after the update network latency storage quota database migration'
).split(' ');
const PROCS = ['systemd[1]', 'sshd[812]', 'CRON[2210]', 'kernel', 'rsyslogd[402]', 'nginx[977]', 'postfix/qmgr[1190]'];
const MSGS = [
  'Started Daily apt download activities.',
  'Accepted publickey for root from 192.168.1.20 port 51722 ssh2: ED25519 SHA256:q1w2e3',
  '(root) CMD (cd / && run-parts --report /etc/cron.hourly)',
  'Finished Rotate log files.',
  'pam_unix(sshd:session): session opened for user root(uid=0) by (uid=0)',
  'Reloading The nginx HTTP and reverse proxy server...',
  'eth0: Link is Up - 10Gbps/Full - flow control off',
];
const CODE = [
  'import os',
  'import sys',
  'def main(argv):',
  '    if not argv:',
  '        return 1',
  '    for name in sorted(os.listdir(".")):',
  '        print(name)',
  'set -euo pipefail',
  'BACKUP_DIR=/srv/backup',
  'pg_dump --format=custom "$DB" > "$BACKUP_DIR/db.dump"',
  'ls -la /var/log',
  'sudo systemctl restart nginx',
  'git pull --rebase',
  '.page { margin: 0 auto; max-width: 60rem; }',
];
const CONF = [
  '# Managed by ansible',
  'Port 22',
  'PermitRootLogin prohibit-password',
  'worker_processes auto;',
  'Package: libc6',
  'Status: install ok installed',
  'Version: 2.36-9+deb12u4',
  'daily',
  'rotate 14',
  'compress',
  'missingok',
];

const iso = (t: number) => new Date(t * 1000).toISOString().replace(/\.\d+Z$/, '+00:00');

function textLines(style: string, path: string, mtime: number, rnd: () => number, size: number): string {
  const pick = <X>(xs: readonly X[]): X => xs[Math.floor(rnd() * xs.length)]!;
  const parts: string[] = [];
  let len = 0;
  let t = mtime - Math.max(60, Math.floor(size / 90)) * 7;
  let row = 0;
  while (len < size) {
    let line: string;
    if (style === 'log' && path.includes('nginx/access')) {
      t = Math.min(mtime, t + Math.floor(rnd() * 14));
      line = `192.168.${Math.floor(rnd() * 8)}.${Math.floor(rnd() * 250) + 2} - - [${iso(t)}] "GET /${pick(WORDS)} HTTP/1.1" ${pick([200, 200, 200, 304, 404])} ${Math.floor(rnd() * 9000)} "-" "Mozilla/5.0"`;
    } else if (style === 'log') {
      t = Math.min(mtime, t + Math.floor(rnd() * 14));
      line = `${iso(t)} ${pick(PROCS)}: ${pick(MSGS)}`;
    } else if (style === 'csv') {
      line =
        row === 0
          ? 'id,date,item,quantity,price'
          : `${row},${iso(mtime - row * 3600).slice(0, 10)},${pick(WORDS)},${Math.floor(rnd() * 90) + 1},${(rnd() * 500).toFixed(2)}`;
    } else if (style === 'code') {
      line = pick(CODE);
    } else if (style === 'conf') {
      line = rnd() < 0.15 ? '' : pick(CONF);
    } else {
      line =
        rnd() < 0.08
          ? `\n## ${pick(WORDS)} ${pick(WORDS)}\n`
          : Array.from({ length: 8 + Math.floor(rnd() * 10) }, () => pick(WORDS)).join(' ') + '.';
    }
    row++;
    parts.push(line);
    len += line.length + 1;
  }
  const text = parts.join('\n');
  return size === 0 ? '' : `${text.slice(0, size - 1)}\n`;
}

/** The bytes of a regular file of a simulated archive; the same (seed, path, size) always gives the same bytes. */
export function fileBytes(seed: number, node: FileNode): Uint8Array {
  const content = node.content;
  if (!content) return new Uint8Array(0);
  if (content.kind === 'fixed') return ascii(content.text);
  const rnd = prng(hash32(`file:${node.path}:${node.size}`) ^ seed);
  if (content.kind === 'text') return ascii(textLines(content.style, node.path, node.mtime, rnd, node.size));
  const out = new Uint8Array(node.size);
  fillRandom(out, hash32(`bin:${node.path}:${node.size}`) ^ seed);
  out.set(ascii(content.magic).subarray(0, node.size));
  return out;
}

/** Whether bytes are the UTF-8 text of a text file (what a client would show inline). */
export const isTextNode = (node: FileNode): boolean => node.content?.kind !== 'binary';

function ascii(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/** xorshift32 words: fast enough to fill MiBs */
function fillRandom(out: Uint8Array, seed: number): void {
  let x = seed || 0x9e3779b9;
  const words = new Uint32Array(out.buffer, out.byteOffset, Math.floor(out.length / 4));
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  for (let i = words.length * 4; i < out.length; i++) out[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
}

/** `size` deterministic bytes (a whole archive or image), made 256 KiB at a time as the reader pulls them. */
export function lazyBytes(seed: number, key: string, size: number, block = 256 * 1024): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (offset >= size) {
          controller.close();
          return;
        }
        const n = Math.min(block, size - offset);
        const chunk = new Uint8Array(n);
        fillRandom(chunk, hash32(`${key}@${offset}`) ^ seed);
        offset += n;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
}
