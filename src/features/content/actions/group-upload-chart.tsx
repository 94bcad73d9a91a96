import type { GroupItem } from '@/api/schemas/content';
import type { ContentPermissions } from './permissions';

// Placeholder with the agreed interface; the content-actions work fills it in.
export interface GroupUploadChartProps {
  store: string;
  /** namespace path, '' for the root */
  ns: string;
  permissions: ContentPermissions;
  group: GroupItem
}

export function GroupUploadChart(_props: GroupUploadChartProps) {
  return null;
}
