import { HardDriveDownload, Wrench } from 'lucide-react';
import type { DatastoreListItem } from '@/api/schemas/datastore';
import { Badge } from '@/components/ui/badge';
import { describeMaintenance } from './maintenance';

/** Maintenance mode and mount state of a datastore, in words and with an icon. */
export function StoreMarks({ info }: { info: DatastoreListItem | undefined }) {
  const maintenance = describeMaintenance(info?.maintenance);
  return (
    <>
      {maintenance ? (
        <Badge tone="warning">
          <Wrench aria-hidden className="size-3" />
          {maintenance}
        </Badge>
      ) : null}
      {info?.['mount-status'] === 'notmounted' ? (
        <Badge tone="neutral">
          <HardDriveDownload aria-hidden className="size-3" />
          Not mounted
        </Badge>
      ) : null}
    </>
  );
}
