import { explainRefusal } from './permission-errors';

describe('explainRefusal', () => {
  it("names privilege and path for PBS's bare refusal, from the request's own datastore and namespace", () => {
    expect(
      explainRefusal(403, 'permission check failed', 'DELETE', '/admin/datastore/store1/groups', {
        ns: 'a/b',
        'backup-type': 'vm',
        'backup-id': '100',
      }),
    ).toBe(
      'Not allowed: forgetting a group needs Datastore.Modify on /datastore/store1/a/b, or Datastore.Prune there and ownership of the group.',
    );
    expect(explainRefusal(403, 'permission check failed.', 'POST', '/admin/datastore/store%201/gc', undefined)).toBe(
      'Not allowed: starting garbage collection needs Datastore.Modify on /datastore/store 1.',
    );
  });

  it('checks a namespace removal on its parent and a creation on the namespace it is made in', () => {
    expect(
      explainRefusal(403, 'permission check failed', 'DELETE', '/admin/datastore/s/namespace', { ns: 'a/b' }),
    ).toBe('Not allowed: deleting a namespace needs Datastore.Modify on /datastore/s/a.');
    expect(
      explainRefusal(403, 'permission check failed', 'POST', '/admin/datastore/s/namespace', {
        parent: 'a',
        name: 'x',
      }),
    ).toBe('Not allowed: creating a namespace needs Datastore.Modify on /datastore/s/a.');
  });

  it("explains the sync run's 400 too, and names the job's path for a new job", () => {
    expect(explainRefusal(400, 'permission check failed', 'POST', '/admin/sync/s1/run', undefined)).toMatch(
      /^Not allowed: running a sync job needs Datastore.Backup on the job's datastore or namespace/,
    );
    expect(
      explainRefusal(403, 'permission check failed', 'POST', '/config/verify', { id: 'v', store: 's', ns: 'x' }),
    ).toBe('Not allowed: adding a verify job needs Datastore.Verify on /datastore/s/x.');
  });

  it("leaves PBS's text alone when it says more, and calls it has no row for", () => {
    const named = 'permission check failed - missing Datastore.Modify|Datastore.Prune on /datastore/s';
    expect(explainRefusal(403, named, 'DELETE', '/admin/datastore/s/groups', {})).toBeNull();
    expect(explainRefusal(401, 'permission check failed.', 'POST', '/access/ticket', {})).toBeNull();
    expect(explainRefusal(403, 'permission check failed', 'GET', '/nodes/localhost/status', undefined)).toBeNull();
  });
});
