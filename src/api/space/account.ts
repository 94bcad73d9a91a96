// The page's side of a space account: list the datastore's finished snapshots through the query layer, download
// their index files one by one (waiting while the tab is hidden), and let the engine read them in a Web Worker,
// or here when no worker starts.
import type { QueryClient } from '@tanstack/react-query';
import { addUserChangeListener, currentUser } from '@/api/session-state';
import { isPbsError } from '@/api/client';
import { accessQueries } from '@/api/queries/access';
import { deckQueries } from '@/api/queries/deck';
import { defaultServer } from '@/api/queries/default-server';
import { namespaceQueries } from '@/api/queries/namespaces';
import { downloadIndexFile } from '@/api/queries/index-files';
import { privilegesAt } from '@/api/queries/privileges-at';
import { snapshotQueries } from '@/api/queries/snapshots';
import type { SnapshotItem } from '@/api/schemas/content';
import type { GcStatus } from '@/api/schemas/gc';
import { ACCESS_RULES, datastoreAclPath, requirement } from '@/lib/access-rules';
import { readableItems } from '@/lib/item-error';
import { nsIsBelow, nsSubtree } from '@/lib/namespace-path';
import { SnapshotGoneError, type GcFigures, type Progress } from '@/lib/space/types';
import type { AccountResult, AccountSnapshot, FetchedFile } from './engine-run';
import { passHere, passInWorker, type Pass } from './passes';
import { serverNameOf } from './last-accounts';
import { cachedIndexFile, forgetOtherSnapshots, keepIndexFile, snapshotKey, type IndexFileKey } from './index-cache';

const isIndexFile = (name: string) => name.endsWith('.fidx') || name.endsWith('.didx');

export interface Listed {
  /** names the PBS in the browser's cache of index files */
  server: string;
  /** who lists and downloads: the browser keeps each user's index files apart */
  user: string;
  snapshots: AccountSnapshot[];
  /** backups still being written: no index to read yet */
  unfinished: number;
  gc?: GcFigures;
  /** GC's chunk count, to size the engine's table */
  expectedChunks?: number;
  /**
   * The listed namespaces where PBS lists only the user's own groups (Datastore.Backup without
   * Datastore.Audit): groups the account cannot see may share chunks, so what it finds unique is at most that.
   */
  ownGroupsOnly: OwnGroupsOnly[];
}

/** A namespace where the user sees only its own groups, and whether all listed namespaces below it are alike. */
export interface OwnGroupsOnly {
  ns: string;
  path: string;
  withChildren: boolean;
}

/**
 * PBS refused to hand over a snapshot's index file: the message names the privilege and the path (PBS's own words
 * are the cause).
 */
export class DownloadRefusedError extends Error {
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(`Reading the index files ${requirement(ACCESS_RULES.download, path).replace(/^Needs/, 'needs')}.`, { cause });
    this.name = 'DownloadRefusedError';
  }
}

/** What the last GC reported, as the account uses it: its figures, and its chunk count to size the table. */
export function gcOfStatus(gcStatus: GcStatus | undefined): Pick<Listed, 'gc' | 'expectedChunks'> {
  const indexDataBytes = gcStatus?.['index-data-bytes'];
  const diskBytes = gcStatus?.['disk-bytes'];
  const chunks = gcStatus?.['disk-chunks'];
  return {
    ...(indexDataBytes && diskBytes ? { gc: { indexDataBytes, diskBytes } } : {}),
    ...(chunks ? { expectedChunks: chunks } : {}),
  };
}

/**
 * The PBS behind the deck, as the cache of index files names it: its address when the deck proxies a real one,
 * else the deck's backend (the simulator).
 */
export async function serverName(client: QueryClient): Promise<string> {
  try {
    return serverNameOf(await client.fetchQuery(deckQueries.config(defaultServer)), defaultServer.id);
  } catch {
    return defaultServer.id;
  }
}

/** A listed snapshot of namespace `ns` as the account reads it: its index files and their listed sizes. */
export function accountSnapshot(ns: string, s: SnapshotItem): AccountSnapshot {
  const files = (s.files ?? []).filter((f) => isIndexFile(f.filename));
  return {
    ns,
    type: s['backup-type'],
    id: s['backup-id'],
    time: s['backup-time'],
    owner: s.owner ?? '',
    files: files.map((f) => f.filename),
    sizes: files.map((f) => f.size ?? null),
  };
}

/**
 * Of the namespaces `nss`, where the user lacks Datastore.Audit and so sees only its own groups; a path whose
 * privileges PBS would not tell counts as one of them (the figures then say "at most" rather than too much). A
 * namespace whose listed children are all alike stands for them (`withChildren`).
 */
async function ownGroupsOnly(
  client: QueryClient,
  user: string,
  store: string,
  nss: readonly string[],
): Promise<OwnGroupsOnly[]> {
  if (!user) return [];
  const partial = new Set<string>();
  for (const ns of nss) {
    const path = datastoreAclPath(store, ns);
    const privs = await client
      .fetchQuery(accessQueries.permissions(defaultServer, user, path))
      .then((answer) => privilegesAt(answer, path))
      .catch(() => new Set<string>());
    if (!privs.has('Datastore.Audit')) partial.add(ns);
  }
  const out: OwnGroupsOnly[] = [];
  for (const ns of [...partial].sort()) {
    // a namespace already stood for by a whole parent is left out
    if (out.some((o) => o.withChildren && nsIsBelow(ns, o.ns))) continue;
    const subtree = nsSubtree(nss, ns);
    out.push({
      ns,
      path: datastoreAclPath(store, ns),
      withChildren: subtree.length > 1 && subtree.every((n) => partial.has(n)),
    });
  }
  return out;
}

/**
 * Every finished snapshot of every namespace the user sees, with its index files. The browser's cache drops the
 * files of snapshots no longer listed.
 */
export async function listForAccount(client: QueryClient, store: string): Promise<Listed> {
  const server = await serverName(client);
  const user = currentUser() ?? '';
  const namespaces = readableItems(await client.fetchQuery(namespaceQueries.list(defaultServer, store)));
  const partial = await ownGroupsOnly(
    client,
    user,
    store,
    namespaces.map((n) => n.ns),
  );
  const snapshots: AccountSnapshot[] = [];
  let unfinished = 0;
  for (const { ns } of namespaces) {
    const list = readableItems(await client.fetchQuery(snapshotQueries.list(defaultServer, { store, ns })));
    for (const s of list) {
      if (s.size === undefined) {
        unfinished++;
        continue;
      }
      snapshots.push(accountSnapshot(ns, s));
    }
  }
  // only a whole listing may drop kept files: a namespace that failed to list would have thrown above
  const keep = new Set(snapshots.map((s) => snapshotKey(s.ns, s.type, s.id, s.time)));
  await forgetOtherSnapshots(server, user, store, keep);
  return { server, user, snapshots, unfinished, ownGroupsOnly: partial };
}

/** A vanished snapshot: PBS answers its download with "File open failed: No such file or directory". */
function isGone(err: unknown): boolean {
  return isPbsError(err, 404) || (isPbsError(err, 400) && /No such file or directory/.test(err.message));
}

/** Resolves when the tab is visible: a hidden tab asks for nothing but its ticket renewal. */
function whenVisible(signal: AbortSignal): Promise<void> {
  if (document.visibilityState !== 'hidden') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = () => {
      if (document.visibilityState === 'hidden') return;
      document.removeEventListener('visibilitychange', done);
      signal.removeEventListener('abort', stop);
      resolve();
    };
    const stop = () => {
      document.removeEventListener('visibilitychange', done);
      reject(signal.reason);
    };
    document.addEventListener('visibilitychange', done);
    signal.addEventListener('abort', stop, { once: true });
  });
}

/**
 * One snapshot's index files, from the browser's cache or downloaded (and kept); SnapshotGoneError when it vanished
 * meanwhile. `counts` tells how many files came from either.
 */
function fetcher(
  listed: Pick<Listed, 'server' | 'user' | 'snapshots'>,
  store: string,
  signal: AbortSignal,
  counts: FileCounts,
) {
  const { server, user, snapshots } = listed;
  return async (index: number): Promise<FetchedFile[]> => {
    const s = snapshots[index];
    if (!s) throw new Error(`no snapshot ${index}`);
    const files: FetchedFile[] = [];
    for (const [i, name] of s.files.entries()) {
      await whenVisible(signal);
      const key: IndexFileKey = [server, user, store, s.ns, s.type, s.id, s.time, name];
      const size = s.sizes?.[i] ?? undefined;
      const kept = await cachedIndexFile(key, size);
      if (kept) {
        counts.cached++;
        files.push({ name, data: kept });
        continue;
      }
      try {
        const ref = { store, ns: s.ns, type: s.type, id: s.id, time: s.time };
        const data = await downloadIndexFile(ref, name, signal);
        counts.downloaded++;
        if ((await keepIndexFile(key, size, data)) === 'over limit') counts.overLimit++;
        files.push({ name, data });
      } catch (err) {
        if (isGone(err)) throw new SnapshotGoneError(`${s.type}/${s.id}/${s.time}: ${(err as Error).message}`);
        if (isPbsError(err, 403)) throw new DownloadRefusedError(datastoreAclPath(store, s.ns), err);
        throw err;
      }
    }
    return files;
  };
}

/** Where an account's index files came from, and how many the browser did not keep because of its limit. */
export interface FileCounts {
  cached: number;
  downloaded: number;
  overLimit: number;
}

export const fileCounts = (): FileCounts => ({ cached: 0, downloaded: 0, overLimit: 0 });

export interface RunOptions {
  onProgress: (progress: Progress) => void;
  signal: AbortSignal;
  /** tests: run in this thread */
  inThread?: boolean;
  /** counted as files come: from the browser's cache, or downloaded */
  counts?: FileCounts;
  /** positions in `listed.snapshots` whose space together is asked (what forgetting them frees) */
  select?: readonly number[];
  /**
   * What becomes of the first pass: `none` (the default), let go at the end; `fresh`, run anew and held for what
   * follows; `reuse`, the one held for this server, user and datastore when it read the same listing, else run anew
   * and held. A held pass answers a selection by reading only the selected snapshots' files, and is let go after
   * HOLD_MS unused, or when another replaces it.
   */
  hold?: 'none' | 'fresh' | 'reuse';
}

/** How long a held first pass waits for its next selection. */
export const HOLD_MS = 10 * 60_000;

interface Held {
  /** the listing and GC figures it read */
  shape: string;
  pass: Pass;
  timer: ReturnType<typeof setTimeout>;
}

const held = new Map<string, Held>();

const shapeOf = (listed: Listed) =>
  JSON.stringify([listed.gc ?? null, listed.snapshots.map((s) => [s.ns, s.type, s.id, s.time, s.files, s.sizes])]);

/** Lets the pass held under `key` go, if it is `only` (when given). */
function letGo(key: string, only?: Pass): void {
  const h = held.get(key);
  if (!h || (only && h.pass !== only)) return;
  clearTimeout(h.timer);
  held.delete(key);
  h.pass.dispose();
}

/** Holds `pass` under `key` for HOLD_MS from now, letting go of another held there. */
function hold(key: string, shape: string, pass: Pass): void {
  const before = held.get(key);
  if (before?.pass === pass) clearTimeout(before.timer);
  else letGo(key);
  held.set(key, { shape, pass, timer: setTimeout(() => letGo(key, pass), HOLD_MS) });
}

/** Lets every held first pass go: at a logout, or when another user logs in. */
function letGoOfHeldAccounts(): void {
  for (const key of [...held.keys()]) letGo(key);
}

addUserChangeListener(letGoOfHeldAccounts);

/** Reads the listed snapshots; rejects with the signal's reason when cancelled. */
export async function readAccount(store: string, listed: Listed, options: Omit<RunOptions, 'select'>) {
  return (await readAccountAndSelection(store, listed, options)).report;
}

/**
 * Reads the listed snapshots (or takes the first pass held for them) and then, again, those at positions `select`:
 * what they hold together and alone (what forgetting them frees).
 */
export async function readAccountAndSelection(
  store: string,
  listed: Listed,
  { onProgress, signal, inThread, select, counts = fileCounts(), hold: keep = 'none' }: RunOptions,
): Promise<AccountResult> {
  const fetchFiles = fetcher(listed, store, signal, counts);
  const key = JSON.stringify([listed.server, listed.user, store]);
  const shape = keep === 'none' ? '' : shapeOf(listed);
  const kept = keep === 'reuse' ? held.get(key) : undefined;
  let pass: Pass;
  if (kept && kept.shape === shape) {
    pass = kept.pass;
    hold(key, shape, pass);
  } else {
    const input = { snapshots: listed.snapshots, gc: listed.gc, expectedChunks: listed.expectedChunks };
    const options = { signal, onProgress };
    pass =
      inThread || typeof Worker === 'undefined'
        ? await passHere(input, fetchFiles, options)
        : await passInWorker(input, fetchFiles, options, keep !== 'none' || select !== undefined);
    if (keep !== 'none') hold(key, shape, pass);
  }
  try {
    if (!select) return { report: pass.report };
    return { report: pass.report, selection: await pass.select(select, fetchFiles, { signal, onProgress }) };
  } catch (err) {
    // a selection that failed (not cancelled) lets its pass go: the next asks anew
    if (!signal.aborted) letGo(key, pass);
    throw err;
  } finally {
    if (keep === 'none') pass.dispose();
  }
}
