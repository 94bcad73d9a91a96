// /pve-api/ on a simulator deck: the same layer as in front of a real Proxmox VE (gate, sessions, PBS checks), with
// the simulated PVE as its upstream and the in-process simulator as its PBS. PVE_MODE=token (and token mode's
// settings) switch it to token mode; PVE_TOKEN then defaults to the simulated PVE's own token.
import { createPveDeck, type Fetch } from '@/lib/pve-deck';
import { cookieKeeper } from '@/lib/pve-deck-sessions';
import type { HandlerContext } from '@/mocks/handlers/context';
import { PVE_SIM_ORIGIN } from '@/mocks/pve/pve-handlers';
import { simPveDeckConfig } from '@/mocks/pve/pve-deck-config';
import { simPveFetch } from '@/mocks/pve/pve-fetch';
import { SIM_PVE_TOKEN } from '@/mocks/pve/pve-users';
import type { PveModeConfig } from '../config-extra.ts';
import { mountPveDeck, secureRequest, type PveMount } from './pve-mount.ts';

export interface SimPveUpstreams {
  /** the simulator's handler context, for the simulated PVE */
  ctx: HandlerContext;
  /** the in-process PBS simulator, addressed at `pbsOrigin` */
  pbsFetch: Fetch;
  pbsOrigin: string;
}

/** The mode settings with the simulated PVE's token filled in where PVE_TOKEN was not given. */
export function simModeConfig(mode: PveModeConfig): PveModeConfig & { token: { value: string } | null } {
  if (!mode.token) return { mode: mode.mode, token: null };
  const value = mode.token.value ?? SIM_PVE_TOKEN;
  return {
    mode: mode.mode,
    token: { value, rules: { ...mode.token.rules, tokenId: value.slice(0, value.indexOf('=')) } },
  };
}

/** `pveFetch`: the simulated PVE by default; tests wrap it to count what reaches PVE. */
export function createSimPveMount(
  mode: PveModeConfig,
  sim: SimPveUpstreams,
  tls: boolean,
  pveFetch: Fetch = simPveFetch(sim.ctx),
): PveMount {
  const { storages, node } = simPveDeckConfig();
  const deck = createPveDeck({
    ...simModeConfig(mode),
    pveFetch,
    pveOrigin: PVE_SIM_ORIGIN,
    pbsFetch: sim.pbsFetch,
    pbsOrigin: sim.pbsOrigin,
    storageMap: new Map(storages.map((s) => [s.storage, { store: s.store, ns: s.ns || null }])),
    node,
    keeper: cookieKeeper((request) => secureRequest(request, tls)),
    sameSite: true,
  });
  return mountPveDeck(deck, tls, () => {});
}
