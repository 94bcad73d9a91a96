import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeckServer } from './app.ts';
import { createDeck, type DeckOptions } from './compose.ts';
import { loadConfig, type Env } from './config.ts';
import { testStartTime } from '@/mocks/sim/test-start';

// Helpers for the server tests: a real deck server on a free loopback port, raw HTTP requests
// (no fetch: it would decompress and hide Content-Encoding), and a throwaway certificate.

export interface Running {
  url: string;
  server: DeckServer;
  close(): Promise<void>;
}

export async function listen(server: http.Server | https.Server): Promise<Running> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const scheme = server instanceof https.Server ? 'https' : 'http';
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A deck server on a free port; with the simulator, its clock starts at testStartTime() unless `env` says otherwise. */
export async function startDeck(
  env: Env,
  distDir = mkdtempSync(join(tmpdir(), 'deck-empty-')),
  options: DeckOptions = {},
): Promise<Running> {
  const start = new Date(testStartTime() * 1000).toISOString();
  const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', SIM_START: start, ...env }, distDir);
  return listen((await createDeck(config, options)).server);
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

export function request(
  url: string,
  opts: { method?: string; path?: string; headers?: Record<string, string>; body?: string; ca?: string } = {},
): Promise<RawResponse> {
  const target = new URL(url);
  const lib = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      {
        hostname: target.hostname,
        port: target.port,
        method: opts.method ?? 'GET',
        // Sent as written: no client-side normalisation of '..' or '%2e%2e'.
        path: opts.path ?? target.pathname + target.search,
        headers: opts.headers,
        ca: opts.ca,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** A self-signed certificate (by default for 127.0.0.1), made with the openssl CLI. */
export function selfSignedCert(
  cn = 'pbs-test',
  san = 'IP:127.0.0.1,DNS:localhost',
): { cert: string; key: string; certPath: string; keyPath: string } {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
  } catch {
    throw new Error('the openssl command is needed to make a test certificate (apt-get install openssl)');
  }
  const dir = mkdtempSync(join(tmpdir(), 'deck-cert-'));
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'key.pem');
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
      keyPath,
      '-out',
      certPath,
      '-subj',
      `/CN=${cn}`,
      '-addext',
      `subjectAltName=${san}`,
    ],
    { stdio: 'ignore' },
  );
  return { cert: readFileSync(certPath, 'utf8'), key: readFileSync(keyPath, 'utf8'), certPath, keyPath };
}
