// The deck's gate in front of Proxmox VE: which calls it forwards at all, what PBS must grant before a restore,
// and what token mode allows. Pure: the deck server and the static demo judge every /pve-api/ call with it.
import { ownsBackup } from './access-rules';
import { datastoreAclPath } from './acl-path';

export type Refusal = { ok: false; status: number; message: string };
export const refusal = (status: number, message: string): Refusal => ({ ok: false, status, message });

export interface PveCall {
  ok: true;
  method: 'GET' | 'POST';
  /** below /api2/json */
  path: string;
  query: string;
  write: boolean;
  node: string | null;
  storage: string | null;
}

const NODE = '([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)';
const STORAGE = '([A-Za-z][A-Za-z0-9._-]*)';
// a PVE UPID, percent-encoded by the console (`:` as %3A and `!` as %21 or literal)
const UPID = '(UPID(?::|%3A)[A-Za-z0-9%!@._:\\\\-]+)';

interface Rule {
  method: 'GET' | 'POST';
  re: RegExp;
  query: string[];
}

const RULES: Rule[] = [
  { method: 'GET', re: /^\/nodes$/, query: [] },
  { method: 'GET', re: new RegExp(`^/nodes/${NODE}/storage$`), query: ['content', 'enabled', 'storage'] },
  { method: 'GET', re: new RegExp(`^/nodes/${NODE}/storage/${STORAGE}/content$`), query: ['content', 'vmid'] },
  { method: 'GET', re: /^\/cluster\/nextid$/, query: ['vmid'] },
  { method: 'GET', re: /^\/cluster\/resources$/, query: ['type'] },
  { method: 'POST', re: new RegExp(`^/nodes/${NODE}/(?:qemu|lxc)$`), query: [] },
  { method: 'GET', re: new RegExp(`^/nodes/${NODE}/tasks/${UPID}/status$`), query: [] },
  { method: 'GET', re: new RegExp(`^/nodes/${NODE}/tasks/${UPID}/log$`), query: ['start', 'limit'] },
];

export const PVE_PREFIX = '/pve-api/api2/json';

/** The allowlist, judged on the request target exactly as the browser sent it (path and query). */
export function checkPveRequest(method: string, target: string): PveCall | Refusal {
  const q = target.indexOf('?');
  const rawPath = q < 0 ? target : target.slice(0, q);
  const query = q < 0 ? '' : target.slice(q + 1);
  if (
    !rawPath.startsWith(`${PVE_PREFIX}/`) ||
    rawPath.includes('/.') ||
    rawPath.includes('//') ||
    /%2e|%2f|%5c/i.test(rawPath.replace(/UPID.*$/, ''))
  ) {
    return refusal(404, 'not a restore call of Proxmox VE');
  }
  const path = rawPath.slice(PVE_PREFIX.length);
  const rule = RULES.find((r) => r.re.test(path));
  if (!rule) return refusal(403, 'this deck forwards only the restore calls of Proxmox VE');
  if (method !== rule.method && !(method === 'HEAD' && rule.method === 'GET')) {
    return refusal(405, `only ${rule.method} here`);
  }
  const params = new URLSearchParams(query);
  for (const key of params.keys()) {
    if (!rule.query.includes(key)) return refusal(403, `query parameter '${key}' is not forwarded`);
  }
  if (/\/tasks\//.test(path)) {
    let upid = '';
    try {
      upid = decodeURIComponent(path.split('/')[4] ?? '');
    } catch {
      // not a UPID
    }
    if (!/^UPID:[^:]+:[0-9A-F]{8}:[0-9A-F]{8,9}:[0-9A-F]{8}:(qmrestore|vzrestore):\d+:[^:\s]+:$/.test(upid)) {
      return refusal(403, 'only restore tasks are readable here');
    }
  }
  const m = /^\/nodes\/([^/]+)(?:\/storage\/([^/]+))?/.exec(path);
  return {
    ok: true,
    method: rule.method,
    path,
    query,
    write: rule.method === 'POST',
    node: m?.[1] ?? null,
    storage: m?.[2] ?? null,
  };
}

/** The form fields a restore call may carry; anything else (hookscripts, disks, config) is refused. */
export const RESTORE_FIELDS = new Set([
  'vmid',
  'archive',
  'ostemplate',
  'restore',
  'storage',
  'force',
  'unique',
  'live-restore',
  'bwlimit',
  'pool',
  'start',
]);

export type StorageMap = ReadonlyMap<string, { store: string; ns: string | null }>;

/** The snapshot a restore reads: from its PBS volume id `<storage>:backup/<type>/<id>/<time>`. */
export interface RestoreSource {
  storage: string;
  store: string;
  ns: string;
  type: 'vm' | 'ct' | 'host';
  id: string;
  aclPath: string;
}

/** The restore form's fields and source, or why it is not forwarded. */
export function checkRestoreForm(form: URLSearchParams, map: StorageMap): RestoreSource | Refusal {
  const extra = [...form.keys()].find((k) => !RESTORE_FIELDS.has(k));
  if (extra) return refusal(403, `parameter '${extra}' is not forwarded: this deck only restores`);
  const volid = form.get('archive') ?? form.get('ostemplate') ?? '';
  const colon = volid.indexOf(':');
  const storage = colon < 0 ? '' : volid.slice(0, colon);
  const mapped = map.get(storage);
  if (!mapped) return refusal(403, 'the backup must be on a storage in PVE_STORAGE_MAP');
  const m = /^backup\/(vm|ct|host)\/([^/\s]+)\/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.exec(volid.slice(colon + 1));
  if (!m) return refusal(400, `'${volid}' is not a backup snapshot of a PBS storage`);
  const ns = mapped.ns ?? '';
  return {
    storage,
    store: mapped.store,
    ns,
    type: m[1] as RestoreSource['type'],
    id: m[2]!,
    aclPath: datastoreAclPath(mapped.store, ns),
  };
}

/**
 * PBS's consent to read the snapshot: Datastore.Read on its namespace path, or Datastore.Backup as the owner of
 * its group (check_backup_owner: the owner is the user, or one of the user's tokens). `privs` is PBS's
 * /access/permissions entry for `aclPath`; `owner` the group's owner, or null when PBS did not show the group.
 */
export function pbsConsent(input: {
  authId: string;
  source: RestoreSource;
  privs: Readonly<Record<string, unknown>> | undefined;
  owner: string | null;
}): { ok: true } | Refusal {
  const { authId, source, privs, owner } = input;
  if (privs?.['Datastore.Read'] !== undefined) return { ok: true };
  const group = `${source.type}/${source.id}`;
  if (privs?.['Datastore.Backup'] !== undefined) {
    if (owner !== null && ownsBackup(authId, owner)) return { ok: true };
    return refusal(
      403,
      `a restore needs Datastore.Read on ${source.aclPath}, or Datastore.Backup there as the owner of ${group}` +
        ` (PBS: ${authId} does not own it)`,
    );
  }
  return refusal(
    403,
    `a restore needs Datastore.Read on ${source.aclPath}, or Datastore.Backup there as the owner of ${group}`,
  );
}

/** Token mode's settings (DESIGN.md, "token mode"): what the deck's own PVE token may do, and for whom. */
export interface TokenRules {
  /** the token's id `user@realm!name`, never its secret */
  tokenId: string;
  /** PVE_TOKEN_USERS: PBS user ids (or token ids, listed themselves) the token serves */
  users: readonly string[];
  /** PVE_ALLOW_OVERWRITE=1 */
  allowOverwrite: boolean;
  /** PVE_ALLOW_START=1 */
  allowStart: boolean;
  /** PVE_TARGET_STORAGES: the PVE storages a restore may write to */
  targetStorages: readonly string[];
  /** PVE_POOLS: the pools a restored guest may join (none: it may join none) */
  pools: readonly string[];
}

/** Whether the deck's token serves this PBS user: only when PVE_TOKEN_USERS lists it. */
export function tokenServes(rules: TokenRules, pbsAuthId: string): { ok: true } | Refusal {
  if (rules.users.includes(pbsAuthId)) return { ok: true };
  return refusal(403, `${pbsAuthId} is not in PVE_TOKEN_USERS: this deck restores to Proxmox VE only for its users`);
}

const truthy = (v: string | null) => v !== null && v !== '' && v !== '0';

/** Token mode's limits on a restore form (already checked by checkRestoreForm). */
export function tokenRestoreAllowed(rules: TokenRules, form: URLSearchParams): { ok: true } | Refusal {
  if (truthy(form.get('force')) && !rules.allowOverwrite)
    return refusal(403, 'overwriting an existing guest is off on this deck (PVE_ALLOW_OVERWRITE is not 1)');
  if (truthy(form.get('start')) && !rules.allowStart)
    return refusal(403, 'starting the restored guest is off on this deck (PVE_ALLOW_START is not 1)');
  // a live restore starts the guest at once
  if (truthy(form.get('live-restore')) && !rules.allowStart)
    return refusal(403, 'a live restore starts the guest, which is off on this deck (PVE_ALLOW_START is not 1)');
  const storage = form.get('storage');
  if (storage === null || storage === '')
    return refusal(
      403,
      `name the target storage: this deck restores only to ${rules.targetStorages.join(', ')} (PVE_TARGET_STORAGES)`,
    );
  if (!rules.targetStorages.includes(storage))
    return refusal(
      403,
      `storage '${storage}' is not a restore target on this deck (PVE_TARGET_STORAGES: ${rules.targetStorages.join(', ')})`,
    );
  const pool = form.get('pool');
  if (pool !== null && pool !== '' && !rules.pools.includes(pool))
    return refusal(
      403,
      rules.pools.length
        ? `pool '${pool}' is not allowed on this deck (PVE_POOLS: ${rules.pools.join(', ')})`
        : `pool '${pool}' is not allowed on this deck (PVE_POOLS is empty)`,
    );
  return { ok: true };
}
