import {
  nsBreadcrumb,
  nsChildren,
  nsDepth,
  nsIsBelow,
  nsName,
  nsParent,
  nsSubtree,
  parseNs,
  snapshotPath,
} from './namespace-path';

const ALL = ['', 'lab', 'prod', 'prod/db', 'prod/db/pg', 'production'];

describe('namespace paths', () => {
  it('knows depth, parent and name', () => {
    expect([nsDepth(''), nsDepth('prod'), nsDepth('prod/db/pg')]).toEqual([0, 1, 3]);
    expect([nsParent(''), nsParent('prod'), nsParent('prod/db/pg')]).toEqual([null, '', 'prod/db']);
    expect([nsName(''), nsName('prod'), nsName('prod/db')]).toEqual(['', 'prod', 'db']);
  });

  it('tells below from a shared prefix', () => {
    expect(nsIsBelow('prod/db', 'prod')).toBe(true);
    expect(nsIsBelow('production', 'prod')).toBe(false);
    expect(nsIsBelow('prod', 'prod')).toBe(false);
    expect(nsIsBelow('lab', '')).toBe(true);
    expect(nsIsBelow('', '')).toBe(false);
  });

  it('lists direct children and whole subtrees', () => {
    expect(nsChildren(ALL, '')).toEqual(['lab', 'prod', 'production']);
    expect(nsChildren(ALL, 'prod')).toEqual(['prod/db']);
    expect(nsChildren(ALL, 'prod/db/pg')).toEqual([]);
    expect(nsSubtree(ALL, 'prod')).toEqual(['prod', 'prod/db', 'prod/db/pg']);
  });

  it('builds a breadcrumb from the root', () => {
    expect(nsBreadcrumb('')).toEqual([{ ns: '', label: 'Root' }]);
    expect(nsBreadcrumb('prod/db')).toEqual([
      { ns: '', label: 'Root' },
      { ns: 'prod', label: 'prod' },
      { ns: 'prod/db', label: 'db' },
    ]);
  });

  it('accepts only namespaces PBS accepts from the URL', () => {
    expect(parseNs(null)).toBe('');
    expect(parseNs('/prod/db/')).toBe('prod/db');
    expect(parseNs('prod/../x')).toBeNull();
    expect(parseNs('a/b/c/d/e/f/g')).toBe('a/b/c/d/e/f/g');
    expect(parseNs('a/b/c/d/e/f/g/h')).toBeNull();
    expect(parseNs('-x')).toBeNull();
  });

  it('writes snapshot paths as PBS does', () => {
    expect(snapshotPath('', 'vm', '100', 1704067200)).toBe('vm/100/2024-01-01T00:00:00Z');
    expect(snapshotPath('a/b', 'ct', '110', 1704067200)).toBe('ns/a/ns/b/ct/110/2024-01-01T00:00:00Z');
  });
});
