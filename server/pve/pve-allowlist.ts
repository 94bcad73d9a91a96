// /pve-api/: the only Proxmox VE calls the deck forwards, judged on the request target exactly as the browser
// sent it. Everything else is refused without reaching PVE; the deck's token may do nothing but restore.

export type PveCheck =
  | {
      ok: true;
      method: 'GET' | 'POST';
      path: string;
      query: string;
      write: boolean;
      node: string | null;
      storage: string | null;
    }
  | { ok: false; status: 403 | 404 | 405; message: string };

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

const PREFIX = '/pve-api/api2/json';

export function checkPveRequest(method: string, target: string): PveCheck {
  const q = target.indexOf('?');
  const rawPath = q < 0 ? target : target.slice(0, q);
  const query = q < 0 ? '' : target.slice(q + 1);
  if (
    !rawPath.startsWith(`${PREFIX}/`) ||
    rawPath.includes('/.') ||
    rawPath.includes('//') ||
    /%2e|%2f|%5c/i.test(rawPath.replace(/UPID.*$/, ''))
  ) {
    return { ok: false, status: 404, message: 'not a restore call of Proxmox VE' };
  }
  const path = rawPath.slice(PREFIX.length);
  const rule = RULES.find((r) => r.re.test(path));
  if (!rule) return { ok: false, status: 403, message: 'this deck forwards only the restore calls of Proxmox VE' };
  if (method !== rule.method && !(method === 'HEAD' && rule.method === 'GET')) {
    return { ok: false, status: 405, message: `only ${rule.method} here` };
  }
  const params = new URLSearchParams(query);
  for (const key of params.keys()) {
    if (!rule.query.includes(key))
      return { ok: false, status: 403, message: `query parameter '${key}' is not forwarded` };
  }
  if (/\/tasks\//.test(path)) {
    const upid = decodeURIComponent(path.split('/')[4] ?? '');
    if (!/^UPID:[^:]+:[0-9A-F]{8}:[0-9A-F]{8,9}:[0-9A-F]{8}:(qmrestore|vzrestore):\d+:[^:\s]+:$/.test(upid)) {
      return { ok: false, status: 403, message: 'only restore tasks are readable here' };
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
