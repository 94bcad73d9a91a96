import { describe, expect, it } from 'vitest';
import { parseStorageMap, StorageMapError, storageFor } from './pve-storage-map';

describe('parseStorageMap', () => {
  it('reads storages with and without a namespace', () => {
    expect(parseStorageMap('pbs1=store1/prod/db, pbs2=store2')).toEqual([
      { storage: 'pbs1', store: 'store1', ns: 'prod/db' },
      { storage: 'pbs2', store: 'store2', ns: '' },
    ]);
    expect(parseStorageMap('')).toEqual([]);
  });
  it.each([
    ['pbs1', "expected 'pvestorage=datastore[/namespace]', got 'pbs1'"],
    ['pbs1=store1,,pbs2=x', "expected 'pvestorage=datastore[/namespace]', got ''"],
    ['1pbs=store1', "'1pbs' is not a Proxmox VE storage id"],
    ['pbs1=', "'' in 'pbs1=' is not a PBS datastore name"],
    ['pbs1=store1/a b', "'a b' in 'pbs1=store1/a b' is not a PBS namespace"],
    ['pbs1=store1/a//b', 'is not a PBS namespace'],
    ['pbs1=store1,pbs1=store2', "storage 'pbs1' is mapped twice"],
  ])('refuses %s', (input, message) => {
    expect(() => parseStorageMap(input)).toThrow(StorageMapError);
    expect(() => parseStorageMap(input)).toThrow(message);
  });
});

describe('storageFor', () => {
  const map = parseStorageMap('pbs-root=store1,pbs-prod=store1/prod,pbs-off=offsite');
  it('finds the storage of exactly that namespace', () => {
    expect(storageFor(map, 'store1', '')).toBe('pbs-root');
    expect(storageFor(map, 'store1', 'prod')).toBe('pbs-prod');
    expect(storageFor(map, 'offsite', '')).toBe('pbs-off');
  });
  it('has none for a namespace below a mapped one, which PVE does not list', () => {
    expect(storageFor(map, 'store1', 'prod/db')).toBeNull();
    expect(storageFor(map, 'archive', '')).toBeNull();
  });
});
