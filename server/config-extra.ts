import { parseStorageMap, StorageMapError } from '@/lib/pve-storage-map';
import { normalizeFingerprint } from './fingerprint.ts';

// Settings for the embed entry and the Proxmox VE mount. They are validated now so a typo fails at
// start, and used by the parts of the server that serve /embed-api/ and /pve-api/.

export interface EmbedConfig {
  /** `user@realm!name:secret`, the PBS Authorization header form. */
  token: string | null;
  /** CSP source list for the embed entry's frame-ancestors. */
  frameAncestors: string | null;
}

export interface PveConfig {
  url: URL;
  /** `user@realm!name=secret`, the PVE form. */
  token: string;
  fingerprint: string | null;
  /** PVE storage id → PBS datastore and optional namespace. */
  storageMap: Map<string, { store: string; ns: string | null }>;
  node: string | null;
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

export function parsePveConfig(get: Get, problems: string[]): PveConfig | null {
  const raw = get('PVE_URL');
  if (!raw) {
    for (const name of ['PVE_TOKEN', 'PVE_FINGERPRINT', 'PVE_STORAGE_MAP', 'PVE_NODE']) {
      if (get(name)) problems.push(`${name} is set but PVE_URL is not`);
    }
    return null;
  }
  let url: URL | null = null;
  try {
    url = new URL(raw);
    if (url.protocol !== 'https:') problems.push(`PVE_URL: expected https://host:8006, got '${raw}'`);
  } catch {
    problems.push(`PVE_URL: '${raw}' is not a URL (expected e.g. https://pve.example:8006)`);
  }
  const token = get('PVE_TOKEN');
  if (!token || !PVE_TOKEN.test(token))
    problems.push("PVE_TOKEN: expected 'user@realm!tokenname=secret' (the PVE API token form)");
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
  if (!url || !token) return null;
  return { url, token, fingerprint, storageMap, node: get('PVE_NODE') ?? null };
}
