import type { SnapshotItem } from '@/api/schemas/content';
import type { ContentPermissions } from './permissions';

// Placeholder with the agreed interface; the content-actions work fills it in.
export interface SnapshotNotesProps {
  store: string;
  /** namespace path, '' for the root */
  ns: string;
  permissions: ContentPermissions;
  snapshot: SnapshotItem
}

export function SnapshotNotes(_props: SnapshotNotesProps) {
  return null;
}
