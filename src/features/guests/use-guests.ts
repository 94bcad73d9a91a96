import { useQueries, useQuery } from '@tanstack/react-query';
import type { FreshnessThresholds } from '@/lib/freshness';
import type { ItemError } from '@/lib/item-error';
import { guestQueries } from './api';
import { guestFacts } from './guest-facts';
import { guestRows, sortGuests, type GuestRow } from './guest-rows';

/*
 * Snapshot lists are read per namespace only up to this many snapshots by themselves: beyond it (PBS's own
 * UI takes minutes for 600,000) the user asks for them.
 */
export const AUTO_SNAPSHOTS = 5000;

export interface GuestsData {
  rows: GuestRow[];
  /** stores or namespaces that could not be read, with PBS's message */
  errors: { where: string; message: string }[];
  /** datastores, namespaces, guests and snapshots the server sent unreadable, each naming its field */
  problems: { where: string; what: string; error: ItemError }[];
  loading: boolean;
  /** snapshots in namespaces whose lists were not read by themselves */
  deferredSnapshots: number;
}

/** Every backup group of every namespace of every datastore the user may see. */
export function useGuests(now: number, thresholds: FreshnessThresholds, readAll: boolean): GuestsData {
  const stores = useQuery(guestQueries.datastores());
  const names = (stores.data?.items ?? []).map((s) => s.store);
  const namespaces = useQueries({ queries: names.map((store) => guestQueries.namespaces(store)) });
  const pairs = names.flatMap((store, i) => (namespaces[i]?.data?.items ?? []).map((n) => ({ store, ns: n.ns })));
  const groups = useQueries({ queries: pairs.map(({ store, ns }) => guestQueries.groups(store, ns)) });
  const counts = groups.map((q) => (q.data?.items ?? []).reduce((sum, g) => sum + g['backup-count'], 0));
  const snapshots = useQueries({
    queries: pairs.map(({ store, ns }, i) => ({
      ...guestQueries.snapshots(store, ns),
      enabled: groups[i]?.data !== undefined && (readAll || (counts[i] ?? 0) <= AUTO_SNAPSHOTS),
    })),
  });

  const errors: GuestsData['errors'] = [];
  if (stores.error) errors.push({ where: 'Datastores', message: stores.error.message });
  namespaces.forEach((q, i) => q.error && errors.push({ where: `Datastore ${names[i]}`, message: q.error.message }));
  const where = (i: number) => `${pairs[i]?.store}${pairs[i]?.ns ? `, namespace ${pairs[i]?.ns}` : ''}`;
  groups.forEach((q, i) => q.error && errors.push({ where: where(i), message: q.error.message }));
  snapshots.forEach((q, i) => q.error && errors.push({ where: `Snapshots of ${where(i)}`, message: q.error.message }));
  const problems: GuestsData['problems'] = [
    ...(stores.data?.failed ?? []).map((error) => ({ where: 'datastore list', what: 'datastore', error })),
    ...namespaces.flatMap((q, i) =>
      (q.data?.failed ?? []).map((error) => ({ where: `datastore ${names[i]}`, what: 'namespace', error })),
    ),
    ...groups.flatMap((q, i) => (q.data?.failed ?? []).map((error) => ({ where: where(i), what: 'guest', error }))),
    ...snapshots.flatMap((q, i) =>
      (q.data?.failed ?? []).map((error) => ({ where: where(i), what: 'snapshot', error })),
    ),
  ];
  const rows = sortGuests(
    pairs.flatMap((p, i) => {
      const list = snapshots[i]?.data?.items;
      return guestRows(
        p.store,
        p.ns,
        groups[i]?.data?.items ?? [],
        now,
        thresholds,
        list ? guestFacts(list, now) : undefined,
      );
    }),
  );
  const loading = stores.isPending || namespaces.some((q) => q.isPending) || groups.some((q) => q.isPending);
  const deferredSnapshots = counts.reduce(
    (sum, c, i) => sum + (snapshots[i]?.fetchStatus === 'idle' && !snapshots[i]?.data ? c : 0),
    0,
  );
  return { rows, errors, problems, loading, deferredSnapshots };
}
