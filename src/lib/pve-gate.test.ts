// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  checkPveRequest,
  checkRestoreForm,
  pbsConsent,
  tokenRestoreAllowed,
  tokenServes,
  type RestoreSource,
  type TokenRules,
} from './pve-gate';

const P = '/pve-api/api2/json';
const upid = encodeURIComponent('UPID:pve1:0001E240:0ABCDEF0:65A1B2C3:qmrestore:106:root@pam!deck:');
const map = new Map([['pbs-prod', { store: 'store1', ns: 'prod' }]]);
const volid = 'pbs-prod:backup/vm/200/2024-01-01T00:00:00Z';

describe('the /pve-api/ allowlist', () => {
  it.each([
    ['GET', `${P}/nodes`],
    ['GET', `${P}/nodes/pve1/storage?content=images&enabled=1`],
    ['GET', `${P}/nodes/pve1/storage/pbs-store1/content?content=backup&vmid=100`],
    ['GET', `${P}/cluster/nextid`],
    ['GET', `${P}/cluster/resources?type=vm`],
    ['POST', `${P}/nodes/pve1/qemu`],
    ['POST', `${P}/nodes/pve1/lxc`],
    ['GET', `${P}/nodes/pve1/tasks/${upid}/status`],
    ['GET', `${P}/nodes/pve1/tasks/${upid}/log?start=0&limit=0`],
  ])('lets %s %s through', (method, target) => {
    expect(checkPveRequest(method, target).ok).toBe(true);
  });

  it.each([
    ['GET', `${P}/access/users`, 403],
    ['POST', `${P}/nodes/pve1/qemu/100/config`, 403],
    ['DELETE', `${P}/nodes/pve1/qemu`, 405],
    ['GET', `${P}/nodes/pve1/storage?target=x`, 403],
    ['GET', `${P}/nodes/pve1/../../access/users`, 404],
    ['GET', `${P}/nodes/pve1/%2e%2e/access`, 404],
    [
      'GET',
      `${P}/nodes/pve1/tasks/${encodeURIComponent('UPID:pve1:0001E240:0ABCDEF0:65A1B2C3:vncproxy:106:root@pam:')}/log`,
      403,
    ],
  ])('refuses %s %s with %i', (method, target, status) => {
    expect(checkPveRequest(method, target)).toMatchObject({ ok: false, status });
  });
});

describe('the restore form', () => {
  it('reads the snapshot and its namespace path from the mapped storage', () => {
    expect(checkRestoreForm(new URLSearchParams({ vmid: '106', archive: volid }), map)).toEqual({
      storage: 'pbs-prod',
      store: 'store1',
      ns: 'prod',
      type: 'vm',
      id: '200',
      aclPath: '/datastore/store1/prod',
    });
  });
  it('refuses other fields and unmapped storages', () => {
    expect(checkRestoreForm(new URLSearchParams({ archive: volid, hookscript: 'x' }), map)).toMatchObject({
      status: 403,
      message: "parameter 'hookscript' is not forwarded: this deck only restores",
    });
    expect(checkRestoreForm(new URLSearchParams({ archive: 'local:backup/vzdump.vma' }), map)).toMatchObject({
      status: 403,
      message: 'the backup must be on a storage in PVE_STORAGE_MAP',
    });
  });
});

describe("PBS's consent", () => {
  const source = checkRestoreForm(new URLSearchParams({ archive: volid }), map) as RestoreSource;
  it('is Datastore.Read on the namespace path', () => {
    expect(pbsConsent({ authId: 'reader@pbs', source, privs: { 'Datastore.Read': true }, owner: null }).ok).toBe(true);
  });
  it('or Datastore.Backup as the owner, or as the user of the owning token (check_backup_owner)', () => {
    const backup = { 'Datastore.Backup': true };
    expect(pbsConsent({ authId: 'bk@pbs', source, privs: backup, owner: 'bk@pbs' }).ok).toBe(true);
    expect(pbsConsent({ authId: 'bk@pbs', source, privs: backup, owner: 'bk@pbs!job' }).ok).toBe(true);
    expect(pbsConsent({ authId: 'bk@pbs', source, privs: backup, owner: 'other@pbs' })).toMatchObject({
      status: 403,
      message:
        'a restore needs Datastore.Read on /datastore/store1/prod, or Datastore.Backup there as the owner of vm/200 (PBS: bk@pbs does not own it)',
    });
  });
  it('is never Datastore.Audit alone', () => {
    expect(
      pbsConsent({ authId: 'audit@pbs', source, privs: { 'Datastore.Audit': true }, owner: 'audit@pbs' }),
    ).toMatchObject({ ok: false, status: 403 });
  });
});

describe('token mode', () => {
  const rules: TokenRules = {
    tokenId: 'deck@pve!restore',
    users: ['kiosk@pbs'],
    allowOverwrite: false,
    allowStart: false,
    targetStorages: ['local-lvm'],
    pools: ['lab'],
  };
  const form = (extra: Record<string, string>) =>
    new URLSearchParams({ vmid: '150', archive: volid, storage: 'local-lvm', ...extra });

  it('serves only the PBS users in PVE_TOKEN_USERS', () => {
    expect(tokenServes(rules, 'kiosk@pbs').ok).toBe(true);
    expect(tokenServes(rules, 'reader@pbs')).toMatchObject({
      ok: false,
      message: expect.stringContaining('PVE_TOKEN_USERS'),
    });
  });
  it.each([
    [{ force: '1' }, 'PVE_ALLOW_OVERWRITE'],
    [{ start: '1' }, 'PVE_ALLOW_START'],
    [{ 'live-restore': '1' }, 'PVE_ALLOW_START'],
    [{ storage: 'vmdata' }, 'PVE_TARGET_STORAGES'],
    [{ storage: '' }, 'PVE_TARGET_STORAGES'],
    [{ pool: 'prod' }, 'PVE_POOLS'],
  ])('refuses %o, naming %s', (extra, variable) => {
    const r = tokenRestoreAllowed(rules, form(extra));
    expect(r).toMatchObject({ ok: false, status: 403 });
    if (!r.ok) expect(r.message).toContain(variable);
  });
  it('allows what the settings allow', () => {
    expect(tokenRestoreAllowed(rules, form({ pool: 'lab', force: '0' })).ok).toBe(true);
    expect(
      tokenRestoreAllowed({ ...rules, allowOverwrite: true, allowStart: true }, form({ force: '1', start: '1' })).ok,
    ).toBe(true);
  });
});
