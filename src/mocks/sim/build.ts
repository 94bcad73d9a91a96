// Builds a profile's stores, guests and jobs; returns the time the model's history starts at.
import type { SimCtx } from './ctx';
import type { EventLoop } from './schedule';
import { Datastore } from './datastore';
import { DEMO_PRUNE_JOBS, DEMO_SYNC_JOBS, DEMO_VERIFY_JOBS, demoGuests, demoStores } from './profiles';
import { gcSource, guestSource } from './sources';
import type { SimJobs } from './jobs';
import { corruptChunks } from './corrupt';
import { LARGE_TOTAL, largeContent } from './large';

export function buildProfile(
  profile: 'demo' | 'large',
  ctx: SimCtx,
  loop: EventLoop,
  start: number,
  jobs: SimJobs,
  days: number,
): number {
  if (profile === 'large') {
    const s = new Datastore(
      { name: 'store1', path: '/mnt/datastore/store1', comment: 'Large datastore', 'gc-schedule': 'daily' },
      LARGE_TOTAL,
      0,
      start - 300 * 86400,
    );
    s.lazy = largeContent(ctx.seed, start, LARGE_TOTAL);
    s.gcScheduleSince = start - 2 * 86400;
    ctx.stores.set(s.name, s);
    loop.sources.push(gcSource(ctx, s));
    return start - 2 * 86400;
  }
  const stores = demoStores(start, days);
  for (const s of stores) ctx.stores.set(s.name, s);
  const first = Math.min(...stores.map((s) => s.createdAt));
  for (const g of demoGuests(ctx.seed, start, days)) loop.sources.push(guestSource(ctx, g));
  for (const s of stores) loop.sources.push(gcSource(ctx, s));
  for (const c of DEMO_PRUNE_JOBS) jobs.prune.add({ ...c }, first);
  for (const c of DEMO_VERIFY_JOBS) jobs.verify.add({ ...c }, first);
  for (const c of DEMO_SYNC_JOBS) jobs.sync.add({ ...c }, first);
  // a disk hiccup a week and a half ago: the next verify job finds it
  if (days > 9)
    loop.at(start - 9 * 86400 - 4000, () => {
      const s = ctx.stores.get('store1');
      if (s) corruptChunks(s, 2, ctx.seed);
    });
  return first;
}
