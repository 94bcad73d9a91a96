import { HardDriveDownload, Wrench } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import type { DatastoreListItem } from '@/api/schemas/datastore';

function maintenanceText(value: string): string {
  const type = /(?:^|,)type=([^,]+)/.exec(value)?.[1] ?? value;
  const message = /message="((?:[^"\\]|\\.)*)"/.exec(value)?.[1] ?? /message=([^,]*)/.exec(value)?.[1];
  return message ? `${type}: ${message.replace(/\\(.)/g, '$1')}` : type;
}

export function isUnmounted(info: DatastoreListItem | undefined, mountStatus?: string): boolean {
  return (mountStatus ?? info?.['mount-status']) === 'notmounted';
}

/** Maintenance mode and mount state, in words and with an icon. */
export function StoreMarks({ info, mountStatus }: { info: DatastoreListItem | undefined; mountStatus?: string }) {
  return (
    <>
      {info?.maintenance ? (
        <Badge tone="warning" title={`Maintenance mode ${maintenanceText(info.maintenance)}`}>
          <Wrench aria-hidden className="size-3" />
          Maintenance: {maintenanceText(info.maintenance)}
        </Badge>
      ) : null}
      {isUnmounted(info, mountStatus) ? (
        <Badge tone="neutral">
          <HardDriveDownload aria-hidden className="size-3" />
          Not mounted
        </Badge>
      ) : null}
    </>
  );
}
