// Users, API tokens and ACL entries written through PBS's API, with PBS's status codes and texts
// (src/api2/access/user.rs, acl.rs).
import { createTestServer } from '../node';
import { call, login, type Session } from './test-client';

const t = createTestServer();
let root: Session;
const MODIFIED = 'detected modified configuration - file changed by other user? Try again.';

beforeEach(async () => {
  t.host.reset();
  root = await login('root@pam');
});
beforeAll(() => t.server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => t.server.close());

const asRoot = (method: string, path: string, form?: Record<string, string | string[]>) =>
  call(method, path, { session: root, form });
const status = (r: { status: number; text: string }) => [r.status, r.status === 200 ? 'ok' : r.text];

async function newUser(userid: string, password = 'secret1') {
  expect(status(await asRoot('POST', '/access/users', { userid, password }))).toEqual([200, 'ok']);
}

async function newToken(userid: string, name: string): Promise<string> {
  const r = await asRoot('POST', `/access/users/${userid}/token/${name}`);
  expect(r.status).toBe(200);
  const data = r.json!.data as { tokenid: string; value: string };
  expect(data.tokenid).toBe(`${userid}!${name}`);
  return `PBSAPIToken=${data.tokenid}:${data.value}`;
}

describe('users', () => {
  it('creates a pbs user who can then log in, and refuses a second one of the same id', async () => {
    const r = await asRoot('POST', '/access/users', {
      userid: 'bob@pbs',
      password: 'secret1',
      comment: 'Backup operator',
      email: 'bob@example.com',
      enable: '1',
      expire: '0',
    });
    expect(r.json).toEqual({ data: null });
    const read = await asRoot('GET', '/access/users/bob@pbs');
    expect(read.json!.data).toEqual({
      userid: 'bob@pbs',
      comment: 'Backup operator',
      email: 'bob@example.com',
      enable: true,
      expire: 0,
    });
    expect(read.json!.digest).toMatch(/^[0-9a-f]{64}$/);
    await login('bob@pbs', 'secret1');
    expect(status(await asRoot('POST', '/access/users', { userid: 'bob@pbs' }))).toEqual([
      400,
      "user 'bob@pbs' already exists.",
    ]);
  });

  it('refuses a malformed user id, an unknown realm, and a pam password from anyone but root@pam', async () => {
    expect(status(await asRoot('POST', '/access/users', { userid: 'bob' }))).toEqual([
      400,
      "parameter verification failed - 'userid': value does not match the regex pattern",
    ]);
    expect(status(await asRoot('POST', '/access/users', { userid: 'bob@ldap1' }))).toEqual([
      400,
      "unknown realm 'ldap1'",
    ]);
    await newUser('admin@pbs');
    await asRoot('PUT', '/access/acl', { path: '/access', role: 'Admin', 'auth-id': 'admin@pbs' });
    const admin = await login('admin@pbs', 'secret1');
    const pam = await call('POST', '/access/users', {
      session: admin,
      form: { userid: 'carol@pam', password: 'pw123' },
    });
    expect(status(pam)).toEqual([400, 'only superuser can edit pam credentials!']);
    // PBS saves the user before it looks at the password
    expect((await asRoot('GET', '/access/users/carol@pam')).status).toBe(200);
  });

  it('answers unknown users with PBS texts', async () => {
    expect(status(await asRoot('GET', '/access/users/ghost@pbs'))).toEqual([400, "no such user 'ghost@pbs'"]);
    expect(status(await asRoot('PUT', '/access/users/ghost@pbs', { comment: 'x' }))).toEqual([
      400,
      "no such user 'ghost@pbs'",
    ]);
    expect(status(await asRoot('DELETE', '/access/users/ghost@pbs'))).toEqual([
      400,
      "user 'ghost@pbs' does not exist.",
    ]);
  });

  it('lets users without Permissions.Modify edit only themselves', async () => {
    await newUser('bob@pbs');
    const bob = await login('bob@pbs', 'secret1');
    const self = await call('PUT', '/access/users/bob@pbs', { session: bob, form: { firstname: 'Bob' } });
    expect(status(self)).toEqual([200, 'ok']);
    const other = await call('PUT', '/access/users/audit@pbs', { session: bob, form: { comment: 'x' } });
    expect(status(other)).toEqual([403, 'permission check failed']);
    const create = await call('POST', '/access/users', { session: bob, form: { userid: 'eve@pbs' } });
    expect(status(create)).toEqual([403, 'permission check failed']);
    const audit = await call('GET', '/access/users/bob@pbs', { session: await login('audit@pbs') });
    expect(audit.json!.data).toEqual({ userid: 'bob@pbs', firstname: 'Bob' });
  });

  it('clears fields on empty values and delete, enables by dropping the flag, and checks the digest', async () => {
    await asRoot('POST', '/access/users', { userid: 'bob@pbs', comment: 'c', email: 'b@x.io', enable: '0' });
    const { digest } = (await asRoot('GET', '/access/users/bob@pbs')).json as { digest: string };
    const r = await asRoot('PUT', '/access/users/bob@pbs', { comment: ' ', enable: '1', delete: 'email', digest });
    expect(status(r)).toEqual([200, 'ok']);
    expect((await asRoot('GET', '/access/users/bob@pbs')).json!.data).toEqual({ userid: 'bob@pbs' });
    const stale = await asRoot('PUT', '/access/users/bob@pbs', { comment: 'again', digest });
    expect(status(stale)).toEqual([400, MODIFIED]);
  });

  it('asks a non-root caller who sets a password to confirm with their own', async () => {
    await newUser('bob@pbs');
    const bob = await login('bob@pbs', 'secret1');
    const wrong = await call('PUT', '/access/users/bob@pbs', { session: bob, form: { password: 'newpass' } });
    expect(status(wrong)).toEqual([401, 'invalid credentials']);
    const root2 = await asRoot('PUT', '/access/users/bob@pbs', { password: 'newpass' });
    expect(status(root2)).toEqual([200, 'ok']);
    await login('bob@pbs', 'newpass');
  });
});

describe('API tokens', () => {
  it('shows the secret once, and the token authenticates with it', async () => {
    await newUser('bob@pbs');
    const header = await newToken('bob@pbs', 'ci');
    expect(header).toMatch(
      /^PBSAPIToken=bob@pbs!ci:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const version = await call('GET', '/version', { headers: { Authorization: header } });
    expect(version.status).toBe(200);
    const one = await asRoot('GET', '/access/users/bob@pbs/token/ci');
    expect(one.json!.data).toEqual({ tokenid: 'bob@pbs!ci' });
    const list = await asRoot('GET', '/access/users/bob@pbs/token');
    expect(list.json!.data).toEqual([{ 'token-name': 'ci', tokenid: 'bob@pbs!ci' }]);
    expect(status(await asRoot('POST', '/access/users/bob@pbs/token/ci'))).toEqual([
      400,
      "token 'ci' for user 'bob@pbs' already exists.",
    ]);
  });

  it('lets a user manage its own tokens, but never a token act as its user', async () => {
    await newUser('bob@pbs');
    const bob = await login('bob@pbs', 'secret1');
    const mine = await call('POST', '/access/users/bob@pbs/token/mine', { session: bob, form: { comment: 'own' } });
    expect(mine.status).toBe(200);
    const value = (mine.json!.data as { value: string }).value;
    const asToken = { Authorization: `PBSAPIToken=bob@pbs!mine:${value}` };
    const tokenMakesToken = await call('POST', '/access/users/bob@pbs/token/other', { headers: asToken });
    expect(status(tokenMakesToken)).toEqual([403, 'permission check failed']);
    const foreign = await call('POST', '/access/users/audit@pbs/token/x1', { session: bob });
    expect(status(foreign)).toEqual([403, 'permission check failed']);
  });

  it('disables, then deletes a token; its secret stops working', async () => {
    await newUser('bob@pbs');
    const header = await newToken('bob@pbs', 'ci');
    expect(status(await asRoot('PUT', '/access/users/bob@pbs/token/ci', { enable: '0', comment: 'off' }))).toEqual([
      200,
      'ok',
    ]);
    expect((await asRoot('GET', '/access/users/bob@pbs/token/ci')).json!.data).toEqual({
      tokenid: 'bob@pbs!ci',
      enable: false,
      comment: 'off',
    });
    expect((await call('GET', '/version', { headers: { Authorization: header } })).status).toBe(401);
    expect(status(await asRoot('DELETE', '/access/users/bob@pbs/token/ci'))).toEqual([200, 'ok']);
    expect(status(await asRoot('DELETE', '/access/users/bob@pbs/token/ci'))).toEqual([
      400,
      "token 'ci' of user 'bob@pbs' does not exist.",
    ]);
    expect(status(await asRoot('GET', '/access/users/bob@pbs/token/ci'))).toEqual([400, "no such token 'bob@pbs!ci'"]);
  });
});

describe('ACL', () => {
  it('adds entries that propagate by default and grant their privileges', async () => {
    await newUser('bob@pbs');
    const put = await asRoot('PUT', '/access/acl', {
      path: '/datastore/store1',
      role: 'DatastoreReader',
      'auth-id': 'bob@pbs',
    });
    expect(status(put)).toEqual([200, 'ok']);
    const acl = await asRoot('GET', '/access/acl?path=/datastore/store1&exact=1');
    expect(acl.json!.data).toEqual([
      { path: '/datastore/store1', ugid: 'bob@pbs', ugid_type: 'user', propagate: true, roleid: 'DatastoreReader' },
    ]);
    const perms = await call('GET', '/access/permissions?path=/datastore/store1/ns1', {
      session: await login('bob@pbs', 'secret1'),
    });
    expect(perms.json!.data).toEqual({
      '/datastore/store1/ns1': { 'Datastore.Audit': true, 'Datastore.Read': true, 'Datastore.Verify': true },
    });
  });

  it('refuses groups, bad paths, unknown roles and unknown ids with PBS texts', async () => {
    const put = (form: Record<string, string>) => asRoot('PUT', '/access/acl', form).then(status);
    expect(await put({ path: '/', role: 'Audit', group: 'admins' })).toEqual([
      400,
      "parameter 'group' - groups are currently not supported.",
    ]);
    expect(await put({ path: '/', role: 'Audit' })).toEqual([400, "missing 'userid' or 'group' parameter."]);
    expect(await put({ path: '/bogus', role: 'Audit', 'auth-id': 'audit@pbs' })).toEqual([
      400,
      "invalid acl path '/bogus'.",
    ]);
    expect(await put({ path: '/system/tasks/x', role: 'Audit', 'auth-id': 'audit@pbs' })).toEqual([
      400,
      "invalid acl path '/system/tasks/x'.",
    ]);
    expect(await put({ path: '/', role: 'Superuser', 'auth-id': 'audit@pbs' })).toEqual([
      400,
      "parameter verification failed - 'role': value 'Superuser' is not defined in the enumeration.",
    ]);
    expect(await put({ path: '/', role: 'Audit', 'auth-id': 'ghost@pbs' })).toEqual([400, 'no such user.']);
    expect(await put({ path: '/', role: 'Audit', 'auth-id': 'audit@pbs!ghost' })).toEqual([400, 'no such API token.']);
    // removing an entry of an id that does not exist is allowed
    expect(await put({ path: '/', role: 'Audit', 'auth-id': 'ghost@pbs', delete: '1' })).toEqual([200, 'ok']);
  });

  it('lets an unprivileged user set entries for its own tokens only', async () => {
    await newUser('bob@pbs');
    await asRoot('PUT', '/access/acl', { path: '/datastore/store1', role: 'DatastoreAdmin', 'auth-id': 'bob@pbs' });
    const header = await newToken('bob@pbs', 'ci');
    const bob = await login('bob@pbs', 'secret1');
    const put = (form: Record<string, string>, opts: { headers?: Record<string, string> } = {}) =>
      call('PUT', '/access/acl', { session: opts.headers ? undefined : bob, form, ...opts }).then(status);
    const entry = { path: '/datastore/store1', role: 'DatastoreReader' };
    expect(await put({ ...entry, 'auth-id': 'bob@pbs!ci' })).toEqual([200, 'ok']);
    expect(await put({ ...entry, 'auth-id': 'bob@pbs' })).toEqual([
      400,
      'Unprivileged users can only set ACL items for API tokens.',
    ]);
    expect(await put({ ...entry, 'auth-id': 'audit@pbs!dashboard' })).toEqual([
      400,
      'Unprivileged users can only set ACL items for their own API tokens.',
    ]);
    expect(await put({ ...entry, group: 'ops' })).toEqual([
      400,
      'Unprivileged users are not allowed to create group ACL item.',
    ]);
    expect(await put(entry)).toEqual([400, 'Unprivileged user needs to provide auth_id to update ACL item.']);
    expect(await put({ ...entry, 'auth-id': 'bob@pbs!ci' }, { headers: { Authorization: header } })).toEqual([
      400,
      "Unprivileged API tokens can't set ACL items.",
    ]);
    // bob sees only his token's entries
    const seen = await call('GET', '/access/acl', { session: bob });
    expect(seen.json!.data).toEqual([
      { path: '/datastore/store1', ugid: 'bob@pbs!ci', ugid_type: 'user', propagate: true, roleid: 'DatastoreReader' },
    ]);
  });

  it('lets NoAccess replace the roles of an id on a path, and any other role replace NoAccess', async () => {
    await newUser('bob@pbs');
    const put = (role: string) =>
      asRoot('PUT', '/access/acl', { path: '/datastore/store1', role, 'auth-id': 'bob@pbs' });
    await put('DatastoreAudit');
    await put('DatastoreBackup');
    await put('NoAccess');
    const roles = async () =>
      ((await asRoot('GET', '/access/acl?path=/datastore/store1&exact=1')).json!.data as { roleid: string }[]).map(
        (e) => e.roleid,
      );
    expect(await roles()).toEqual(['NoAccess']);
    await put('DatastoreReader');
    expect(await roles()).toEqual(['DatastoreReader']);
  });

  it('checks the ACL digest', async () => {
    const { digest } = (await asRoot('GET', '/access/acl')).json as { digest: string };
    await asRoot('PUT', '/access/acl', { path: '/system', role: 'Audit', 'auth-id': 'audit@pbs', digest });
    const stale = await asRoot('PUT', '/access/acl', {
      path: '/remote',
      role: 'Audit',
      'auth-id': 'audit@pbs',
      digest,
    });
    expect(status(stale)).toEqual([400, MODIFIED]);
  });
});

describe('deleting a user', () => {
  it('removes its tokens and every ACL entry of the user and its tokens', async () => {
    await newUser('bob@pbs');
    const header = await newToken('bob@pbs', 'ci');
    await asRoot('PUT', '/access/acl', { path: '/datastore/store1', role: 'DatastoreAdmin', 'auth-id': 'bob@pbs' });
    await asRoot('PUT', '/access/acl', { path: '/datastore/store1', role: 'DatastoreAudit', 'auth-id': 'bob@pbs!ci' });
    expect(status(await asRoot('DELETE', '/access/users/bob@pbs'))).toEqual([200, 'ok']);
    const acl = (await asRoot('GET', '/access/acl')).json!.data as { ugid: string }[];
    expect(acl.filter((e) => e.ugid.startsWith('bob@pbs'))).toEqual([]);
    expect((await call('GET', '/version', { headers: { Authorization: header } })).status).toBe(401);
    const users = (await asRoot('GET', '/access/users?include_tokens=1')).json!.data as { userid: string }[];
    expect(users.map((u) => u.userid)).toEqual(['root@pam', 'audit@pbs', 'totp@pbs']);
    // created again, the user starts without the old privileges
    await newUser('bob@pbs');
    const perms = await call('GET', '/access/permissions?path=/datastore/store1', {
      session: await login('bob@pbs', 'secret1'),
    });
    expect(perms.json!.data).toEqual({});
  });
});
