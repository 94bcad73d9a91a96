import { parseStorageMap, StorageMapError } from '@/lib/pve-storage-map';
import type { TokenRules } from '@/lib/pve-gate';
import { normalizeFingerprint } from './fingerprint.ts';
import { parseTimeoutSeconds } from './config-limits.ts';

// Settings for the embed entry and the Proxmox VE mount. They are validated now so a typo fails at
// start, and used by the parts of the server that serve /embed-api/ and /pve-api/.

export interface EmbedConfig {
  /** `user@realm!name:secret`, the PBS Authorization header form. */
  token: string | null;
  /** CSP source list for the embed entry's frame-ancestors. */
  frameAncestors: string | null;
}

/** How /pve-api/ calls Proxmox VE: as each user's own PVE login (user), or with PVE_TOKEN for listed PBS users. */
export interface PveModeConfig {
  mode: 'user' | 'token';
  /**
   * token mode: `user@realm!tokenname=secret`, the PVE form, and what it may do. `value` null: the simulated PVE's
   * own token (a simulator deck without PVE_TOKEN); its id is filled in where the simulator is.
   */
  token: { value: string | null; rules: TokenRules } | null;
}

export interface PveConfig extends PveModeConfig {
  token: { value: string; rules: TokenRules } | null;
  url: URL;
  fingerprint: string | null;
  /** PVE storage id → PBS datastore and optional namespace. */
  storageMap: Map<string, { store: string; ns: string | null }>;
  node: string | null;
  /** PVE_TIMEOUT_S in ms: the longest wait for PVE's answer to start, and the longest silence inside it */
  timeoutMs: number;
}

type Get = (name: string) => string | undefined;

const PBS_TOKEN = /^[^\s@!:]+@[A-Za-z0-9._-]+![A-Za-z0-9._-]+:\S+$/;
const PVE_TOKEN = /^[^\s@!=]+@[A-Za-z0-9._-]+![A-Za-z0-9._-]+=\S+$/;

export function parseEmbedConfig(get: Get, problems: string[]): EmbedConfig {
  const token = get('EMBED_TOKEN') ?? null;
  if (token && !PBS_TOKEN.test(token)) {
    problems.push("EMBED_TOKEN: expected 'user@realm!tokenname:secret' (the PBS API token header form)");
  }
  const frameAncestors = get('FRAME_ANCESTORS') ?? null;
  if (frameAncestors && /[;,\r\n]/.test(frameAncestors)) {
    problems.push(
      `FRAME_ANCESTORS: expected a space-separated CSP source list (e.g. 'self' https://dash.example), got '${frameAncestors}'`,
    );
  }
  return { token, frameAncestors };
}

const TOKEN_SETTINGS = [
  'PVE_TOKEN',
  'PVE_TOKEN_USERS',
  'PVE_ALLOW_OVERWRITE',
  'PVE_ALLOW_START',
  'PVE_TARGET_STORAGES',
  'PVE_POOLS',
];
const AUTH_ID = /^[^\s@!:,]+@[A-Za-z0-9._-]+(?:![A-Za-z0-9._-]+)?$/;
const PVE_ID = /^[A-Za-z][A-Za-z0-9._-]*$/;

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

function flag(get: Get, name: string, problems: string[]): boolean {
  const v = get(name);
  if (v === undefined || v === '0') return false;
  if (v === '1') return true;
  problems.push(`${name}: expected 1 or 0, got '${v}'`);
  return false;
}

/**
 * PVE_MODE: 'user' (the default) or 'token'. Token mode is opt-in by PVE_MODE=token only; its settings in user
 * mode are an error, so a deck never runs in a mode its operator did not choose. `simToken`: the simulated PVE's
 * token, the default for PVE_TOKEN on a simulator deck.
 */
export function parsePveMode(get: Get, problems: string[], simulator: boolean): PveModeConfig {
  const mode = get('PVE_MODE') ?? 'user';
  if (mode !== 'user' && mode !== 'token') {
    problems.push(`PVE_MODE: expected 'user' (each user signs in to Proxmox VE) or 'token', got '${mode}'`);
    return { mode: 'user', token: null };
  }
  if (mode === 'user') {
    for (const name of TOKEN_SETTINGS) {
      if (get(name) !== undefined)
        problems.push(
          `${name} is set but PVE_MODE is not 'token': in user mode each user signs in to Proxmox VE with their own login`,
        );
    }
    return { mode, token: null };
  }
  const value = get('PVE_TOKEN') ?? (simulator ? null : '');
  if (value !== null && !PVE_TOKEN.test(value))
    problems.push(
      "PVE_TOKEN: expected 'user@realm!tokenname=secret' (the PVE API token form; PVE_MODE=token needs it)",
    );
  const users = list(get('PVE_TOKEN_USERS'));
  if (users.length === 0) problems.push('PVE_TOKEN_USERS: PVE_MODE=token needs the PBS users it serves (user@realm,…)');
  for (const u of users) {
    if (!AUTH_ID.test(u))
      problems.push(`PVE_TOKEN_USERS: '${u}' is not a PBS user id (user@realm or user@realm!token)`);
  }
  const targetStorages = list(get('PVE_TARGET_STORAGES'));
  if (targetStorages.length === 0)
    problems.push('PVE_TARGET_STORAGES: PVE_MODE=token needs the PVE storages restores may write to (storage,…)');
  const pools = list(get('PVE_POOLS'));
  for (const [name, ids] of [
    ['PVE_TARGET_STORAGES', targetStorages],
    ['PVE_POOLS', pools],
  ] as const) {
    for (const id of ids) if (!PVE_ID.test(id)) problems.push(`${name}: '${id}' is not a Proxmox VE id`);
  }
  const rules: TokenRules = {
    tokenId: value === null ? '' : value.slice(0, value.indexOf('=')),
    users,
    allowOverwrite: flag(get, 'PVE_ALLOW_OVERWRITE', problems),
    allowStart: flag(get, 'PVE_ALLOW_START', problems),
    targetStorages,
    pools,
  };
  return { mode, token: { value, rules } };
}

/**
 * The /pve-api/ settings: PVE_URL and the rest for a real Proxmox VE; without PVE_URL on a simulator deck
 * (`simulator`), the simulated PVE with PVE_MODE and token mode's settings.
 */
export function parsePveConfig(
  get: Get,
  problems: string[],
  simulator: boolean,
): { pve: PveConfig | null; pveSim: PveModeConfig | null } {
  const raw = get('PVE_URL');
  if (!raw) {
    const realOnly = ['PVE_FINGERPRINT', 'PVE_STORAGE_MAP', 'PVE_NODE', 'PVE_TIMEOUT_S'];
    for (const name of simulator ? realOnly : [...realOnly, 'PVE_MODE', ...TOKEN_SETTINGS]) {
      if (get(name)) problems.push(`${name} is set but PVE_URL is not`);
    }
    return { pve: null, pveSim: simulator ? parsePveMode(get, problems, true) : null };
  }
  return { pve: parseRealPve(get, problems, raw), pveSim: null };
}

function parseRealPve(get: Get, problems: string[], raw: string): PveConfig | null {
  let url: URL | null = null;
  try {
    url = new URL(raw);
    if (url.protocol !== 'https:') problems.push(`PVE_URL: expected https://host:8006, got '${raw}'`);
  } catch {
    problems.push(`PVE_URL: '${raw}' is not a URL (expected e.g. https://pve.example:8006)`);
  }
  const modeConfig = parsePveMode(get, problems, false);
  const fpRaw = get('PVE_FINGERPRINT');
  const fingerprint = fpRaw ? normalizeFingerprint(fpRaw) : null;
  if (fpRaw && !fingerprint) {
    problems.push(
      `PVE_FINGERPRINT: expected a SHA-256 fingerprint, 32 hex bytes such as AA:BB:CC:… (colons optional), got '${fpRaw}'`,
    );
  }
  const storageMap = new Map<string, { store: string; ns: string | null }>();
  try {
    for (const t of parseStorageMap(get('PVE_STORAGE_MAP') ?? ''))
      storageMap.set(t.storage, { store: t.store, ns: t.ns || null });
  } catch (e) {
    if (!(e instanceof StorageMapError)) throw e;
    problems.push(`PVE_STORAGE_MAP: ${e.message} (expected 'pvestorage=datastore[/namespace],…')`);
  }
  const timeoutS = parseTimeoutSeconds(get, problems, 'PVE_TIMEOUT_S');
  if (!url) return null;
  const token = modeConfig.token?.value ? { value: modeConfig.token.value, rules: modeConfig.token.rules } : null;
  return {
    mode: modeConfig.mode,
    token,
    url,
    fingerprint,
    storageMap,
    node: get('PVE_NODE') ?? null,
    timeoutMs: timeoutS * 1000,
  };
}
