// What a key press on a focused row of the treegrid does (WAI-ARIA treegrid pattern, row focus).
import type { TreeRow } from './tree-rows';

export type TreeAction =
  | { type: 'focus'; index: number }
  | { type: 'expand'; row: TreeRow }
  | { type: 'collapse'; row: TreeRow }
  | { type: 'open'; row: TreeRow }
  | { type: 'select'; row: TreeRow };

const PAGE = 10;

export function treeKeyAction(key: string, rows: readonly TreeRow[], index: number): TreeAction | null {
  const row = rows[index];
  if (!row) return rows.length > 0 ? { type: 'focus', index: 0 } : null;
  const last = rows.length - 1;
  switch (key) {
    case 'ArrowDown':
      return { type: 'focus', index: Math.min(last, index + 1) };
    case 'ArrowUp':
      return { type: 'focus', index: Math.max(0, index - 1) };
    case 'PageDown':
      return { type: 'focus', index: Math.min(last, index + PAGE) };
    case 'PageUp':
      return { type: 'focus', index: Math.max(0, index - PAGE) };
    case 'Home':
      return { type: 'focus', index: 0 };
    case 'End':
      return { type: 'focus', index: last };
    case 'ArrowRight':
      if (row.expanded === false) return { type: 'expand', row };
      if (row.expanded && rows[index + 1]?.parentKey === row.key) return { type: 'focus', index: index + 1 };
      return null;
    case 'ArrowLeft': {
      if (row.expanded) return { type: 'collapse', row };
      if (row.parentKey === null) return null;
      const parent = rows.findLastIndex((r, i) => i < index && r.key === row.parentKey);
      return parent >= 0 ? { type: 'focus', index: parent } : null;
    }
    case 'Enter':
      if (row.kind === 'snapshot' || row.kind === 'file') return { type: 'open', row };
      if (row.expanded !== undefined) return { type: row.expanded ? 'collapse' : 'expand', row };
      return null;
    case ' ':
      return row.kind === 'snapshot' ? { type: 'select', row } : null;
    default:
      return null;
  }
}
