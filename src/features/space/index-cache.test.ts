// A second space account reads only what is new: the index files of finished snapshots stay in this browser's
// IndexedDB (here fake-indexeddb: jsdom has none), keyed by server, user, datastore, namespace, group, time and file.
import 'fake-indexeddb/auto';
import { createQueryClient } from '@/test/query-client';
import { recordDownloads } from '@/test/downloads';
import { setupTestServer } from '@/test/render-app';
import { DownloadRefusedError, fileCounts, listForAccount, readAccount } from '@/api/space/account';
import {
  cachedIndexFile,
  forgetAllIndexFiles,
  INDEX_CACHE_LIMIT,
  keptIndexBytes,
  setIndexCacheLimitForTests,
  type IndexFileKey,
} from '@/api/space/index-cache';

const t = setupTestServer({ speed: 0 });

/** One whole account as the space view runs it, with the downloads it made. */
async function account(store: string) {
  const client = createQueryClient({ retry: false });
  const { seen, stop } = recordDownloads(t.server);
  try {
    const listed = await listForAccount(client, store);
    const counts = fileCounts();
    const report = await readAccount(store, listed, {
      signal: new AbortController().signal,
      inThread: true,
      counts,
      onProgress: () => {},
    });
    return { listed, report, counts, downloads: seen };
  } finally {
    stop();
    client.clear();
  }
}

const filesOf = (listed: Awaited<ReturnType<typeof listForAccount>>) =>
  listed.snapshots.reduce((n, s) => n + s.files.length, 0);
const key = (s: { ns: string; type: string; id: string; time: number }) => `${s.ns}|${s.type}/${s.id}/${s.time}`;

describe("the browser's cache of index files", () => {
  it('reads every file once; the next account downloads only the snapshots that are new since', async () => {
    await t.loginAs('root@pam');
    const first = await account('store1');
    const files = filesOf(first.listed);
    expect(files).toBeGreaterThan(first.listed.snapshots.length);
    expect(first.downloads).toHaveLength(files);
    expect(first.counts).toEqual({ cached: 0, downloaded: files, overLimit: 0 });

    // nothing new: not one download, and the same figures
    const second = await account('store1');
    expect(second.downloads).toEqual([]);
    expect(second.counts).toEqual({ cached: files, downloaded: 0, overLimit: 0 });
    expect(second.report).toEqual(first.report);

    // a day later the nightly backups have run: only their files are downloaded
    t.sim.advance(24 * 3600);
    const third = await account('store1');
    const before = new Set(first.listed.snapshots.map(key));
    const added = third.listed.snapshots.filter((s) => !before.has(key(s)));
    expect(added.length).toBeGreaterThan(0);
    const addedFiles = added.reduce((n, s) => n + s.files.length, 0);
    expect(third.downloads).toHaveLength(addedFiles);
    for (const s of added) expect(third.downloads.some((q) => q.includes(`backup-time=${s.time}`))).toBe(true);
    // pruned meanwhile or not, the figures are the simulator's own
    const truth = t.sim.spaceTruth('store1');
    expect(third.report.snapshots).toHaveLength(truth.snapshots.length);
    const all = truth.set(() => true);
    expect(third.report.datastore.distinct).toEqual(all.distinct);
  }, 180_000);

  it('drops the files of a forgotten snapshot, and downloads again a file whose listed size changed', async () => {
    await t.loginAs('root@pam');
    const first = await account('store1');
    const unprotected = new Set(
      t.sim
        .listSnapshots('store1')
        .filter((s) => !s.protected)
        .map((s) => key({ ns: '', type: s['backup-type'], id: s['backup-id'], time: s['backup-time'] })),
    );
    const victim = first.listed.snapshots.find(
      (s) => s.type === 'vm' && s.files.length > 1 && unprotected.has(key(s)),
    )!;
    const fileKey = (s: typeof victim, name: string): IndexFileKey => [
      first.listed.server,
      'root@pam',
      'store1',
      s.ns,
      s.type,
      s.id,
      s.time,
      name,
    ];
    const name = victim.files[0]!;
    const size = victim.sizes?.[0] ?? undefined;
    expect((await cachedIndexFile(fileKey(victim, name), size))?.byteLength).toBeGreaterThan(4096);
    // a listing that states another size does not take the kept copy
    expect(await cachedIndexFile(fileKey(victim, name), (size ?? 0) + 1)).toBeUndefined();

    t.sim.forgetSnapshot('store1', victim.ns || undefined, victim.type as 'vm', victim.id, victim.time);
    const second = await account('store1');
    expect(second.downloads).toEqual([]);
    expect(second.listed.snapshots.some((s) => key(s) === key(victim))).toBe(false);
    expect(await cachedIndexFile(fileKey(victim, name), size)).toBeUndefined();
    const truth = t.sim.spaceTruth('store1');
    expect(second.report.datastore.distinct).toEqual(truth.set(() => true).distinct);
  }, 180_000);

  it("never reads one user's kept files for another: PBS decides per user what it hands over", async () => {
    await t.loginAs('root@pam');
    const root = await account('store1');
    expect(root.counts.downloaded + root.counts.cached).toBe(filesOf(root.listed));

    // the auditor may list every snapshot but download none: root's copies do not stand in for the refused downloads
    await t.loginAs('audit@pbs');
    const { seen, stop } = recordDownloads(t.server);
    try {
      const client = createQueryClient({ retry: false });
      const listed = await listForAccount(client, 'store1');
      expect(listed.user).toBe('audit@pbs');
      const run = readAccount('store1', listed, {
        signal: new AbortController().signal,
        inThread: true,
        onProgress: () => {},
      });
      await expect(run).rejects.toBeInstanceOf(DownloadRefusedError);
      await expect(run).rejects.toThrow(
        'Reading the index files needs Datastore.Read on /datastore/store1, or Datastore.Backup there and ownership of the group.',
      );
      expect(seen).toHaveLength(1);
    } finally {
      stop();
    }
  }, 180_000);

  it('keeps no more than its limit, and forgets everything on request', async () => {
    await t.loginAs('root@pam');
    await forgetAllIndexFiles();
    const whole = await account('store1');
    const all = await keptIndexBytes();
    expect(all.available).toBe(true);
    // the demo's busiest datastore stays well inside the limit
    expect(all.bytes).toBeGreaterThan(0);
    expect(all.bytes).toBeLessThan(INDEX_CACHE_LIMIT / 4);
    const files = filesOf(whole.listed);

    // with a limit of half what store1 needs, the first account keeps what fits and says how many it could not
    await forgetAllIndexFiles();
    setIndexCacheLimitForTests(Math.floor(all.bytes / 2));
    onTestFinished(() => setIndexCacheLimitForTests(undefined));
    const first = await account('store1');
    expect(first.counts.downloaded).toBe(files);
    expect(first.counts.overLimit).toBeGreaterThan(0);
    const kept = await keptIndexBytes();
    expect(kept.bytes).toBeLessThanOrEqual(Math.floor(all.bytes / 2));
    expect(kept.bytes).toBeGreaterThan(0);
    // the next one downloads exactly those again, and reads the rest from the cache
    const second = await account('store1');
    expect(second.counts).toEqual({
      cached: files - first.counts.overLimit,
      downloaded: first.counts.overLimit,
      overLimit: first.counts.overLimit,
    });
    expect(second.report).toEqual(first.report);

    // forgotten: nothing is kept, and the next account downloads every file
    await forgetAllIndexFiles();
    expect((await keptIndexBytes()).bytes).toBe(0);
    setIndexCacheLimitForTests(undefined);
    const third = await account('store1');
    expect(third.counts).toEqual({ cached: 0, downloaded: files, overLimit: 0 });
    expect((await keptIndexBytes()).bytes).toBe(all.bytes);
  }, 180_000);
});
