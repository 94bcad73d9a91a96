import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p)) ?? null;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((ok) => server.close(() => ok()));
  return port;
}

/**
 * docs/nginx.conf as shipped, with only what a test machine needs changed: loopback ports instead of
 * 80/443, a throwaway certificate, the deck's real address, and nginx's own files in a temp dir.
 */
export async function startNginx(root: string, deckUrl: string): Promise<{ url: string; stop: () => Promise<void> }> {
  if (!NGINX) throw new Error('nginx is not installed: apt-get install nginx (.ci/run does it)');
  const dir = mkdtempSync(path.join(tmpdir(), 'deck-nginx-'));
  mkdirSync(path.join(dir, 'logs'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-keyout',
      path.join(dir, 'key.pem'),
      '-out',
      path.join(dir, 'cert.pem'),
      '-subj',
      '/CN=deck-test',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  const [https, plain] = [await freePort(), await freePort()];
  const site = readFileSync(path.join(root, 'docs/nginx.conf'), 'utf8')
    .replace('server 127.0.0.1:8080;', `server ${new URL(deckUrl).host};`)
    .replace(/^\s*listen \[::\]:\d+.*$/gm, '')
    .replace('listen 80;', `listen 127.0.0.1:${plain};`)
    .replace('listen 443 ssl http2;', `listen 127.0.0.1:${https} ssl http2;`)
    .replace('/etc/ssl/pbs-deck/fullchain.pem', path.join(dir, 'cert.pem'))
    .replace('/etc/ssl/pbs-deck/privkey.pem', path.join(dir, 'key.pem'));
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `${t}_temp_path ${path.join(dir, t)};`)
    .join('\n  ');
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    `daemon off;\nworker_processes 1;\npid ${path.join(dir, 'nginx.pid')};\nerror_log ${path.join(dir, 'logs/error.log')} warn;\n` +
      `events { worker_connections 256; }\nhttp {\n  access_log off;\n  ${temp}\n${site}\n}\n`,
  );
  const proc: ChildProcess = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  proc.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const url = `https://127.0.0.1:${https}`;
  for (let i = 0; ; i++) {
    if (proc.exitCode !== null) throw new Error(`nginx exited: ${output}`);
    const up = await new Promise<boolean>((ok) => {
      const s = net.connect(https, '127.0.0.1', () => (s.destroy(), ok(true)));
      s.on('error', () => ok(false));
    });
    if (up) break;
    if (i > 100) throw new Error(`nginx did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: async () => {
      if (proc.exitCode !== null) return;
      proc.kill('SIGQUIT');
      await new Promise((ok) => proc.once('exit', ok));
    },
  };
}
