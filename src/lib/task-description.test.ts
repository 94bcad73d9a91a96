import { describeTask, namespaceFromPath } from './task-description';

describe('describeTask', () => {
  it.each([
    ['garbage_collection', 'store2', 'Garbage collection on store2'],
    ['verify', 'store1', 'Verify datastore store1'],
    ['verify', 'store1:ns/dev/ns/web', 'Verify datastore store1 in namespace dev/web'],
    ['verify_group', 'store1:/vm/100', 'Verify group store1:vm/100'],
    ['verify_group', 'store1:ns/dev/ct/104', 'Verify group store1:ct/104 in namespace dev'],
    ['verify_snapshot', 'store1:/vm/100/6661A3F0', 'Verify snapshot store1:vm/100/2024-06-06T11:56:32Z'],
    ['verificationjob', 'store1:v-1a2b3c4d-5e6f', 'Verification job store1:v-1a2b3c4d-5e6f'],
    ['backup', 'store1:vm/100', 'Backup store1:vm/100'],
    ['reader', 'main:host/gt/6661A3F0', 'Read main:host/gt/2024-06-06T11:56:32Z'],
    ['prune', 'main::ct/104', 'Prune main:ct/104'],
    ['prune', 'main:dev/web:vm/100', 'Prune main:vm/100 in namespace dev/web'],
    ['prune', 'main:', 'Prune datastore main'],
    ['prune', 'main:dev', 'Prune datastore main in namespace dev'],
    ['prunejob', 'main', 'Prune job on main'],
    ['prunejob', 'main:dev', 'Prune job on main in namespace dev'],
    ['syncjob', 'remote1:pool:main::s-1234', 'Sync job s-1234: remote1:pool to main'],
    ['syncjob', '-:main:archive:old:s-9', 'Sync job s-9: local datastore main to archive in namespace old'],
    ['create-datastore', 'store3', 'Create datastore store3'],
    ['acme-register', 'default', 'Register ACME account default'],
    ['load-media', 'lto1:tape0001', 'Load media tape0001 in drive lto1'],
    ['eject-media', 'lto1', 'Eject media from drive lto1'],
  ])('%s %s → %s', (type, id, text) => {
    expect(describeTask(type, id)).toBe(text);
  });

  it('describes tasks without a worker id', () => {
    expect(describeTask('aptupdate', null)).toBe('Update package database');
    expect(describeTask('logrotate', null)).toBe('Log rotation');
  });

  it('falls back to type and id for unknown types or layouts', () => {
    expect(describeTask('frobnicate', 'x:y')).toBe('frobnicate x:y');
    expect(describeTask('frobnicate', null)).toBe('frobnicate');
    expect(describeTask('verify_snapshot', 'nonsense')).toBe('verify_snapshot nonsense');
  });

  it('reads the task rows of a real PBS (restoreguard sample)', () => {
    expect(describeTask('verificationjob', 'main:verify-main')).toBe('Verification job main:verify-main');
    expect(describeTask('prune', 'main::ct/103')).toBe('Prune main:ct/103');
  });
});

describe('namespaceFromPath', () => {
  it('drops the ns/ components', () => {
    expect(namespaceFromPath('ns/a/ns/b')).toBe('a/b');
    expect(namespaceFromPath('ns/ns')).toBe('ns');
    expect(namespaceFromPath('')).toBe('');
  });
});
