import { Folder, FolderOpen } from 'lucide-react';
import { FreeText } from '@/components/ui/free-text';
import { col } from './row-layout';
import { TreeIndent } from './tree-indent';

interface NsCellsProps {
  level: number;
  expanded: boolean;
  name: string;
  ns: string;
}

export function NsCells({ level, expanded, name, ns }: NsCellsProps) {
  const Icon = expanded ? FolderOpen : Folder;
  return (
    <>
      <div role="gridcell" className={col.name} title={ns}>
        <TreeIndent level={level} expanded={expanded} />
        <Icon aria-hidden className="size-4 shrink-0 text-amber-700 dark:text-amber-400" />
        <span className="truncate font-medium">
          <FreeText text={name} />
        </span>
      </div>
      <div role="gridcell" className={col.guest}>
        <span className="text-xs text-neutral-600 dark:text-neutral-400">Namespace</span>
      </div>
      <div role="gridcell" className={col.size} />
      <div role="gridcell" className={col.age} />
      <div role="gridcell" className={col.verify} />
      <div role="gridcell" className={col.encryption} />
      <div role="gridcell" className={col.owner} />
      <div role="gridcell" className={col.actions} />
    </>
  );
}
