import { Bytes } from '@/components/ui/bytes';
import { formatBytes } from '@/lib/format-bytes';
import { estimateDiskBytes } from '@/lib/space/report';
import type { DatastoreSpace } from '@/lib/space/types';
import { muted } from './space-styles';

/** Logical bytes as estimated on-disk bytes (≈, the range on hover), or "unknown" without GC figures. */
export function OnDisk({ bytes, datastore }: { bytes: number; datastore: DatastoreSpace }) {
  const estimate = estimateDiskBytes(bytes, datastore);
  if (!estimate) return <span className={muted}>unknown</span>;
  return (
    <span title={`between ${formatBytes(estimate.low)} and ${formatBytes(estimate.high)}`}>
      ≈ <Bytes value={estimate.bytes} />
    </span>
  );
}
