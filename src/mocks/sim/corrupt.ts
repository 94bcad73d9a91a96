// Fault injection: damage chunks that the newest snapshots reference, so the next verify of them fails.
import type { Datastore } from './datastore';
import { isIndex } from './content';
import { prng } from './random';

export function corruptChunks(store: Datastore, count: number, seed: number): number {
  const candidates: string[] = [];
  const seen = new Set<string>();
  const groups = [...store.namespaces.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .flatMap(([, gs]) => [...gs.values()]);
  for (const g of groups) {
    const newest = [...g.snapshots].reverse().find((s) => s.finished);
    for (const f of newest?.files.filter(isIndex) ?? [])
      for (const r of f.refs) {
        const a = store.chunks.atoms.get(r.atom);
        if (!a || seen.has(a.id) || a.total - a.missing - a.corrupt <= 0) continue;
        seen.add(a.id);
        candidates.push(a.id);
      }
  }
  // prefer one guest's own data over an OS family's shared base, as a single bad sector would hit
  const own = candidates.filter((id) => id.startsWith('g:') || !id.includes(':'));
  const pool = own.length > 0 ? own : candidates;
  const rnd = prng(seed ^ (store.chunks.atoms.size * 7919) ^ count);
  let done = 0;
  while (done < count && pool.length > 0) {
    const i = Math.floor(rnd() * pool.length);
    const id = pool[i] ?? '';
    const a = store.chunks.atoms.get(id);
    if (a && a.total - a.missing - a.corrupt > 0) {
      a.corrupt++;
      done++;
    } else pool.splice(i, 1);
  }
  return done;
}
