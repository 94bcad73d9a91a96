import { Bytes } from '@/components/ui/bytes';
import { Unknown } from '@/components/ui/figure';
import { UsageBar } from '@/components/ui/usage-bar';
import { usageLevel, usageRatio } from '@/lib/usage';
import type { UsageEntry } from './api';

/** "<used> of <total>", what is left, and the bar; each figure the server left out says so. */
export function UsageBlock({ entry }: { entry: UsageEntry }) {
  const { used, avail, total } = entry;
  const ratio = usageRatio({ used, avail, total });
  return (
    <div className="space-y-1.5">
      <p className="text-sm">
        {used !== undefined ? <Bytes value={used} /> : <Unknown />} used of{' '}
        {total !== undefined ? <Bytes value={total} /> : <Unknown />}
      </p>
      {ratio !== null ? (
        <UsageBar ratio={ratio} level={usageLevel(ratio)} label={`Usage of ${entry.store}`} />
      ) : (
        <p className="text-sm">
          Usage: <Unknown />
        </p>
      )}
      <p className="text-xs text-neutral-600 dark:text-neutral-400">
        {avail !== undefined ? <Bytes value={avail} /> : <Unknown />} available
      </p>
    </div>
  );
}
