import type { ContentPermissions } from './permissions';

// Placeholder with the agreed interface; the content-actions work fills it in.
export interface NamespaceActionsProps {
  store: string;
  /** namespace path, '' for the root */
  ns: string;
  permissions: ContentPermissions;

}

export function NamespaceActions(_props: NamespaceActionsProps) {
  return null;
}
