import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalizeFingerprint } from './fingerprint.ts';
import { isLoopbackHost } from './loopback.ts';
import {
  parseEmbedConfig,
  parsePveConfig,
  type EmbedConfig,
  type PveConfig,
  type PveModeConfig,
} from './config-extra.ts';
import { parseLimitsConfig, type LimitsConfig } from './config-limits.ts';
import { parseStartInstant } from '@/mocks/sim/test-start';

export interface PbsTarget {
  url: URL;
  /** `AA:BB:…` upper case, or null for CA verification. */
  fingerprint: string | null;
  /** PEM text of PBS_CA, or null for the system store. */
  ca: string | null;
}

export interface SimSettings {
  profile: 'demo' | 'large';
  seed: number | undefined;
  speed: number;
  /** epoch seconds the simulator's clock starts at (SIM_START); undefined: the real current time */
  start: number | undefined;
}

export interface DeckConfig {
  host: string;
  port: number;
  distDir: string;
  tls: { cert: string; key: string } | null;
  /** null: the built-in simulator answers /api2/. */
  pbs: PbsTarget | null;
  sim: SimSettings;
  embed: EmbedConfig;
  badges: string | null;
  pve: PveConfig | null;
  limits: LimitsConfig;
  /** the simulator deck's /pve-api/ mode (PVE_MODE and token mode's settings); null in front of a real PBS */
  pveSim: PveModeConfig | null;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

export type Env = Record<string, string | undefined>;

/** dist/ beside dist-server/ (built) or beside server/ (tests run from source): the repo root either way. */
export const defaultDistDir = fileURLToPath(new URL('../dist', import.meta.url));

export function loadConfig(env: Env, distDefault = defaultDistDir): DeckConfig {
  const problems: string[] = [];
  const get = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const readPem = (name: string, what: string): string | null => {
    const path = get(name);
    if (!path) return null;
    try {
      const text = readFileSync(path, 'utf8');
      if (!text.includes('-----BEGIN')) problems.push(`${name}: ${path} is not a PEM file (expected ${what})`);
      return text;
    } catch (e) {
      problems.push(`${name}: cannot read ${path}: ${(e as Error).message}`);
      return null;
    }
  };

  const port = Number(get('PORT') ?? '8080');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`PORT: expected an integer 0–65535, got '${get('PORT')}'`);
  }

  const certPath = get('TLS_CERT');
  const keyPath = get('TLS_KEY');
  if (Boolean(certPath) !== Boolean(keyPath)) problems.push('TLS_CERT and TLS_KEY: set both or neither');
  const cert = readPem('TLS_CERT', 'a certificate');
  const key = readPem('TLS_KEY', 'a private key');

  const config: DeckConfig = {
    host: get('HOST') ?? '127.0.0.1',
    port,
    distDir: get('DIST_DIR') ?? distDefault,
    tls: cert && key ? { cert, key } : null,
    pbs: parsePbs(get, readPem, problems),
    sim: parseSim(get, problems),
    embed: parseEmbedConfig(get, problems),
    badges: get('BADGES') ?? null,
    ...parsePveConfig(get, problems, !get('PBS_URL')),
    limits: parseLimitsConfig(get, problems),
  };
  if (config.pve && !config.pbs) {
    problems.push(
      'PVE_URL: needs PBS_URL too (restores read from the PBS that Proxmox VE backs up to; the simulator has its own PVE)',
    );
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}

type Get = (name: string) => string | undefined;

function parsePbs(get: Get, readPem: (n: string, w: string) => string | null, problems: string[]): PbsTarget | null {
  const raw = get('PBS_URL');
  const fpRaw = get('PBS_FINGERPRINT');
  const ca = readPem('PBS_CA', 'one or more CA certificates');
  if (!raw) {
    if (fpRaw || ca) problems.push('PBS_FINGERPRINT / PBS_CA are set but PBS_URL is not');
    return null;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push(`PBS_URL: '${raw}' is not a URL (expected e.g. https://pbs.example:8007)`);
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    problems.push(`PBS_URL: expected https://host:port, got protocol '${url.protocol}'`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    problems.push(
      `PBS_URL: plain http:// is only allowed to a loopback address (127.0.0.1, ::1, localhost), got '${url.hostname}'; use https://`,
    );
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username || url.password) {
    problems.push(`PBS_URL: expected only scheme, host and port (e.g. https://pbs.example:8007), got '${raw}'`);
  }
  let fingerprint: string | null = null;
  if (fpRaw) {
    fingerprint = normalizeFingerprint(fpRaw);
    if (!fingerprint) {
      problems.push(
        `PBS_FINGERPRINT: expected the certificate's SHA-256 fingerprint, 32 hex bytes such as AA:BB:CC:…` +
          ` (64 hex digits, colons optional), got '${fpRaw}'`,
      );
    }
    if (url.protocol === 'http:') problems.push('PBS_FINGERPRINT: needs an https:// PBS_URL');
  }
  if (ca && url.protocol === 'http:') problems.push('PBS_CA: needs an https:// PBS_URL');
  return { url, fingerprint, ca };
}

function parseSim(get: Get, problems: string[]): SimSettings {
  const profile = get('SIM_PROFILE') ?? 'demo';
  if (profile !== 'demo' && profile !== 'large')
    problems.push(`SIM_PROFILE: expected 'demo' or 'large', got '${profile}'`);
  const seedRaw = get('SIM_SEED');
  const seed = seedRaw === undefined ? undefined : Number(seedRaw);
  if (seed !== undefined && !Number.isSafeInteger(seed))
    problems.push(`SIM_SEED: expected an integer, got '${seedRaw}'`);
  const speedRaw = get('SIM_SPEED');
  const speed = speedRaw === undefined ? 1 : Number(speedRaw);
  if (!Number.isFinite(speed) || speed <= 0) problems.push(`SIM_SPEED: expected a positive number, got '${speedRaw}'`);
  const startRaw = get('SIM_START');
  let start: number | undefined;
  try {
    start = startRaw === undefined ? undefined : parseStartInstant(startRaw, 'SIM_START');
  } catch (e) {
    problems.push((e as Error).message);
  }
  return { profile: profile === 'large' ? 'large' : 'demo', seed, speed, start };
}
