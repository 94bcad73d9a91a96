import type { SnapshotItem } from '@/api/schemas/content';
import type { ContentPermissions } from './permissions';

// Placeholder with the agreed interface; the content-actions work fills it in.
export interface BulkActionsProps {
  store: string;
  /** namespace path, '' for the root */
  ns: string;
  permissions: ContentPermissions;
  selected: SnapshotItem[];
  /** called after the action ran, so the tree can clear its selection */
  onDone: () => void;
}

export function BulkActions(_props: BulkActionsProps) {
  return null;
}
