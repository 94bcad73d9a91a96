import { Suspense } from 'react';
import { Box, Monitor, Server } from 'lucide-react';
import type { GroupItem } from '@/api/schemas/content';
import { Badge } from '@/components/ui/badge';
import { formatDateTime, formatRelative } from '@/lib/format-time';
import { isStale } from '@/lib/freshness';
import { GroupVerifySummary } from './group-verify-summary';
import { Highlight } from './highlight';
import { col } from './row-layout';
import { LazyActions } from './lazy-actions';
import { TreeIndent } from './tree-indent';
import { useTreeContext } from './tree-context';

const TYPE_ICON = { vm: Monitor, ct: Box, host: Server } as const;

interface GroupCellsProps {
  rowKey: string;
  level: number;
  expanded: boolean;
  ns: string;
  group: GroupItem;
  /** matching snapshots while a snapshot filter is set */
  matches?: number;
}

export function GroupCells({ rowKey, level, expanded, ns, group, matches }: GroupCellsProps) {
  const { store, permissions, q, now, factsOf } = useTreeContext();
  const Icon = TYPE_ICON[group['backup-type']];
  const last = group['last-backup'];
  const stale = isStale(last, now);
  const count = group['backup-count'];
  return (
    <>
      <div role="gridcell" className={col.name}>
        <TreeIndent level={level} expanded={expanded} />
        <Icon aria-hidden className="size-4 shrink-0 text-accent-700 dark:text-accent-300" />
        <span className="truncate font-medium">
          <Highlight text={`${group['backup-type']}/${group['backup-id']}`} q={q} />
        </span>
        {stale ? (
          <Badge tone="warning" className="@4xl:hidden">
            Stale
          </Badge>
        ) : null}
      </div>
      <div role="gridcell" className={col.guest}>
        <Highlight text={group.comment ?? ''} q={q} />
      </div>
      <div
        role="gridcell"
        className={col.size}
        title={matches !== undefined ? `${matches} of ${count} snapshots match` : `${count} snapshots`}
      >
        {matches !== undefined ? `${matches} of ${count}` : count}
        <span className="sr-only"> snapshots</span>
      </div>
      <div role="gridcell" className={col.age} title={`Last backup ${formatDateTime(last)}`}>
        <span className="text-xs">{formatRelative(last, now)}</span>
        {stale ? (
          <Badge tone="warning" className="ml-1">
            Stale
          </Badge>
        ) : null}
      </div>
      <div role="gridcell" className={col.verify}>
        <GroupVerifySummary facts={factsOf(rowKey)} now={now} />
      </div>
      <div role="gridcell" className={col.encryption} />
      <div role="gridcell" className={col.owner} title={group.owner}>
        <span className="text-xs">
          <Highlight text={group.owner ?? ''} q={q} />
        </span>
      </div>
      <div role="gridcell" className={col.actions}>
        <Suspense fallback={null}>
          <LazyActions.GroupActions store={store} ns={ns} permissions={permissions} group={group} />
        </Suspense>
      </div>
    </>
  );
}
