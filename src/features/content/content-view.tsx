import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { parentNamespace } from '@/lib/access-rules';
import { parseNs } from '@/lib/namespace-path';
import { NoAccess } from './no-access';
import { useContentPermissions } from './actions/permissions';
import { ContentBrowser } from './content-browser';
import { FILTER_KEYS, parseFilters } from './content-filters';
import { parseDetail } from './url-state';

interface ContentViewProps {
  store: string;
  /** the logged-in user or token: PBS is asked what it holds on the namespace in view */
  authId: string;
}

/** The content of one datastore at `?ns=`; namespace, filters and the open snapshot live in the URL. */
export function ContentView({ store, authId }: ContentViewProps) {
  const [params, setParams] = useSearchParams();
  const rawNs = params.get('ns');
  const ns = parseNs(rawNs);
  const permissions = useContentPermissions(authId, store, ns ?? '', ns !== null);
  const filterKey = FILTER_KEYS.map((k) => params.get(k) ?? '').join('\u0000');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- rebuilt only when a filter parameter changes
  const filters = useMemo(() => parseFilters(params), [filterKey]);
  const detail = useMemo(() => parseDetail(params.get('detail')), [params]);

  const onParams = useCallback(
    (patch: Record<string, string>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v === '') next.delete(k);
            else next.set(k, v);
          }
          return next;
        },
        { replace: !('ns' in patch) },
      ),
    [setParams],
  );
  const hrefOfNs = useCallback(
    (target: string) => {
      const next = new URLSearchParams(params);
      next.delete('detail');
      if (target === '') next.delete('ns');
      else next.set('ns', target);
      const search = next.toString();
      return search ? `?${search}` : '?';
    },
    [params],
  );

  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">Content of {store}</h1>
      {ns === null ? (
        <ErrorState title="Not a namespace" message={`"${rawNs ?? ''}" is not a valid namespace path.`} />
      ) : permissions.known && permissions.privs.size === 0 ? (
        <NoAccess path={permissions.path} parentHref={ns === '' ? null : hrefOfNs(parentNamespace(ns))} />
      ) : (
        <ContentBrowser
          key={ns}
          store={store}
          ns={ns}
          filters={filters}
          detail={detail}
          permissions={permissions}
          onParams={onParams}
          hrefOfNs={hrefOfNs}
        />
      )}
    </div>
  );
}
