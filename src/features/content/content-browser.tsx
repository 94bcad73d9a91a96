import { lazy, Suspense, useDeferredValue, useMemo } from 'react';
import { serverNow } from '@/api/client';
import { ErrorBoundary } from '@/components/ui/error-boundary';
import { Skeleton } from '@/components/ui/skeleton';
import { widgetFallback } from '@/components/ui/widget-fallback';
import { nsSubtree } from '@/lib/namespace-path';
import { usePermissionsAt, type ContentPermissions } from './actions/permissions';
import { LazyActions } from './lazy-actions';
import { groupMatchesText, snapshotMatcher, type ContentFilters } from './content-filters';
import { ContentToolbar } from './content-toolbar';
import { NamespaceBar } from './namespace-bar';
import { ScanProgress } from './scan-progress';
import { SelectionBar } from './selection-bar';
import { TreeArea } from './tree-area';
import { groupKey } from './tree-rows';
import { detailRowKey, type DetailRef } from './url-state';
import { useContentData } from './use-content-tree';
import { useSnapshotScan, type ScanTarget } from './use-snapshot-scan';
import { useTreeState } from './use-tree-state';

// What only a selection or an open snapshot needs (charts, Markdown, dialogs) loads when first wanted, so the
// first rows wait for none of it.
const SnapshotDetail = lazy(() => import('./snapshot-detail').then((m) => ({ default: m.SnapshotDetail })));
const GroupUploadChart = lazy(() =>
  import('./actions/group-upload-chart').then((m) => ({ default: m.GroupUploadChart })),
);
const BulkActions = lazy(() => import('./actions/bulk-actions').then((m) => ({ default: m.BulkActions })));

interface ContentBrowserProps {
  store: string;
  ns: string;
  filters: ContentFilters;
  detail: DetailRef | null;
  permissions: ContentPermissions;
  /** changes URL parameters ('' removes one) */
  onParams: (patch: Record<string, string>) => void;
  hrefOfNs: (ns: string) => string;
}

/** One namespace of a datastore: switcher, search and filters, the tree, the selection and the detail. */
export function ContentBrowser({ store, ns, filters, detail, permissions, onParams, hrefOfNs }: ContentBrowserProps) {
  const deferred = useDeferredValue(filters);
  const state = useTreeState();
  const selectionPermissions = usePermissionsAt(permissions, state.selection.ns);
  const q = deferred.q.trim();
  const textSearch = q !== '';
  // minutes are enough for ages and verify outdatedness; a steadier value keeps the rows from re-rendering
  const now = Math.floor(serverNow() / 60) * 60;
  const hour = Math.floor(now / 3600);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- "now" counts by the hour: ages and verify outdatedness move slowly
  const matcher = useMemo(() => snapshotMatcher(deferred, now), [deferred, hour]);
  const data = useContentData(store, ns, state.openNamespaces, state.openGroups, textSearch || matcher !== null);

  const subtree = useMemo(() => nsSubtree(data.namespaces, ns), [data.namespaces, ns]);
  const scanning = matcher !== null;
  const targets = useMemo(() => {
    if (!scanning) return [];
    return subtree.flatMap((n): ScanTarget[] =>
      (data.groups.get(n) ?? [])
        .filter((g) => groupMatchesText(g, q))
        .map((g) => ({ key: groupKey(n, g['backup-type'], g['backup-id']), ns: n, group: g })),
    );
  }, [scanning, subtree, data.groups, q]);
  const scan = useSnapshotScan(store, targets, scanning);
  const pendingNs =
    textSearch || matcher ? subtree.filter((n) => !data.groups.has(n) && !data.groupErrors.has(n)).length : 0;

  const detailGroup = detail
    ? data.groups.get(detail.ns)?.find((g) => g['backup-type'] === detail.type && g['backup-id'] === detail.id)
    : undefined;
  return (
    <div className="space-y-3">
      <NamespaceBar
        ns={ns}
        namespaces={data.namespaces}
        hrefOf={hrefOfNs}
        onSwitch={(next) => onParams({ ns: next, detail: '' })}
        actions={
          <Suspense fallback={null}>
            <LazyActions.NamespaceActions store={store} ns={ns} permissions={permissions} />
          </Suspense>
        }
      />
      <ContentToolbar
        filters={filters}
        onChange={(patch) => onParams(patch as Record<string, string>)}
        progress={<ScanProgress pendingNamespaces={pendingNs} scan={matcher ? scan : null} />}
      />
      {state.selection.items.size > 0 ? (
        <SelectionBar count={state.selection.items.size} onClear={state.clearSelection}>
          <Suspense fallback={null}>
            <BulkActions
              store={store}
              ns={state.selection.ns}
              permissions={selectionPermissions}
              selected={[...state.selection.items.values()]}
              onDone={state.clearSelection}
            />
          </Suspense>
        </SelectionBar>
      ) : null}
      <div
        className={
          detail ? 'grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(20rem,28rem)]' : undefined
        }
      >
        <ErrorBoundary fallback={widgetFallback('the content tree')}>
          <TreeArea
            store={store}
            ns={ns}
            data={data}
            state={state}
            input={{ q, matcher, facts: scan.facts }}
            permissions={permissions}
            now={now}
            searching={pendingNs > 0 || scan.running}
            detailKey={detailRowKey(detail)}
            onOpenDetail={(d) => onParams({ detail: d })}
          />
        </ErrorBoundary>
        {detail ? (
          <ErrorBoundary fallback={widgetFallback('the snapshot details')}>
            <Suspense fallback={<Skeleton className="h-64" label="Loading the snapshot details…" />}>
              <SnapshotDetail
                store={store}
                snapshot={detail}
                permissions={permissions}
                now={now}
                onClose={() => onParams({ detail: '' })}
                groupChart={
                  detailGroup ? (
                    <GroupUploadChart store={store} ns={detail.ns} permissions={permissions} group={detailGroup} />
                  ) : null
                }
              />
            </Suspense>
          </ErrorBoundary>
        ) : null}
      </div>
    </div>
  );
}
