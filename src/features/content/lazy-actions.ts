import { lazy } from 'react';

// The row actions (menus, dialogs, react-aria) load after the first rows have painted; until then the action
// cell stays empty (the rows render them inside a Suspense boundary of the tree).
export const LazyActions = {
  GroupActions: lazy(() => import('./actions/group-actions').then((m) => ({ default: m.GroupActions }))),
  SnapshotActions: lazy(() => import('./actions/snapshot-actions').then((m) => ({ default: m.SnapshotActions }))),
  NamespaceActions: lazy(() => import('./actions/namespace-actions').then((m) => ({ default: m.NamespaceActions }))),
};
