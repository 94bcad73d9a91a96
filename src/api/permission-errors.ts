/*
 * PBS refuses many calls with a bare "permission check failed" (its router's check, and a few handlers
 * such as a sync job's run). That names neither the privilege nor the path, so the client puts a
 * sentence in its place, built from the request itself: one row per call, with the rule of
 * lib/access-rules.ts that PBS applied.
 */
import {
  ACCESS_RULES,
  datastoreAclPath,
  parentNamespace,
  requirement,
  type AccessAction,
  type AccessRule,
} from '@/lib/access-rules';
import type { PbsError } from './errors';
import type { Params } from './form';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface Refusal {
  method: Method;
  /** matched against the decoded path below /api2/json; group 1 is the datastore or job id */
  path: RegExp;
  /** what the user tried, as a gerund: "starting garbage collection" */
  doing: string | ((p: Params) => string);
  /** the rule, and the ACL path it is checked on */
  needs: (name: string, ns: string, p: Params) => string;
}

const str = (p: Params, key: string) => {
  const v = p[key];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
};

const onNs =
  (action: AccessAction) =>
  (store: string, ns: string): string =>
    requirement(ACCESS_RULES[action], datastoreAclPath(store, ns));

const onJobPath = (rule: AccessRule) => (_id: string, ns: string, p: Params) =>
  str(p, 'store')
    ? requirement(rule, datastoreAclPath(str(p, 'store'), ns))
    : `${requirement(rule, "the job's datastore")} (or namespace)`;

const DS = '^/admin/datastore/([^/]+)';

const REFUSALS: Refusal[] = [
  {
    method: 'POST',
    path: new RegExp(`${DS}/gc$`),
    doing: 'starting garbage collection',
    needs: onNs('datastoreModify'),
  },
  {
    method: 'PUT',
    path: /^\/config\/datastore\/([^/]+)$/,
    doing: "changing the datastore's settings",
    needs: (store) => requirement(ACCESS_RULES.datastoreModify, datastoreAclPath(store)),
  },
  {
    method: 'DELETE',
    path: new RegExp(`${DS}/snapshots$`),
    doing: 'forgetting a snapshot',
    needs: onNs('forgetSnapshot'),
  },
  { method: 'DELETE', path: new RegExp(`${DS}/groups$`), doing: 'forgetting a group', needs: onNs('forgetGroup') },
  { method: 'POST', path: new RegExp(`${DS}/prune$`), doing: 'pruning a group', needs: onNs('pruneGroup') },
  { method: 'POST', path: new RegExp(`${DS}/prune-datastore$`), doing: 'pruning', needs: onNs('pruneNamespace') },
  { method: 'PUT', path: new RegExp(`${DS}/protected$`), doing: 'changing the protection', needs: onNs('protect') },
  {
    method: 'PUT',
    path: new RegExp(`${DS}/notes$`),
    doing: "editing a snapshot's notes",
    needs: onNs('snapshotNotes'),
  },
  {
    method: 'PUT',
    path: new RegExp(`${DS}/group-notes$`),
    doing: "editing a group's notes",
    needs: onNs('groupNotes'),
  },
  { method: 'POST', path: new RegExp(`${DS}/change-owner$`), doing: 'changing the owner', needs: onNs('changeOwner') },
  {
    method: 'POST',
    path: new RegExp(`${DS}/verify$`),
    doing: (p) => (str(p, 'backup-id') ? 'verifying' : 'verifying the namespace'),
    needs: (store, ns, p) => onNs(str(p, 'backup-id') ? 'verifyGroup' : 'verifyNamespace')(store, ns),
  },
  ...['download', 'download-decoded', 'pxar-file-download', 'catalog'].map((call): Refusal => ({
    method: 'GET',
    path: new RegExp(`${DS}/${call}$`),
    doing: 'reading the snapshot',
    needs: onNs('download'),
  })),
  {
    method: 'POST',
    path: new RegExp(`${DS}/namespace$`),
    doing: 'creating a namespace',
    needs: (store, _ns, p) => onNs('createNamespace')(store, str(p, 'parent')),
  },
  {
    method: 'DELETE',
    path: new RegExp(`${DS}/namespace$`),
    doing: 'deleting a namespace',
    needs: (store, ns) => onNs('deleteNamespace')(store, parentNamespace(ns)),
  },
  {
    method: 'POST',
    path: /^\/config\/verify()$/,
    doing: 'adding a verify job',
    needs: onJobPath(ACCESS_RULES.verifyJob),
  },
  {
    method: 'PUT',
    path: /^\/config\/verify\/([^/]+)$/,
    doing: 'changing a verify job',
    needs: onJobPath(ACCESS_RULES.verifyJob),
  },
  {
    method: 'DELETE',
    path: /^\/config\/verify\/([^/]+)$/,
    doing: 'removing a verify job',
    needs: onJobPath(ACCESS_RULES.verifyJob),
  },
  {
    method: 'POST',
    path: /^\/admin\/verify\/([^/]+)\/run$/,
    doing: 'running a verify job',
    needs: onJobPath(ACCESS_RULES.verifyJob),
  },
  { method: 'POST', path: /^\/config\/prune()$/, doing: 'adding a prune job', needs: onJobPath(ACCESS_RULES.pruneJob) },
  {
    method: 'PUT',
    path: /^\/config\/prune\/([^/]+)$/,
    doing: 'changing a prune job',
    needs: onJobPath(ACCESS_RULES.pruneJob),
  },
  {
    method: 'DELETE',
    path: /^\/config\/prune\/([^/]+)$/,
    doing: 'removing a prune job',
    needs: onJobPath(ACCESS_RULES.pruneJob),
  },
  {
    method: 'POST',
    path: /^\/admin\/prune\/([^/]+)\/run$/,
    doing: 'running a prune job',
    needs: onJobPath(ACCESS_RULES.pruneJob),
  },
  {
    method: 'POST',
    path: /^\/admin\/sync\/([^/]+)\/run$/,
    doing: 'running a sync job',
    needs: () =>
      "Needs Datastore.Backup on the job's datastore or namespace, Datastore.Prune there if it removes vanished snapshots, Datastore.Modify there unless you own the job, and Remote.Read on its remote",
  },
];

// What PBS says when it names nothing: its router's 403, and the few handlers that bail the same way.
const GENERIC = /^permission check failed\.?$/;

/**
 * A sentence naming the privilege and the path PBS wanted, for a refusal whose own text does not say;
 * null when PBS's text already says more, or the call has no row.
 */
export function explainRefusal(
  status: number,
  text: string,
  method: Method,
  path: string,
  params: Params | undefined,
): string | null {
  if ((status !== 403 && status !== 400) || !GENERIC.test(text.trim())) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path.split('?')[0] ?? path);
  } catch {
    return null;
  }
  const p = params ?? {};
  for (const row of REFUSALS) {
    if (row.method !== method) continue;
    const match = row.path.exec(decoded);
    if (!match) continue;
    const doing = typeof row.doing === 'string' ? row.doing : row.doing(p);
    const needs = row.needs(match[1] ?? '', str(p, 'ns'), p);
    return `Not allowed: ${doing} ${needs.replace(/^Needs/, 'needs')}.`;
  }
  return null;
}

/** `explainRefusal` for the api client's hook; PBS's own text stays when this module cannot be loaded. */
export async function explainPbsRefusal(
  error: PbsError,
  method: Method,
  path: string,
  params?: Params,
): Promise<string | null> {
  return explainRefusal(error.status, error.message, method, path, params);
}
