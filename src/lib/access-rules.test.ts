import { newOwnerOffer, offerOf, ownsBackup, parentNamespace, syncRunOffer } from './access-rules';

const privs = (...names: string[]) => new Set(names.map((n) => `Datastore.${n}`));
const at = '/datastore/store1/a';

describe('ownsBackup (PBS check_backup_owner)', () => {
  it("counts the user's own groups and its tokens' groups, not another user's token's", () => {
    expect(ownsBackup('ops@pbs', 'ops@pbs')).toBe(true);
    expect(ownsBackup('ops@pbs', 'ops@pbs!nightly')).toBe(true);
    expect(ownsBackup('ops@pbs', 'other@pbs!nightly')).toBe(false);
    // a prefix is not a user: opsx@pbs's token is not ops@pbs's
    expect(ownsBackup('ops@pbs', 'ops@pbsx!t')).toBe(false);
    // a token owns only what it owns itself, not its user's groups
    expect(ownsBackup('ops@pbs!nightly', 'ops@pbs')).toBe(false);
    expect(ownsBackup('ops@pbs!nightly', 'ops@pbs!nightly')).toBe(true);
    expect(ownsBackup('ops@pbs', undefined)).toBe(false);
  });
});

describe('offerOf', () => {
  it('forgets with Datastore.Modify, or with Datastore.Prune as owner, never with Datastore.Backup', () => {
    expect(offerOf('forgetGroup', { privs: privs('Modify'), path: at, authId: 'a@pbs', owner: 'b@pbs' })).toEqual({
      offered: true,
    });
    expect(offerOf('forgetGroup', { privs: privs('Prune'), path: at, authId: 'a@pbs', owner: 'a@pbs!t' }).offered).toBe(
      true,
    );
    expect(offerOf('forgetGroup', { privs: privs('Prune'), path: at, authId: 'a@pbs', owner: 'b@pbs' })).toEqual({
      offered: false,
      reason: 'Needs Datastore.Modify on /datastore/store1/a, or Datastore.Prune there and ownership of the group',
    });
    expect(
      offerOf('forgetSnapshot', { privs: privs('Backup'), path: at, authId: 'a@pbs', owner: 'a@pbs' }).offered,
    ).toBe(false);
  });

  it('edits notes and protection with Datastore.Backup as owner, not with Datastore.Prune', () => {
    for (const action of ['protect', 'snapshotNotes', 'groupNotes'] as const) {
      expect(offerOf(action, { privs: privs('Backup'), path: at, authId: 'a@pbs', owner: 'a@pbs' }).offered).toBe(true);
      expect(offerOf(action, { privs: privs('Prune'), path: at, authId: 'a@pbs', owner: 'a@pbs' }).offered).toBe(false);
    }
  });

  it('reads (downloads, restores) with Datastore.Read, or Datastore.Backup as owner; Audit is not enough', () => {
    expect(offerOf('download', { privs: privs('Read'), path: at, authId: 'a@pbs' }).offered).toBe(true);
    expect(offerOf('download', { privs: privs('Audit'), path: at, authId: 'a@pbs', owner: 'a@pbs' })).toEqual({
      offered: false,
      reason: 'Needs Datastore.Read on /datastore/store1/a, or Datastore.Backup there and ownership of the group',
    });
  });

  it('lets a token change no owner, even of its own group, while its user may (set_backup_owner)', () => {
    const input = { privs: privs('Backup'), path: at, owner: 'a@pbs!t' };
    expect(offerOf('changeOwner', { ...input, authId: 'a@pbs' }).offered).toBe(true);
    expect(offerOf('changeOwner', { ...input, authId: 'a@pbs!t' }).offered).toBe(false);
  });

  it('verifies a namespace with Datastore.Verify, or Datastore.Backup (own groups only)', () => {
    expect(offerOf('verifyNamespace', { privs: privs('Backup'), path: at, authId: 'a@pbs' }).offered).toBe(true);
    expect(offerOf('verifyNamespace', { privs: privs('Audit'), path: at, authId: 'a@pbs' }).offered).toBe(false);
  });
});

describe('syncRunOffer (PBS check_sync_job_modify_access)', () => {
  const path = '/datastore/store1';
  it('needs Backup, Prune when it removes vanished snapshots, and Modify unless the caller owns the job', () => {
    expect(syncRunOffer(privs('Backup'), path, 'a@pbs', { owner: 'a@pbs!t' }).offered).toBe(true);
    expect(syncRunOffer(privs('Backup'), path, 'a@pbs', {})).toEqual({
      offered: false,
      reason: "Needs Datastore.Modify (the job's owner is someone else) on /datastore/store1",
    });
    expect(syncRunOffer(privs('Backup', 'Modify'), path, 'a@pbs', { removeVanished: true }).offered).toBe(false);
    expect(syncRunOffer(privs('Backup', 'Prune'), path, 'root@pam', { removeVanished: true }).offered).toBe(true);
  });

  it("needs Remote.Read on the remote's datastore for a pull from a remote, and nothing there for a local one", () => {
    const job = { owner: 'a@pbs', remote: 'branch', remoteStore: 'store2' };
    expect(syncRunOffer(privs('Backup'), path, 'a@pbs', job)).toEqual({
      offered: false,
      reason: 'Needs Remote.Read on /remote/branch/store2',
    });
    expect(syncRunOffer(privs('Backup'), path, 'a@pbs', job, new Set(['Remote.Audit', 'Remote.Read'])).offered).toBe(
      true,
    );
    expect(syncRunOffer(privs('Audit'), path, 'a@pbs', job, new Set(['Remote.Audit']))).toEqual({
      offered: false,
      reason: 'Needs Datastore.Backup on /datastore/store1, and Remote.Read on /remote/branch/store2',
    });
    expect(syncRunOffer(privs('Backup'), path, 'a@pbs', { owner: 'a@pbs' }).offered).toBe(true);
  });

  it('counts a job owned by the calling token itself, as PBS does', () => {
    expect(syncRunOffer(privs('Backup'), path, 'a@pbs!t', { owner: 'a@pbs!t' }).offered).toBe(true);
    expect(syncRunOffer(privs('Backup'), path, 'a@pbs!t', { owner: 'a@pbs!u' }).offered).toBe(false);
  });
});

describe('newOwnerOffer (PBS set_backup_owner)', () => {
  const path = '/datastore/store1/lab';
  it('lets an owner without Modify hand a group only to itself or its own tokens', () => {
    const input = { privs: privs('Backup'), path, authId: 'a@pbs' };
    expect(newOwnerOffer(input, 'a@pbs!nightly').offered).toBe(true);
    expect(newOwnerOffer(input, 'a@pbs').offered).toBe(true);
    expect(newOwnerOffer(input, 'root@pam')).toEqual({
      offered: false,
      reason:
        'Handing the group to someone else needs Datastore.Modify on /datastore/store1/lab; you may hand it to a@pbs or its API tokens',
    });
    expect(newOwnerOffer(input, 'b@pbs!nightly').offered).toBe(false);
    expect(newOwnerOffer({ ...input, privs: privs('Modify') }, 'root@pam').offered).toBe(true);
  });
});

it('finds the parent namespace', () => {
  expect(parentNamespace('a/b/c')).toBe('a/b');
  expect(parentNamespace('a')).toBe('');
  expect(parentNamespace('')).toBe('');
});
