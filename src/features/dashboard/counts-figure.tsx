import { useQuery } from '@tanstack/react-query';
import { Figure, Unknown } from '@/components/ui/figure';
import { dashboardQueries } from './api';

/** Snapshot and group totals over all backup types; loaded once per store, not polled. */
export function CountsFigure({ store, enabled }: { store: string; enabled: boolean }) {
  const { data, error, isPending } = useQuery({ ...dashboardQueries.status(store), enabled });
  let value;
  if (!enabled) value = <Unknown />;
  else if (data?.counts) {
    const all = Object.values(data.counts).filter((c) => c !== undefined);
    const snapshots = all.reduce((n, c) => n + c.snapshots, 0);
    const groups = all.reduce((n, c) => n + c.groups, 0);
    value = `${snapshots} in ${groups} ${groups === 1 ? 'group' : 'groups'}`;
  } else if (error) value = <Unknown title={error.message}>unknown (could not load)</Unknown>;
  else if (isPending) value = <Unknown>loading…</Unknown>;
  else value = <Unknown />;
  return <Figure label="Snapshots">{value}</Figure>;
}
