import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { CatalogEntry } from '@/api/schemas/restore';
import { catalogKeyPrefix, isCatalogKey, type ArchiveRef } from './api';
import { toFileEntry, type FileEntry } from './entry';

/**
 * Every entry of the archive's directories listed so far (by the tree, the table or the search
 * loader), read from the query cache and refreshed as more directories arrive.
 */
export function useLoadedEntries(archive: ArchiveRef, enabled: boolean): { entries: FileEntry[]; dirs: number } {
  const client = useQueryClient();
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!enabled) return undefined;
    return client.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'success' && isCatalogKey(event.query.queryKey))
        setVersion((v) => v + 1);
    });
  }, [client, enabled]);
  const key = JSON.stringify(archive);
  return useMemo(() => {
    if (!enabled) return { entries: [], dirs: 0 };
    const loaded = client.getQueriesData<CatalogEntry[]>({ queryKey: catalogKeyPrefix(archive) });
    const entries: FileEntry[] = [];
    let dirs = 0;
    for (const [, data] of loaded) {
      if (!data) continue;
      dirs++;
      for (const e of data) entries.push(toFileEntry(e));
    }
    return { entries, dirs };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for `archive`; `version` marks new data
  }, [client, key, enabled, version]);
}
