import { createContext, useContext } from 'react';
import type { ContentPermissions } from './actions/permissions';
import type { SnapshotFacts } from './snapshot-facts';

/** What every row of one tree shares; rows read it instead of taking a dozen props each. */
export interface TreeContextValue {
  store: string;
  permissions: ContentPermissions;
  /** the search text, for highlighting */
  q: string;
  /** the server's time, epoch seconds */
  now: number;
  /** snapshot facts per group key (opened groups and the background search), for the verify summary */
  factsOf: (groupKey: string) => SnapshotFacts | undefined;
  isSelected: (snapshotKey: string) => boolean;
  /** the snapshot whose detail is open */
  detailKey: string | null;
}

export const TreeContext = createContext<TreeContextValue | null>(null);

export function useTreeContext(): TreeContextValue {
  const value = useContext(TreeContext);
  if (!value) throw new Error('tree rows need a TreeContext');
  return value;
}
