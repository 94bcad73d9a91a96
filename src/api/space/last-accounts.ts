// The groups that cost the most, as the last space account of each datastore counted them, kept in this browser
// (localStorage) so the dashboard can list them without counting again. Small: the ten costliest groups per store.
import { z } from 'zod';
import type { DeckConfig } from '@/api/queries/deck';
import type { SpaceReport } from '@/lib/space/types';

const KEY = 'pbs-deck.space-top.v1';
const TOP = 10;

const groupSchema = z.object({
  ns: z.string(),
  type: z.string(),
  id: z.string(),
  bytes: z.number().nonnegative(),
  chunks: z.number().int().nonnegative(),
});
const accountSchema = z.object({ at: z.number(), groups: z.array(groupSchema).max(TOP) });
const storedSchema = z.record(z.string(), accountSchema);

export type CostlyGroup = z.infer<typeof groupSchema> & { store: string; at: number };

/** The PBS behind the deck, as the browser's space caches name it: its address, else the deck's backend. */
export function serverNameOf(config: DeckConfig | undefined, fallback: string): string {
  if (config?.pbs) return `${config.pbs.host}:${config.pbs.port}`;
  return config?.backend ?? fallback;
}

function read(): z.infer<typeof storedSchema> {
  try {
    const parsed = storedSchema.safeParse(JSON.parse(localStorage.getItem(KEY) ?? '{}'));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** Keeps the ten groups of `store` that free the most, as this account counted them at `at` (server time, s). */
export function rememberAccount(server: string, store: string, report: SpaceReport, at: number): void {
  const groups = [...report.groups]
    .sort((a, b) => b.unique.bytes - a.unique.bytes)
    .slice(0, TOP)
    .map((g) => ({ ns: g.ns, type: g.type, id: g.id, bytes: g.unique.bytes, chunks: g.unique.chunks }));
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...read(), [`${server}|${store}`]: { at, groups } }));
  } catch {
    // storage full or refused: the dashboard lists nothing until the next account
  }
}

/** The ten costliest groups over every datastore of `server` with an account in this browser, costliest first. */
export function costliestGroups(server: string, stores: readonly string[]): CostlyGroup[] {
  const stored = read();
  return stores
    .flatMap((store) => {
      const a = stored[`${server}|${store}`];
      return a ? a.groups.map((g) => ({ ...g, store, at: a.at })) : [];
    })
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, TOP);
}
