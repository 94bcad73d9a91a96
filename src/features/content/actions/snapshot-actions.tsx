import type { SnapshotItem } from '@/api/schemas/content';
import type { ContentPermissions } from './permissions';

// Placeholder with the agreed interface; the content-actions work fills it in.
export interface SnapshotActionsProps {
  store: string;
  /** namespace path, '' for the root */
  ns: string;
  permissions: ContentPermissions;
  snapshot: SnapshotItem
}

export function SnapshotActions(_props: SnapshotActionsProps) {
  return null;
}
