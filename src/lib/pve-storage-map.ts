// PVE_STORAGE_MAP: which Proxmox VE storage (type `pbs`) points at which PBS datastore and namespace, written
// `pvestorage=datastore[/namespace],…`. A PVE storage shows one namespace only (not the ones below it).

export interface PveStorageTarget {
  storage: string;
  store: string;
  /** '' for the datastore's root namespace */
  ns: string;
}

export class StorageMapError extends Error {}

const ID = /^[A-Za-z][A-Za-z0-9._-]*$/;
const STORE = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;
const NS_PART = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/** Parses the setting; throws StorageMapError naming the first bad entry and what was expected. */
export function parseStorageMap(value: string): PveStorageTarget[] {
  const out: PveStorageTarget[] = [];
  const entries = value.split(',').map((e) => e.trim());
  if (value.trim() === '') return out;
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    if (entry === '' || eq < 0)
      throw new StorageMapError(`expected 'pvestorage=datastore[/namespace]', got '${entry}'`);
    const storage = entry.slice(0, eq);
    const [store = '', ...nsParts] = entry.slice(eq + 1).split('/');
    if (!ID.test(storage))
      throw new StorageMapError(
        `'${storage}' is not a Proxmox VE storage id (letters, digits, . _ -, starting with a letter)`,
      );
    if (!STORE.test(store)) throw new StorageMapError(`'${store}' in '${entry}' is not a PBS datastore name`);
    if (nsParts.length > 7 || !nsParts.every((p) => NS_PART.test(p))) {
      throw new StorageMapError(
        `'${nsParts.join('/')}' in '${entry}' is not a PBS namespace (up to 7 levels such as prod/db)`,
      );
    }
    if (out.some((t) => t.storage === storage)) throw new StorageMapError(`storage '${storage}' is mapped twice`);
    out.push({ storage, store, ns: nsParts.join('/') });
  }
  return out;
}

/** The PVE storage that lists the snapshots of `store` in exactly namespace `ns`, if any. */
export function storageFor(map: readonly PveStorageTarget[], store: string, ns: string): string | null {
  return map.find((t) => t.store === store && t.ns === ns)?.storage ?? null;
}
