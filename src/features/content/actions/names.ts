import type { GroupItem, SnapshotItem } from '@/api/schemas/content';
import { backupLogSnapshotPath } from '@/lib/upload-stats';
import type { GroupTarget, SnapshotTarget } from './actions-api';

/** `vm/100`, as PBS names a group. */
export const groupName = (t: { type: string; id: string }) => `${t.type}/${t.id}`;

/** `vm/100/2024-06-05T08:00:01Z`, as PBS names a snapshot. */
export const snapshotName = (t: { type: string; id: string; time: number }) =>
  backupLogSnapshotPath('', t.type, t.id, t.time);

export const groupTarget = (store: string, ns: string, g: GroupItem | SnapshotItem): GroupTarget => ({
  store,
  ns,
  type: g['backup-type'],
  id: g['backup-id'],
});

export const snapshotTarget = (store: string, ns: string, s: SnapshotItem): SnapshotTarget => ({
  ...groupTarget(store, ns, s),
  time: s['backup-time'],
});
