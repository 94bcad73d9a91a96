import { formatDateTime, formatDateTimeUtc, viewerTimeZone } from '@/lib/format-time';
import { useServerZone } from './server-zone';

/** A point in time in the viewer's zone; the server's zone and UTC on hover. */
export function Time({ epoch }: { epoch: number }) {
  const serverZone = useServerZone();
  const viewerZone = viewerTimeZone();
  const lines = [`${formatDateTime(epoch, { withZone: true })} (your time, ${viewerZone})`];
  if (serverZone && serverZone !== viewerZone)
    lines.push(`${formatDateTime(epoch, { timeZone: serverZone, withZone: true })} (server, ${serverZone})`);
  lines.push(formatDateTimeUtc(epoch));
  return (
    <time dateTime={new Date(epoch * 1000).toISOString()} title={lines.join('\n')} className="tabular-nums">
      {formatDateTime(epoch)}
    </time>
  );
}
