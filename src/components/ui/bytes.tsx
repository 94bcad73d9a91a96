import { formatBytes, formatBytesExact } from '@/lib/format-bytes';

/** Bytes in IEC units; the exact count on hover. */
export function Bytes({ value }: { value: number }) {
  return (
    <span title={formatBytesExact(value)} className="tabular-nums">
      {formatBytes(value)}
    </span>
  );
}
