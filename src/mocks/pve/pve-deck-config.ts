// The `pve` part of /deck/config: where restores run and which PVE storage shows which datastore and namespace.
import { PVE_RESTORE_NODE, PVE_STORAGES } from './pve-config';

export interface PveDeckConfig {
  /** null: the console picks the first online node on which the storage is active */
  node: string | null;
  storages: { storage: string; store: string; ns: string }[];
}

export function simPveDeckConfig(): PveDeckConfig {
  return {
    node: PVE_RESTORE_NODE,
    storages: PVE_STORAGES.flatMap((s) =>
      s.type === 'pbs' && s.store !== undefined ? [{ storage: s.storage, store: s.store, ns: s.ns ?? '' }] : [],
    ),
  };
}
