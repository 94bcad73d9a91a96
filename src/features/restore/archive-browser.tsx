import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { Input } from '@/components/ui/input';
import { Skeleton } from '@/components/ui/skeleton';
import {
  archiveRoot,
  catalogAncestors,
  catalogBaseName,
  innerPath,
  outerPath,
  parentCatalogPath,
} from '@/lib/catalog-path';
import { restoreQueries, type ArchiveRef } from './api';
import { DirTree } from './dir-tree';
import { DownloadActions } from './download-actions';
import { isDir, isDownloadable, toFileEntry, type FileEntry } from './entry';
import { FileTable } from './file-table';
import { PathBreadcrumb } from './path-breadcrumb';
import { SearchStatus } from './search-status';
import { matchByName, type SortOrder } from './sort-entries';
import { useDeepSearch } from './use-deep-search';
import type { Downloads } from './use-downloads';
import { useFileDownloads } from './use-file-downloads';
import { useLoadedEntries } from './use-loaded-entries';

/** One file archive: directory tree, the table of the directory shown (in `?path=`), search and downloads. */
export function ArchiveBrowser({ archive, downloads }: { archive: ArchiveRef; downloads: Downloads }) {
  const [params, setParams] = useSearchParams();
  const root = archiveRoot(archive.archive);
  const rootName = archive.archive.replace(/\.m?pxar\.didx$/, '');
  const path = outerPath(params.get('path') ?? '/', root);
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(catalogAncestors(path, root)));
  const [selected, setSelected] = useState<Map<string, FileEntry>>(() => new Map());
  const [query, setQuery] = useState('');
  const [order, setOrder] = useState<SortOrder>({ column: 'name', direction: 'ascending' });
  const listing = useQuery(restoreQueries.catalog(archive, path));
  const loaded = useLoadedEntries(archive, query.trim() !== '');
  const deep = useDeepSearch(archive, root);
  const actions = useFileDownloads(archive, downloads);

  const here = useMemo(() => (listing.data ?? []).map(toFileEntry), [listing.data]);
  const searching = query.trim() !== '';
  const shown = useMemo(
    () => (searching ? matchByName(loaded.entries, query) : here),
    [searching, loaded.entries, query, here],
  );

  const open = (target: string) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      const inner = innerPath(target, root);
      if (inner === '/') next.delete('path');
      else next.set('path', inner);
      return next;
    });
    setExpanded((prev) => new Set([...prev, ...catalogAncestors(target, root)]));
    setQuery('');
  };
  const onRow = (e: FileEntry) => {
    if (isDir(e)) open(e.path);
    else if (isDownloadable(e)) actions.file(e);
  };
  const onSelectedChange = (keys: Set<string>) => {
    const visible = new Map(shown.map((e) => [e.path, e]));
    const next = new Map<string, FileEntry>();
    for (const k of keys) {
      const e = visible.get(k) ?? selected.get(k);
      if (e) next.set(k, e);
    }
    setSelected(next);
  };
  const onQuery = (value: string) => {
    setQuery(value);
    if (value.trim() !== '') deep.start();
  };
  const dirName = path === root ? rootName : catalogBaseName(path);
  const location = (e: FileEntry) => innerPath(parentCatalogPath(e.path, root) ?? root, root);

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-3 md:grid-cols-[minmax(12rem,18rem)_1fr]">
      <DirTree
        archive={archive}
        root={root}
        current={path}
        expanded={expanded}
        onExpandedChange={setExpanded}
        onOpen={open}
      />
      <div className="min-w-0 space-y-2">
        <PathBreadcrumb path={path} root={root} rootLabel={archive.archive} onOpen={open} />
        <Input
          type="search"
          aria-label="Search files by name"
          placeholder="Search by name (opened folders at once, deeper ones as they load)"
          value={query}
          onChange={(e) => onQuery(e.target.value)}
          className="w-full"
        />
        {searching ? (
          <SearchStatus
            state={deep.state}
            matches={shown.length}
            loadedDirs={loaded.dirs}
            onStop={deep.stop}
            onResume={deep.start}
          />
        ) : null}
        <DownloadActions
          selected={[...selected.values()]}
          dir={{ path, name: dirName }}
          actions={actions}
          onClear={() => setSelected(new Map())}
        />
        {!searching && listing.isPending ? <Skeleton className="h-48" label={`Loading ${dirName}…`} /> : null}
        {!searching && listing.error ? (
          <ErrorState
            title={path === root ? 'The file catalog of this archive cannot be read' : `Cannot list ${dirName}`}
            message={listing.error.message}
          />
        ) : null}
        {searching || listing.data ? (
          <FileTable
            label={searching ? `Files named like “${query.trim()}”` : `Contents of ${dirName}`}
            entries={shown}
            selected={new Set(selected.keys())}
            onSelectedChange={onSelectedChange}
            order={order}
            onOrderChange={setOrder}
            onOpen={onRow}
            location={searching ? location : undefined}
            empty={searching ? 'No file found so far.' : 'This folder is empty.'}
          />
        ) : null}
      </div>
    </div>
  );
}
