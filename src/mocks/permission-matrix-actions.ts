// The actions of the permission matrix, in the order each identity runs them on its own fresh simulator: reads
// and edits of a snapshot before the calls that remove it, datastore-wide jobs last.
import type { CallResult } from './handlers/test-client';
import { act, NS, OWN, ROOTS, snapshotTimes, STORE, type Actor, type GroupRef } from './permission-matrix-setup';

const A = `/admin/datastore/${STORE}`;
const b64 = (s: string) => btoa(s);

export type Target = 'root' | 'own';
export interface Action {
  key: string;
  /** whose group a group or snapshot action works on: root@pam's, or the identity's own */
  target?: Target;
  run: (a: Actor, g: { snap: GroupRef; forget: GroupRef }) => Promise<CallResult>;
}

const groupParams = (g: GroupRef) => ({ ns: NS, 'backup-type': g.type, 'backup-id': g.id });
async function newest(a: Actor, g: GroupRef) {
  return { ...groupParams(g), 'backup-time': String((await snapshotTimes(a.root, g)).newest) };
}
async function oldest(a: Actor, g: GroupRef) {
  return { ...groupParams(g), 'backup-time': String((await snapshotTimes(a.root, g)).oldest) };
}

const ON_GROUPS: Omit<Action, 'target'>[] = [
  {
    key: 'download',
    run: async (a, g) =>
      act(a, 'GET', `${A}/download`, { ...(await newest(a, g.snap)), 'file-name': 'index.json.blob' }),
  },
  {
    key: 'download-decoded',
    run: async (a, g) =>
      act(a, 'GET', `${A}/download-decoded`, { ...(await newest(a, g.snap)), 'file-name': 'index.json.blob' }),
  },
  {
    key: 'pxar-file-download',
    run: async (a, g) =>
      act(a, 'GET', `${A}/pxar-file-download`, {
        ...(await newest(a, g.snap)),
        filepath: b64('/root.pxar.didx/etc/hostname'),
      }),
  },
  {
    key: 'snapshot notes',
    run: async (a, g) => act(a, 'PUT', `${A}/notes`, { ...(await newest(a, g.snap)), notes: 'checked' }),
  },
  {
    key: 'group notes',
    run: (a, g) => act(a, 'PUT', `${A}/group-notes`, { ...groupParams(g.snap), notes: 'checked' }),
  },
  {
    key: 'protect snapshot',
    run: async (a, g) => act(a, 'PUT', `${A}/protected`, { ...(await newest(a, g.snap)), protected: '1' }),
  },
  {
    key: 'change group owner',
    run: (a, g) => act(a, 'POST', `${A}/change-owner`, { ...groupParams(g.snap), 'new-owner': 'root@pam' }),
  },
  { key: 'forget snapshot', run: async (a, g) => act(a, 'DELETE', `${A}/snapshots`, await oldest(a, g.snap)) },
  { key: 'prune group', run: (a, g) => act(a, 'POST', `${A}/prune`, { ...groupParams(g.snap), 'keep-last': '3' }) },
  { key: 'forget group', run: (a, g) => act(a, 'DELETE', `${A}/groups`, groupParams(g.forget)) },
];

const verifyJob = 'v-3fa2b1c9-7d10';
const pruneJob = 's-6b1f0c2e-a3d4';
const ON_STORE: Action[] = [
  { key: 'create namespace', run: (a) => act(a, 'POST', `${A}/namespace`, { parent: NS, name: 'new1' }) },
  { key: 'delete namespace', run: (a) => act(a, 'DELETE', `${A}/namespace`, { ns: `${NS}/spare` }) },
  { key: 'start GC', run: (a) => act(a, 'POST', `${A}/gc`) },
  { key: 'edit GC schedule', run: (a) => act(a, 'PUT', `/config/datastore/${STORE}`, { 'gc-schedule': 'sun 02:00' }) },
  { key: 'run verify job', run: (a) => act(a, 'POST', `/admin/verify/${verifyJob}/run`) },
  {
    key: 'add verify job',
    run: (a) => act(a, 'POST', '/config/verify', { id: 'v-matrix', store: STORE, schedule: 'daily' }),
  },
  { key: 'edit verify job', run: (a) => act(a, 'PUT', `/config/verify/${verifyJob}`, { comment: 'edited' }) },
  { key: 'remove verify job', run: (a) => act(a, 'DELETE', `/config/verify/${verifyJob}`) },
  { key: 'run prune job', run: (a) => act(a, 'POST', `/admin/prune/${pruneJob}/run`) },
  {
    key: 'add prune job',
    run: (a) => act(a, 'POST', '/config/prune', { id: 'p-matrix', store: STORE, schedule: 'daily', 'keep-last': '5' }),
  },
  { key: 'edit prune job', run: (a) => act(a, 'PUT', `/config/prune/${pruneJob}`, { comment: 'edited' }) },
  { key: 'remove prune job', run: (a) => act(a, 'DELETE', `/config/prune/${pruneJob}`) },
  { key: 'run sync job', run: (a) => act(a, 'POST', '/admin/sync/s-branch-offsite/run') },
  { key: 'stop own task', run: (a) => act(a, 'DELETE', `/nodes/localhost/tasks/${encodeURIComponent(a.ownTask)}`) },
  {
    key: "stop root@pam's task",
    run: (a) => act(a, 'DELETE', `/nodes/localhost/tasks/${encodeURIComponent(a.rootTask)}`),
  },
];

/** Every action, group actions once on root's group and once on the identity's own. */
export const ACTIONS: Action[] = [
  ...ON_GROUPS.flatMap((x): Action[] => [
    { ...x, target: 'root' },
    { ...x, target: 'own' },
  ]),
  ...ON_STORE,
];

export const actionName = (a: Pick<Action, 'key' | 'target'>): string =>
  a.target === undefined ? a.key : `${a.key} (${a.target === 'root' ? "root's group" : 'own group'})`;

/** The groups an action works on for this identity, or null when it owns none. */
export function groupsFor(a: Actor, target: Target | undefined) {
  if (target === 'own') return OWN[a.id] ?? null;
  return ROOTS;
}
