import { createTestServer } from '../node';
import { call, login, type Session } from './test-client';

const t = createTestServer({ seed: 7, historyDays: 20 });
let admin: Session;
let audit: Session;
let ops: Session;
const D = '/admin/datastore/store1';

beforeAll(async () => {
  t.server.listen({ onUnhandledRequest: 'error' });
  // a power user: Prune and Backup on the datastore, owner of nothing yet
  t.host.auth.addUser({ userid: 'ops@pbs', password: 'demo', enable: true, expire: 0 });
  t.host.auth.addAcl({ path: '/datastore/store1', ugid: 'ops@pbs', roleid: 'DatastorePowerUser', propagate: true });
  t.host.auth.addToken({ tokenid: 'ops@pbs!nightly', secret: 'x', enable: true, expire: 0 });
  admin = await login('root@pam');
  audit = await login('audit@pbs');
  ops = await login('ops@pbs');
}, 60_000);
afterAll(() => t.server.close());

const snapshotsOf = async (q: string) =>
  ((await call('GET', `${D}/snapshots?${q}`, { session: admin })).json?.data ?? []) as {
    'backup-time': number;
    protected: boolean;
    comment?: string;
  }[];

describe('forget', () => {
  it('forgets a group but keeps its protected snapshot, with PBS error text', async () => {
    const before = await snapshotsOf('backup-type=vm&backup-id=104');
    const kept = before.filter((s) => s.protected);
    expect(kept).toHaveLength(1);
    const r = await call('DELETE', `${D}/groups?backup-type=vm&backup-id=104`, { session: admin });
    expect([r.status, r.text]).toEqual([400, 'group only partially deleted due to protected snapshots']);
    expect(await snapshotsOf('backup-type=vm&backup-id=104')).toEqual(kept);
  });

  it('answers with the counters when asked not to fail on protected snapshots', async () => {
    const n = (await snapshotsOf('backup-type=vm&backup-id=105')).length;
    const r = await call('DELETE', `${D}/groups?backup-type=vm&backup-id=105&error-on-protected=0`, { session: admin });
    expect(r.json?.data).toEqual({ 'removed-groups': 0, 'removed-snapshots': n - 1, 'protected-snapshots': 1 });
  });

  it('removes an unprotected group completely', async () => {
    const r = await call('DELETE', `${D}/groups?backup-type=vm&backup-id=101`, { session: admin });
    expect(r.status).toBe(200);
    const groups = (await call('GET', `${D}/groups`, { session: admin })).json?.data as { 'backup-id': string }[];
    expect(groups.map((g) => g['backup-id'])).not.toContain('101');
  });

  it('refuses to forget a protected snapshot and forgets an unprotected one', async () => {
    const [p] = (await snapshotsOf('backup-type=vm&backup-id=104')).filter((s) => s.protected);
    const r = await call('DELETE', `${D}/snapshots?backup-type=vm&backup-id=104&backup-time=${p!['backup-time']}`, {
      session: admin,
    });
    expect([r.status, r.text]).toEqual([400, 'cannot remove protected snapshot']);
    const list = await snapshotsOf('backup-type=vm&backup-id=100');
    const last = list.at(-1)!['backup-time'];
    expect(
      (await call('DELETE', `${D}/snapshots?backup-type=vm&backup-id=100&backup-time=${last}`, { session: admin }))
        .status,
    ).toBe(200);
    expect((await snapshotsOf('backup-type=vm&backup-id=100')).map((s) => s['backup-time'])).not.toContain(last);
  });

  it('checks privileges and ownership as PBS does', async () => {
    const r = await call('DELETE', `${D}/groups?backup-type=vm&backup-id=102`, { session: audit });
    expect([r.status, r.text]).toEqual([
      403,
      'permission check failed - missing Datastore.Modify|Datastore.Prune on /datastore/store1',
    ]);
    const o = await call('DELETE', `${D}/groups?backup-type=vm&backup-id=102`, { session: ops });
    expect([o.status, o.text]).toEqual([400, 'backup owner check failed (ops@pbs != root@pam)']);
  });
});

describe('notes, protection and owner', () => {
  it('stores notes; the first line becomes the comment', async () => {
    const [s] = await snapshotsOf('backup-type=ct&backup-id=110');
    const q = `backup-type=ct&backup-id=110&backup-time=${s!['backup-time']}`;
    const put = await call('PUT', `${D}/notes`, {
      session: admin,
      form: {
        'backup-type': 'ct',
        'backup-id': '110',
        'backup-time': String(s!['backup-time']),
        notes: 'first\n<script>x</script>',
      },
    });
    expect(put.status).toBe(200);
    expect((await call('GET', `${D}/notes?${q}`, { session: admin })).json?.data).toBe('first\n<script>x</script>');
    expect((await snapshotsOf('backup-type=ct&backup-id=110'))[0]?.comment).toBe('first');
    const g = await call('PUT', `${D}/group-notes`, {
      session: admin,
      form: { 'backup-type': 'ct', 'backup-id': '110', notes: 'dns one\nmore' },
    });
    expect(g.status).toBe(200);
    expect((await call('GET', `${D}/group-notes?backup-type=ct&backup-id=110`, { session: admin })).json?.data).toBe(
      'dns one\nmore',
    );
  });

  it('protects and unprotects a snapshot', async () => {
    const [s] = await snapshotsOf('backup-type=ct&backup-id=112');
    const form = { 'backup-type': 'ct', 'backup-id': '112', 'backup-time': String(s!['backup-time']) };
    expect((await call('PUT', `${D}/protected`, { session: admin, form: { ...form, protected: '1' } })).status).toBe(
      200,
    );
    const q = new URLSearchParams(form).toString();
    expect((await call('GET', `${D}/protected?${q}`, { session: admin })).json?.data).toBe(true);
    expect((await call('PUT', `${D}/protected`, { session: admin, form: { ...form, protected: '0' } })).status).toBe(
      200,
    );
    expect((await call('GET', `${D}/protected?${q}`, { session: admin })).json?.data).toBe(false);
  });

  it('changes the owner only to an active user or token', async () => {
    const form = { 'backup-type': 'vm', 'backup-id': '103' };
    const gone = await call('POST', `${D}/change-owner`, {
      session: admin,
      form: { ...form, 'new-owner': 'nobody@pbs!x' },
    });
    expect([gone.status, gone.text]).toEqual([400, "API token 'nobody@pbs!x' is inactive or non-existent"]);
    expect(
      (await call('POST', `${D}/change-owner`, { session: admin, form: { ...form, 'new-owner': 'ops@pbs' } })).status,
    ).toBe(200);
    // the power user may hand its own group to its own token, not to another user
    const other = await call('POST', `${D}/change-owner`, {
      session: ops,
      form: { ...form, 'new-owner': 'audit@pbs' },
    });
    expect([other.status, other.text]).toEqual([
      401,
      "ops@pbs does not have permission to change owner of backup group 'vm/103' to audit@pbs",
    ]);
    expect(
      (await call('POST', `${D}/change-owner`, { session: ops, form: { ...form, 'new-owner': 'ops@pbs!nightly' } }))
        .status,
    ).toBe(200);
    const groups = (await call('GET', `${D}/groups`, { session: admin })).json?.data as {
      'backup-id': string;
      owner: string;
    }[];
    expect(groups.find((g) => g['backup-id'] === '103')?.owner).toBe('ops@pbs!nightly');
  });
});

describe('namespaces', () => {
  it('creates below an existing parent, up to depth 7', async () => {
    const r = await call('POST', `${D}/namespace`, { session: admin, form: { name: 'x', parent: 'lab' } });
    expect(r.json?.data).toBe('lab/x');
    let parent = 'lab/x';
    for (const c of ['a', 'b', 'c', 'd', 'e']) {
      expect((await call('POST', `${D}/namespace`, { session: admin, form: { name: c, parent } })).status).toBe(200);
      parent = `${parent}/${c}`;
    }
    const deep = await call('POST', `${D}/namespace`, { session: admin, form: { name: 'f', parent } });
    expect([deep.status, deep.text]).toEqual([400, 'namespace too deep, 7 >= max 7']);
    const orphan = await call('POST', `${D}/namespace`, { session: admin, form: { name: 'y', parent: 'nope' } });
    expect(orphan.text).toBe("cannot create new namespace, parent nope doesn't already exists");
  });

  it('deletes empty namespaces, refuses non-empty ones without delete-groups and the root always', async () => {
    const root = await call('DELETE', `${D}/namespace?ns=`, { session: admin });
    expect([root.status, root.text]).toEqual([400, 'Cannot create/delete root namespace!']);
    const full = await call('DELETE', `${D}/namespace?ns=lab`, { session: admin });
    expect([full.status, full.text]).toEqual([
      400,
      'only partially deleted due to existing groups but `delete-groups` not true ',
    ]);
    // the empty children went, the groups stayed
    const names = () =>
      call('GET', `${D}/namespace`, { session: admin }).then((x) =>
        (x.json?.data as { ns: string }[]).map((n) => n.ns),
      );
    expect(await names()).toEqual(['', 'lab', 'prod', 'prod/db']);
    expect((await call('DELETE', `${D}/namespace?ns=lab&delete-groups=1`, { session: admin })).status).toBe(200);
    expect(await names()).toEqual(['', 'prod', 'prod/db']);
  });

  it('needs Datastore.Modify on the parent', async () => {
    const r = await call('POST', `${D}/namespace`, { session: ops, form: { name: 'mine' } });
    expect([r.status, r.text]).toEqual([
      403,
      'permission check failed - missing Datastore.Modify on /datastore/store1',
    ]);
  });
});
