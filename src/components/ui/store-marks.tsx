import { HardDriveDownload, Wrench } from 'lucide-react';
import { describeMaintenance } from '@/lib/maintenance';
import { Badge } from './badge';

interface StoreMarksProps {
  /** PBS's maintenance-mode property string (`type=read-only,message="…"`), if any. */
  maintenance: string | undefined;
  /** PBS 4's `mount-status` of the datastore, if known. */
  mountStatus: string | undefined;
}

/** Maintenance mode and mount state of a datastore, in words and with an icon. */
export function StoreMarks({ maintenance, mountStatus }: StoreMarksProps) {
  const text = describeMaintenance(maintenance);
  return (
    <>
      {text ? (
        <Badge tone="warning">
          <Wrench aria-hidden className="size-3" />
          {text}
        </Badge>
      ) : null}
      {mountStatus === 'notmounted' ? (
        <Badge tone="neutral">
          <HardDriveDownload aria-hidden className="size-3" />
          Not mounted
        </Badge>
      ) : null}
    </>
  );
}
