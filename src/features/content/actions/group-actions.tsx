import type { GroupItem } from '@/api/schemas/content';
import type { ContentPermissions } from './permissions';

// Placeholder with the agreed interface; the content-actions work fills it in.
export interface GroupActionsProps {
  store: string;
  /** namespace path, '' for the root */
  ns: string;
  permissions: ContentPermissions;
  group: GroupItem
}

export function GroupActions(_props: GroupActionsProps) {
  return null;
}
