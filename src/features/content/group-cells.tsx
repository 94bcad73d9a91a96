import { Suspense } from 'react';
import { Box, Monitor, Server } from 'lucide-react';
import type { GroupItem } from '@/api/schemas/content';
import { Badge } from '@/components/ui/badge';
import { OtherBadge } from '@/components/ui/enum-badge';
import { FreeText } from '@/components/ui/free-text';
import { formatDateTime, formatRelative } from '@/lib/format-time';
import { isStale } from '@/lib/freshness';
import { isOneOf } from '@/lib/item-error';
import { GroupVerifySummary } from './group-verify-summary';
import { Highlight } from './highlight';
import { col } from './row-layout';
import { LazyActions } from './lazy-actions';
import { TreeIndent } from './tree-indent';
import { useTreeContext } from './tree-context';

const TYPE_ICON = { vm: Monitor, ct: Box, host: Server } as const;
const KNOWN_TYPES = ['vm', 'ct', 'host'] as const;

/** The group type's icon, or a type PBS Deck does not know as PBS wrote it. */
function TypeMark({ type }: { type: GroupItem['backup-type'] }) {
  if (!isOneOf(KNOWN_TYPES, type)) return <OtherBadge value={type} className="shrink-0" />;
  const Icon = TYPE_ICON[type];
  return <Icon aria-hidden className="size-4 shrink-0 text-accent-700 dark:text-accent-300" />;
}

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
  const last = group['last-backup'];
  const stale = isStale(last, now);
  const count = group['backup-count'];
  return (
    <>
      <div role="gridcell" className={col.name}>
        <TreeIndent level={level} expanded={expanded} />
        <TypeMark type={group['backup-type']} />
        <span className="truncate font-medium">
          <FreeText text={`${group['backup-type']}/${group['backup-id']}`}>
            {(text) => <Highlight text={text} q={q} />}
          </FreeText>
        </span>
        {stale ? (
          <Badge tone="warning" className="@4xl:hidden">
            Stale
          </Badge>
        ) : null}
      </div>
      <div role="gridcell" className={col.guest}>
        <FreeText text={group.comment ?? ''}>{(text) => <Highlight text={text} q={q} />}</FreeText>
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
          <FreeText text={group.owner ?? ''}>{(text) => <Highlight text={text} q={q} />}</FreeText>
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
