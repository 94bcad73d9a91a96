import { useQuery } from '@tanstack/react-query';
import { ChevronRight, Folder, FolderOpen } from 'lucide-react';
import { Button, Tree, TreeItem, TreeItemContent, type Key } from 'react-aria-components';
import { restoreQueries, type ArchiveRef } from './api';
import { isDir, toFileEntry } from './entry';

interface DirTreeProps {
  archive: ArchiveRef;
  root: string;
  current: string;
  expanded: ReadonlySet<string>;
  onExpandedChange: (keys: Set<string>) => void;
  onOpen: (path: string) => void;
}

/** The directories of the archive, each listed when first expanded (one catalog call per directory). */
export function DirTree({ archive, root, current, expanded, onExpandedChange, onOpen }: DirTreeProps) {
  return (
    <Tree
      aria-label={`Directories of ${archive.archive}`}
      selectionMode="single"
      selectedKeys={[current]}
      expandedKeys={expanded}
      onExpandedChange={(keys) => onExpandedChange(new Set([...keys].map(String)))}
      onAction={(key: Key) => onOpen(String(key))}
      onSelectionChange={(keys) => {
        const [key] = keys === 'all' ? [] : [...keys];
        if (key !== undefined) onOpen(String(key));
      }}
      className="max-h-[70vh] overflow-auto rounded-md border border-neutral-200 py-1 text-sm outline-none dark:border-neutral-700"
    >
      <DirNode archive={archive} path={root} name={archive.archive} open={expanded} />
    </Tree>
  );
}

function DirNode({
  archive,
  path,
  name,
  open,
}: {
  archive: ArchiveRef;
  path: string;
  name: string;
  open: ReadonlySet<string>;
}) {
  const isOpen = open.has(path);
  const { data, isPending, error } = useQuery({ ...restoreQueries.catalog(archive, path), enabled: isOpen });
  const dirs = (data ?? []).map(toFileEntry).filter(isDir);
  return (
    <TreeItem
      id={path}
      textValue={name}
      hasChildItems={!data || dirs.length > 0}
      className="group cursor-default outline-none data-[focus-visible]:outline-2 data-[focus-visible]:outline-accent-600 data-[selected]:bg-accent-100 dark:data-[selected]:bg-accent-900/50"
    >
      <TreeItemContent>
        {({ isExpanded, hasChildItems, level }) => (
          <div
            className="flex items-center gap-1 py-0.5 pr-2"
            style={{ paddingLeft: `${(level - 1) * 0.9 + 0.25}rem` }}
          >
            {hasChildItems ? (
              <Button
                slot="chevron"
                aria-label={isExpanded ? `Collapse ${name}` : `Expand ${name}`}
                className="rounded p-0.5 outline-none hover:bg-neutral-200 dark:hover:bg-neutral-700"
              >
                <ChevronRight
                  aria-hidden
                  className={`size-3.5 transition-transform ${isExpanded ? 'rotate-90' : ''}`}
                />
              </Button>
            ) : (
              <span className="w-4.5" />
            )}
            {isExpanded ? (
              <FolderOpen aria-hidden className="size-4 shrink-0 text-amber-600" />
            ) : (
              <Folder aria-hidden className="size-4 shrink-0 text-amber-600" />
            )}
            <span className="truncate">{name}</span>
            {isOpen && isPending ? <span className="text-xs text-neutral-500">loading…</span> : null}
            {isOpen && error ? <span className="text-xs text-red-700 dark:text-red-300">cannot list</span> : null}
          </div>
        )}
      </TreeItemContent>
      {isOpen
        ? dirs.map((d) => <DirNode key={d.path} archive={archive} path={d.path} name={d.name} open={open} />)
        : null}
    </TreeItem>
  );
}
