// @vitest-environment node
// The large profile's index files: byte-exact, their digests those of its chunk model, and successive snapshots
// of a group sharing all but what a backup rewrites, as the demo's do.
import { readIndexFile } from '@/lib/pbs-index';
import { SpaceEngine } from '@/lib/space/engine';
import { spaceReport } from '@/lib/space/report';
import type { SnapshotInput } from '@/lib/space/types';
import { ChunkStore } from './chunks';
import { isIndex } from './content';
import type { Datastore } from './datastore';
import { createSimulator } from './simulator';
import { testStartTime } from './test-start';

const sim = createSimulator({ seed: 3, profile: 'large', startTime: testStartTime(), speed: 0 });
const store = sim.listDatastores()[0]!.store;
const MiB = 1024 * 1024;

function snapshotsOf(type: 'vm' | 'ct', id: string) {
  return sim
    .listSnapshots(store, '', type, id)
    .sort((a, b) => a['backup-time'] - b['backup-time'])
    .map((s) => ({ time: s['backup-time'], files: s.files }));
}

describe('index files of the large profile', () => {
  it("list the model's chunks: a fixed disk's count and size, the manifest's checksum, the model's digests", () => {
    const snaps = snapshotsOf('vm', '100');
    expect(snaps).toHaveLength(1000);
    const newest = snaps.at(-1)!;
    const listed = newest.files.find((f) => f.filename === 'drive-scsi0.img.fidx')!;
    const bytes = sim.indexFile(store, '', 'vm', '100', newest.time, 'drive-scsi0.img.fidx');
    const index = readIndexFile(bytes, 'drive-scsi0.img.fidx', 'fixed');
    expect(index.totalSize).toBe(listed.size);
    expect(index.chunkCount).toBe(listed.size! / (4 * MiB));
    const manifest = sim.snapshotManifest(store, '', 'vm', '100', newest.time);
    const csum = Buffer.from(bytes.subarray(32, 64)).toString('hex');
    expect(manifest.files.find((f) => f.filename === 'drive-scsi0.img.fidx')!.csum).toBe(csum);
    // the first entry is chunk 0 of the OS family's first base part, as the model names it
    // the model's own atoms, from the computed store behind the API
    const model = sim as unknown as { store(name: string): Datastore };
    const group = model.store(store).lazy!.group('', 'vm', '100')!;
    const file = group.snapshots.at(-1)!.files.find(isIndex)!;
    const first = file.refs[0]!;
    expect(Buffer.from(bytes.subarray(4096, 4096 + 32)).toString('hex')).toBe(ChunkStore.digest(first.atom, 0));
    // built twice, the same bytes
    expect(
      Buffer.from(sim.indexFile(store, '', 'vm', '100', newest.time, 'drive-scsi0.img.fidx')).equals(
        Buffer.from(bytes),
      ),
    ).toBe(true);
  });

  it('a container archive: content-defined chunks whose ends add up to the listed size; its catalog too', () => {
    const newest = snapshotsOf('ct', '1000').at(-1)!;
    for (const name of ['root.pxar.didx', 'catalog.pcat1.didx']) {
      const listed = newest.files.find((f) => f.filename === name)!;
      const index = readIndexFile(sim.indexFile(store, '', 'ct', '1000', newest.time, name), name, 'dynamic');
      expect(index.totalSize).toBe(listed.size);
      const sizes = new Set<number>();
      index.forEachChunk((_d, _at, size) => void sizes.add(size));
      expect(sizes.size).toBeGreaterThan(1);
      for (const size of sizes) expect(size).toBeLessThanOrEqual(16 * MiB);
    }
  });

  it('a group of 1000 snapshots holds a few times its disk, not a thousand times: each backup adds what it rewrote', async () => {
    const snaps = snapshotsOf('vm', '100').slice(-60);
    const inputs: SnapshotInput[] = snaps.map((s) => ({
      ns: '',
      type: 'vm',
      id: '100',
      time: s.time,
      owner: 'root@pam',
      files: () => [
        { name: 'drive-scsi0.img.fidx', data: sim.indexFile(store, '', 'vm', '100', s.time, 'drive-scsi0.img.fidx') },
      ],
    }));
    const engine = new SpaceEngine(inputs);
    await engine.run();
    const report = spaceReport(engine);
    const disk = snaps[0]!.files.find((f) => f.filename === 'drive-scsi0.img.fidx')!.size! / (4 * MiB);
    const { distinct } = report.datastore;
    expect(distinct.chunks).toBeGreaterThan(disk);
    expect(distinct.chunks).toBeLessThan(disk * 3);
    // every backup after the first adds some chunks (its hot pieces, a slot), a few percent of the disk
    const added = report.snapshots.slice(1).map((s) => s.added.chunks / disk);
    expect(Math.min(...added)).toBeGreaterThan(0);
    expect(Math.max(...added)).toBeLessThan(0.1);
  });
});
