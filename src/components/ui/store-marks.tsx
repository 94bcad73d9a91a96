import { HardDriveDownload, Wrench } from 'lucide-react';
import type { OtherText } from '@/lib/item-error';
import { describeMaintenance } from '@/lib/maintenance';
import { Badge } from './badge';
import { OtherBadge } from './enum-badge';

interface StoreMarksProps {
  /** PBS's maintenance-mode property string (`type=read-only,message="…"`), if any. */
  maintenance: string | undefined;
  /** PBS 4's `mount-status` of the datastore, if known. */
  mountStatus: 'mounted' | 'notmounted' | 'nonremovable' | OtherText | undefined;
  /** PBS 4's `backend-type`: only one the console does not know is marked. */
  backendType?: 'filesystem' | 's3' | OtherText | undefined;
}

/** Maintenance mode and mount state of a datastore, in words and with an icon; a state PBS Deck does not know as PBS wrote it. */
export function StoreMarks({ maintenance, mountStatus, backendType }: StoreMarksProps) {
  const text = describeMaintenance(maintenance);
  const otherMount =
    mountStatus === undefined ||
    mountStatus === 'mounted' ||
    mountStatus === 'notmounted' ||
    mountStatus === 'nonremovable'
      ? undefined
      : mountStatus;
  const otherBackend =
    backendType === undefined || backendType === 'filesystem' || backendType === 's3' ? undefined : backendType;
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
      {otherMount !== undefined ? <OtherBadge value={otherMount} /> : null}
      {otherBackend !== undefined ? <OtherBadge value={otherBackend} /> : null}
    </>
  );
}
