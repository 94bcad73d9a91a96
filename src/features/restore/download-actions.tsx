import { Download } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { formatBytes } from '@/lib/format-bytes';
import { isDownloadable, typeLabel, type FileEntry } from './entry';
import type { useFileDownloads } from './use-file-downloads';

interface DownloadActionsProps {
  selected: readonly FileEntry[];
  /** the directory shown (downloaded when nothing is selected) */
  dir: { path: string; name: string };
  actions: ReturnType<typeof useFileDownloads>;
  onClear: () => void;
}

const icon = <Download aria-hidden className="size-3.5" />;

/** What can be downloaded of the selection, or of the directory shown when nothing is selected. */
export function DownloadActions({ selected, dir, actions, onClear }: DownloadActionsProps) {
  const one = selected.length === 1 ? selected[0] : undefined;
  const folder = one
    ? one.type === 'd'
      ? { path: one.path, name: one.name }
      : null
    : selected.length === 0
      ? dir
      : null;
  const known = selected.reduce((sum, e) => sum + (e.type === 'd' ? 0 : (e.size ?? 0)), 0);
  return (
    <div role="toolbar" aria-label="Download" className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-neutral-700 dark:text-neutral-300">
        {selected.length === 0
          ? `Folder ${dir.name}:`
          : one
            ? `${one.name}:`
            : `${selected.length} items selected${known > 0 ? ` (files ${formatBytes(known)} plus folders)` : ''}:`}
      </span>
      {one && (one.type === 'f' || one.type === 'h') ? (
        <Button size="sm" variant="primary" onClick={() => actions.file(one)}>
          {icon} Download
        </Button>
      ) : null}
      {folder ? (
        <>
          <Button size="sm" variant="primary" onClick={() => actions.folder(folder.path, folder.name, 'zip')}>
            {icon} Download as zip
          </Button>
          <Button size="sm" onClick={() => actions.folder(folder.path, folder.name, 'tar.zst')}>
            {icon} Download as tar.zst
          </Button>
        </>
      ) : null}
      {one && !isDownloadable(one) ? (
        <span className="text-xs">
          A {typeLabel(one.type).toLowerCase()} cannot be downloaded by itself; download the folder that holds it.
        </span>
      ) : null}
      {selected.length > 1 ? (
        <Button size="sm" variant="primary" onClick={() => actions.selection(selected, dir.name)}>
          {icon} Download {selected.length} items as zip
        </Button>
      ) : null}
      {selected.length > 0 ? (
        <Button size="sm" variant="ghost" onClick={onClear}>
          Clear selection
        </Button>
      ) : null}
    </div>
  );
}
