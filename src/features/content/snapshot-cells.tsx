import { Suspense } from 'react';
import { Check, ShieldCheck } from 'lucide-react';
import type { SnapshotItem } from '@/api/schemas/content';
import { Bytes } from '@/components/ui/bytes';
import { cn } from '@/components/ui/cn';
import { FreeText } from '@/components/ui/free-text';
import { Time } from '@/components/ui/time';
import { encryptionOf } from './encryption';
import { EncryptionLabel } from './encryption-label';
import { col } from './row-layout';
import { LazyActions } from './lazy-actions';
import { snapshotVerify, verifiedAt } from './snapshot-facts';
import { TreeIndent } from './tree-indent';
import { useTreeContext } from './tree-context';
import { VerifyBadge } from './verify-badge';

interface SnapshotCellsProps {
  rowKey: string;
  level: number;
  expanded: boolean;
  ns: string;
  snapshot: SnapshotItem;
}

export function SnapshotCells({ rowKey, level, expanded, ns, snapshot }: SnapshotCellsProps) {
  const { store, permissions, now, isSelected } = useTreeContext();
  const selected = isSelected(rowKey);
  return (
    <>
      <div role="gridcell" className={col.name}>
        <TreeIndent level={level} expanded={expanded} />
        {/* the row carries aria-selected; a click on this box toggles it (handled by the tree) */}
        <span
          aria-hidden
          data-select-toggle
          className={cn(
            'flex size-4 shrink-0 cursor-pointer items-center justify-center rounded-sm border',
            selected
              ? 'border-accent-700 bg-accent-700 text-white dark:border-accent-400 dark:bg-accent-400 dark:text-neutral-950'
              : 'border-neutral-400 dark:border-neutral-500',
          )}
        >
          {selected ? <Check className="size-3" /> : null}
        </span>
        <span className="truncate text-xs @lg:text-sm">
          <Time epoch={snapshot['backup-time']} />
        </span>
        {snapshot.protected ? (
          <span
            title="Protected: prune and forget leave it alone"
            className="shrink-0 text-accent-700 dark:text-accent-300"
          >
            <ShieldCheck aria-hidden className="size-4" />
            <span className="sr-only">Protected</span>
          </span>
        ) : null}
      </div>
      <div role="gridcell" className={cn(col.guest, 'text-xs text-neutral-700 dark:text-neutral-300')}>
        <FreeText text={snapshot.comment ?? ''} />
      </div>
      <div role="gridcell" className={col.size}>
        {snapshot.size !== undefined ? <Bytes value={snapshot.size} /> : <span className="text-xs">unfinished</span>}
      </div>
      <div role="gridcell" className={col.age} />
      <div role="gridcell" className={col.verify}>
        <VerifyBadge
          state={snapshotVerify(snapshot, now)}
          at={verifiedAt(snapshot)}
          raw={snapshot.verification?.state}
        />
      </div>
      <div role="gridcell" className={col.encryption}>
        <EncryptionLabel
          encryption={encryptionOf(snapshot.files)}
          fingerprint={snapshot.fingerprint}
          files={snapshot.files}
        />
      </div>
      <div role="gridcell" className={col.owner} />
      <div role="gridcell" className={col.actions}>
        <Suspense fallback={null}>
          <LazyActions.SnapshotActions store={store} ns={ns} permissions={permissions} snapshot={snapshot} />
        </Suspense>
      </div>
    </>
  );
}
