// PBS's StoreProgress display for verify ("percentage done: …").
export interface Progress {
  doneGroups: number;
  totalGroups: number;
  doneSnapshots: number;
  groupSnapshots: number;
}

export function formatProgress(p: Progress): string {
  const perGroups = p.doneGroups / p.totalGroups;
  const pct =
    (p.groupSnapshots === 0 ? perGroups : perGroups + (1 / p.totalGroups) * (p.doneSnapshots / p.groupSnapshots)) * 100;
  const current = p.doneGroups < p.totalGroups ? p.doneGroups + 1 : p.doneGroups;
  const v = pct.toFixed(2);
  if (p.groupSnapshots === 0) return `${v}% (${p.doneGroups}/${p.totalGroups} groups)`;
  if (p.totalGroups === 1) return `${v}% (${p.doneSnapshots}/${p.groupSnapshots} snapshots)`;
  if (p.doneSnapshots === p.groupSnapshots) return `${v}% (${current}/${p.totalGroups} groups)`;
  return `${v}% (${p.doneGroups}/${p.totalGroups} groups, ${p.doneSnapshots}/${p.groupSnapshots} snapshots in group #${current})`;
}

const TYPE_ORDER: Record<string, number> = { vm: 0, ct: 1, host: 2 };

/** Group order of PBS listings: by type, then id (numeric ids by value). */
export function compareGroups(a: { type: string; id: string }, b: { type: string; id: string }): number {
  const t = (TYPE_ORDER[a.type] ?? 3) - (TYPE_ORDER[b.type] ?? 3);
  if (t !== 0) return t;
  const na = /^\d+$/.test(a.id);
  const nb = /^\d+$/.test(b.id);
  if (na && nb) return Number(a.id) - Number(b.id);
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
