import type { DatastoreListItem } from '@/api/schemas/datastore';

export function isUnmounted(info: DatastoreListItem | undefined, mountStatus?: string): boolean {
  return (mountStatus ?? info?.['mount-status']) === 'notmounted';
}
