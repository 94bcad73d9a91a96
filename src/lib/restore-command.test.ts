import { describe, expect, it } from 'vitest';
import { guestRestoreHref, pveVolid, restoreCommand, restoreParams } from './restore-command';

const VM = 'pbs-store1:backup/vm/100/2024-01-01T00:00:00Z';
const CT = 'pbs-store1:backup/ct/110/2024-01-01T00:00:00Z';

describe('pveVolid', () => {
  it('names VM and CT snapshots as a PBS storage lists them, without the namespace', () => {
    expect(pveVolid('pbs1', 'vm', '100', 1704067200)).toBe('pbs1:backup/vm/100/2024-01-01T00:00:00Z');
    expect(pveVolid('pbs1', 'ct', '110', 1704067201)).toBe('pbs1:backup/ct/110/2024-01-01T00:00:01Z');
  });
  it('has none for host backups and non-numeric ids, which PVE does not list', () => {
    expect(pveVolid('pbs1', 'host', 'pve1', 1704067200)).toBeNull();
    expect(pveVolid('pbs1', 'vm', 'web', 1704067200)).toBeNull();
  });
});

describe('restoreCommand, VM', () => {
  it('is qmrestore <archive> <vmid> with nothing else by default', () => {
    expect(restoreCommand('vm', VM, { vmid: 106 })).toBe(`qmrestore ${VM} 106`);
  });
  it('adds every option with its PVE name', () => {
    expect(
      restoreCommand('vm', VM, {
        vmid: 100,
        storage: 'local-lvm',
        unique: true,
        bwlimit: 51200,
        pool: 'prod',
        force: true,
        start: true,
      }),
    ).toBe(`qmrestore ${VM} 100 --storage local-lvm --unique 1 --bwlimit 51200 --pool prod --force 1 && qm start 100`);
  });
  it('adds no start after a live restore, which starts the VM itself', () => {
    expect(restoreCommand('vm', VM, { vmid: 106, liveRestore: true, start: true })).toBe(
      `qmrestore ${VM} 106 --live-restore 1`,
    );
  });
  it('quotes what the shell would split', () => {
    expect(restoreCommand('vm', VM, { vmid: 106, pool: "o'dd pool" })).toBe(
      `qmrestore ${VM} 106 --pool 'o'\\''dd pool'`,
    );
  });
});

describe('restoreCommand, CT', () => {
  it('is pct restore <vmid> <ostemplate>', () => {
    expect(restoreCommand('ct', CT, { vmid: 120 })).toBe(`pct restore 120 ${CT}`);
  });
  it('adds every option a container restore takes', () => {
    expect(
      restoreCommand('ct', CT, {
        vmid: 110,
        storage: 'vmdata',
        unique: true,
        bwlimit: 1024,
        pool: 'lab',
        force: true,
        start: true,
      }),
    ).toBe(`pct restore 110 ${CT} --storage vmdata --unique 1 --bwlimit 1024 --pool lab --force 1 && pct start 110`);
  });
  it('never sends live-restore, which pct does not have', () => {
    expect(restoreCommand('ct', CT, { vmid: 120, liveRestore: true, start: true })).toBe(
      `pct restore 120 ${CT} && pct start 120`,
    );
    expect(restoreParams('ct', CT, { vmid: 120, liveRestore: true })).not.toHaveProperty('live-restore');
  });
});

describe('restoreParams', () => {
  it('posts archive for a VM and ostemplate with restore=1 for a CT', () => {
    expect(restoreParams('vm', VM, { vmid: 106, unique: true, liveRestore: true, bwlimit: 0 })).toEqual({
      vmid: '106',
      archive: VM,
      unique: '1',
      'live-restore': '1',
      bwlimit: '0',
    });
    expect(restoreParams('ct', CT, { vmid: 120, storage: 'local-lvm', force: true, start: true })).toEqual({
      vmid: '120',
      ostemplate: CT,
      restore: '1',
      storage: 'local-lvm',
      force: '1',
      start: '1',
    });
  });
});

describe('guestRestoreHref', () => {
  it('carries the snapshot in the query, the namespace only when there is one', () => {
    expect(guestRestoreHref('store1', 'prod/db', 'vm', '300', 1704067200)).toBe(
      '/datastores/store1/restore?ns=prod%2Fdb&type=vm&id=300&time=1704067200',
    );
    expect(guestRestoreHref('store1', '', 'ct', '110', 5)).toBe('/datastores/store1/restore?type=ct&id=110&time=5');
  });
});
