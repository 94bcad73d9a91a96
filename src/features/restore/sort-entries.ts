import type { FileEntry } from './entry';

export type SortColumn = 'name' | 'size' | 'mtime' | 'type' | 'location';
export interface SortOrder {
  column: SortColumn;
  direction: 'ascending' | 'descending';
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function compare(a: FileEntry, b: FileEntry, column: SortColumn): number {
  switch (column) {
    case 'size':
      return (a.size ?? -1) - (b.size ?? -1);
    case 'mtime':
      return (a.mtime ?? -1) - (b.mtime ?? -1);
    case 'type':
      return collator.compare(a.type, b.type);
    case 'location':
      return collator.compare(a.path, b.path);
    default:
      return collator.compare(a.name, b.name);
  }
}

/** Directories first (as file managers do), then by the column; ties by name. */
export function sortEntries(entries: readonly FileEntry[], order: SortOrder): FileEntry[] {
  const sign = order.direction === 'ascending' ? 1 : -1;
  return [...entries].sort((a, b) => {
    const dirs = Number(b.type === 'd') - Number(a.type === 'd');
    if (dirs !== 0 && order.column !== 'type') return dirs;
    return sign * compare(a, b, order.column) || collator.compare(a.name, b.name);
  });
}

/** Entries whose name holds `query`, ignoring case. */
export function matchByName(entries: readonly FileEntry[], query: string): FileEntry[] {
  const q = query.trim().toLocaleLowerCase();
  return q === '' ? [...entries] : entries.filter((e) => e.name.toLocaleLowerCase().includes(q));
}
