import { can } from './can';

describe('can', () => {
  it('grants what the exact path lists, propagating or not', () => {
    const perms = { '/datastore/a': { 'Datastore.Modify': false } };
    expect(can(perms, '/datastore/a', 'Datastore.Modify')).toBe(true);
    expect(can(perms, '/datastore/a', 'Datastore.Prune')).toBe(false);
  });

  it('inherits only propagating privileges from a parent', () => {
    const perms = { '/': { 'Datastore.Audit': true, 'Datastore.Modify': false } };
    expect(can(perms, '/datastore/b', 'Datastore.Audit')).toBe(true);
    expect(can(perms, '/datastore/b', 'Datastore.Modify')).toBe(false);
  });

  it('refuses without permissions', () => {
    expect(can(undefined, '/', 'Sys.Audit')).toBe(false);
    expect(can({}, '/datastore/a', 'Datastore.Audit')).toBe(false);
  });
});
