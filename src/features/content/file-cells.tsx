import { FileText } from 'lucide-react';
import type { SnapshotFile } from '@/api/schemas/content';
import { Bytes } from '@/components/ui/bytes';
import { OtherBadge } from '@/components/ui/enum-badge';
import { FreeText } from '@/components/ui/free-text';
import { cryptModeText } from './encryption';
import { col } from './row-layout';
import { TreeIndent } from './tree-indent';

export function FileCells({ level, file }: { level: number; file: SnapshotFile }) {
  const mode = file['crypt-mode'];
  return (
    <>
      <div role="gridcell" className={col.name}>
        <TreeIndent level={level} />
        <FileText aria-hidden className="size-4 shrink-0 text-neutral-500" />
        <span className="truncate font-mono text-xs">
          <FreeText text={file.filename} />
        </span>
      </div>
      <div role="gridcell" className={col.guest} />
      <div role="gridcell" className={col.size}>
        {file.size !== undefined ? (
          <Bytes value={file.size} />
        ) : (
          <span className="text-xs text-neutral-600 dark:text-neutral-400">–</span>
        )}
      </div>
      <div role="gridcell" className={col.age} />
      <div role="gridcell" className={col.verify} />
      <div role="gridcell" className={col.encryption}>
        {mode === undefined ? (
          <span className="text-xs">–</span>
        ) : (
          <span className="text-xs">{cryptModeText(mode) ?? <OtherBadge value={mode} />}</span>
        )}
      </div>
      <div role="gridcell" className={col.owner} />
      <div role="gridcell" className={col.actions} />
    </>
  );
}
