import { treeKeyAction } from './tree-keys';
import { flattenTree, groupKey, snapshotKey } from './tree-rows';
import { group, NOW, snapshot } from './tree-fixtures';

const g = group('vm', '100');
const key = groupKey('', 'vm', '100');
const rows = flattenTree({
  ns: '',
  namespaces: ['', 'prod'],
  groups: new Map([['', [g, group('ct', '110')]]]),
  snapshots: new Map([[key, [snapshot(g, 1), snapshot(g, 2)]]]),
  facts: new Map(),
  expanded: new Set([key]),
  q: '',
  matcher: null,
});
// prod, vm/100 (open), its two snapshots, ct/110
const at = (k: string) => rows.findIndex((r) => r.key === k);

describe('treegrid keys', () => {
  it('moves up, down, home, end within bounds', () => {
    expect(treeKeyAction('ArrowDown', rows, 0)).toEqual({ type: 'focus', index: 1 });
    expect(treeKeyAction('ArrowUp', rows, 0)).toEqual({ type: 'focus', index: 0 });
    expect(treeKeyAction('End', rows, 1)).toEqual({ type: 'focus', index: rows.length - 1 });
    expect(treeKeyAction('Home', rows, 3)).toEqual({ type: 'focus', index: 0 });
    expect(treeKeyAction('PageDown', rows, 0)).toEqual({ type: 'focus', index: rows.length - 1 });
  });

  it('expands a closed row, enters an open one, and does nothing on a leaf', () => {
    expect(treeKeyAction('ArrowRight', rows, 0)).toMatchObject({ type: 'expand', row: { key: 'n:prod' } });
    expect(treeKeyAction('ArrowRight', rows, at(key))).toEqual({ type: 'focus', index: at(key) + 1 });
    const snap = at(snapshotKey('', 'vm', '100', NOW - 86400));
    expect(treeKeyAction('ArrowRight', rows, snap)).toMatchObject({ type: 'expand' });
  });

  it('collapses an open row and otherwise goes to the parent', () => {
    expect(treeKeyAction('ArrowLeft', rows, at(key))).toMatchObject({ type: 'collapse', row: { key } });
    expect(treeKeyAction('ArrowLeft', rows, at(key) + 2)).toEqual({ type: 'focus', index: at(key) });
    expect(treeKeyAction('ArrowLeft', rows, 0)).toBeNull();
  });

  it('opens a snapshot with Enter and selects it with Space, but not a group', () => {
    expect(treeKeyAction('Enter', rows, at(key) + 1)).toMatchObject({ type: 'open' });
    expect(treeKeyAction(' ', rows, at(key) + 1)).toMatchObject({ type: 'select' });
    expect(treeKeyAction(' ', rows, at(key))).toBeNull();
    expect(treeKeyAction('Enter', rows, at(key))).toMatchObject({ type: 'collapse' });
  });
});
