// The identities of the permission matrix, built through PBS's API as root@pam on a fresh simulator, and the
// calls of each action, made the way PBS's own web UI makes them.
import { call, login, type CallResult, type Session } from './handlers/test-client';
import type { TestServer } from './node';

export const IDENTITIES = [
  'admin@pbs',
  'auditor@pbs',
  'reader@pbs',
  'backup@pbs',
  'power@pbs',
  'dsadmin@pbs',
  'nested@pbs',
  'dsadmin@pbs!audit',
] as const;
export type Identity = (typeof IDENTITIES)[number];

export const PASSWORD = 'secret1';
export const STORE = 'store1';
export const NS = 'lab';
const A = `/admin/datastore/${STORE}`;

/** ACL entries of each identity: path, role (all propagate, PBS's default). */
const ACL: [string, string, string][] = [
  ['admin@pbs', '/', 'Admin'],
  ['auditor@pbs', '/', 'Audit'],
  ['reader@pbs', '/datastore/store1', 'DatastoreReader'],
  ['backup@pbs', '/datastore/store1/lab', 'DatastoreBackup'],
  ['power@pbs', '/datastore/store1/lab', 'DatastorePowerUser'],
  ['dsadmin@pbs', '/datastore/store1', 'DatastoreAdmin'],
  ['nested@pbs', '/datastore/store1', 'DatastoreAdmin'],
  ['nested@pbs', '/datastore/store1/lab', 'NoAccess'],
  ['dsadmin@pbs!audit', '/datastore/store1', 'DatastoreAudit'],
];

/** Groups in `lab`: one of root's (the demo's root@pam!pve owns lab), and the ones root hands over. */
export interface GroupRef {
  type: 'vm' | 'ct';
  id: string;
}
export const ROOTS: { snap: GroupRef; forget: GroupRef } = {
  snap: { type: 'ct', id: '912' },
  forget: { type: 'vm', id: '901' },
};
export const OWN: Partial<Record<Identity, { snap: GroupRef; forget: GroupRef }>> = {
  'backup@pbs': { snap: { type: 'ct', id: '910' }, forget: { type: 'vm', id: '900' } },
  'power@pbs': { snap: { type: 'ct', id: '911' }, forget: { type: 'vm', id: '902' } },
};

export interface Actor {
  id: Identity;
  session?: Session;
  headers?: Record<string, string>;
  root: Session;
  /** the identity's own running task and one of root@pam's */
  ownTask: string;
  rootTask: string;
}

function must(r: CallResult, what: string): CallResult {
  if (r.status !== 200) throw new Error(`setup: ${what}: ${r.status} ${r.text}`);
  return r;
}

/**
 * A fresh simulator with every identity, ACL entry and ownership made through the API; then `id` logs in. Takes
 * only the simulator's host, so both halves share it: the API half's createTestServer() and the UI half's
 * setupTestServer() (whose session for the console is a separate login as `id` with PASSWORD).
 */
export async function buildActor(t: Pick<TestServer, 'host' | 'sim'>, id: Identity): Promise<Actor> {
  t.host.reset();
  const root = await login('root@pam');
  const as = (method: string, path: string, form: Record<string, string>) =>
    call(method, path, { session: root, form }).then((r) => must(r, `${method} ${path} ${JSON.stringify(form)}`));
  for (const userid of new Set(IDENTITIES.map((i) => i.split('!')[0]!))) {
    await as('POST', '/access/users', { userid, password: PASSWORD });
  }
  const token = await as('POST', '/access/users/dsadmin@pbs/token/audit', { comment: 'narrower than its user' });
  const secret = (token.json!.data as { value: string }).value;
  for (const [authid, path, role] of ACL) await as('PUT', '/access/acl', { path, role, 'auth-id': authid });
  for (const [owner, groups] of Object.entries(OWN)) {
    for (const g of Object.values(groups)) {
      const form = { ns: NS, 'backup-type': g.type, 'backup-id': g.id, 'new-owner': owner };
      await as('POST', `${A}/change-owner`, form);
    }
  }
  await as('POST', `${A}/namespace`, { parent: NS, name: 'spare' });
  const rootTask = (await as('POST', '/admin/datastore/offsite/verify', {})).json!.data as string;
  const ownTask = t.sim.startVerify('offsite', { type: 'vm', id: '100' }, id);
  const actor: Actor = { id, root, ownTask, rootTask };
  if (id.includes('!')) actor.headers = { Authorization: `PBSAPIToken=${id}:${secret}` };
  else actor.session = await login(id, PASSWORD);
  return actor;
}

/** One call as the actor; query parameters for GET and DELETE, a form body otherwise. */
export function act(a: Actor, method: string, path: string, params: Record<string, string> = {}): Promise<CallResult> {
  const auth = { session: a.session, headers: a.headers };
  if (method === 'GET' || method === 'DELETE') {
    const q = new URLSearchParams(params).toString();
    return call(method, q ? `${path}?${q}` : path, auth);
  }
  return call(method, path, { ...auth, form: params });
}

/** The newest and the oldest snapshot of a group in `lab`, read as root. */
export async function snapshotTimes(root: Session, g: GroupRef): Promise<{ newest: number; oldest: number }> {
  const q = new URLSearchParams({ ns: NS, 'backup-type': g.type, 'backup-id': g.id });
  const r = must(await call('GET', `${A}/snapshots?${q}`, { session: root }), 'snapshots');
  const times = (r.json!.data as { 'backup-time': number }[]).map((s) => s['backup-time']).sort((x, y) => x - y);
  return { newest: times.at(-1)!, oldest: times[0]! };
}
