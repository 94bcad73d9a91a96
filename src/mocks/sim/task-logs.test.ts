// GC and backup task logs, line by line against the templates of pbs-formats.md §6.2/§6.3 (PBS 4 wording,
// §6.7), with every value worked out by hand for a tiny store.
import { createSimulator, type Simulator } from './simulator';

const S = 1_700_000_000; // 2023-11-14T22:13:20Z = 23:13:20 in Vienna (CET, +01:00)
const MiB4 = 4194304;
const d = (prefix: string) => prefix.padEnd(64, '0');

const messages = (sim: Simulator, upid: string) => sim.taskLog(upid, 0, 0).data.map((l) => l.t.replace(/^\S+: /, ''));
const stamps = (sim: Simulator, upid: string) =>
  sim.taskLog(upid, 0, 0).data.map((l) => l.t.slice(0, l.t.indexOf(': ')));

describe('task logs', () => {
  it('GC logs what PBS 4 logs, with a writer extending the cutoff', () => {
    const sim = createSimulator({ profile: 'large', startTime: S, speed: 0 });
    const h = sim.createEmptyDatastore('hand');
    const W = S + 3600;
    const G = W + 86400 + 600;
    h.insertChunk(d('1000a1'), MiB4, 2_000_000, S - 30 * 86400);
    h.insertChunk(d('2000a2'), MiB4, 1_000_000, S - 30 * 86400);
    h.insertChunk(d('4000b1'), 1048576, 400_000, W - 301);
    h.insertChunk(d('8000c1'), 1048576, 300_000, W - 300);
    h.insertChunk(d('8001c2'), 2097152, 700_000, W - 1);
    h.insertChunk(d('c000d1'), 2097152, 600_000, W);
    h.addSnapshot({
      type: 'vm',
      id: '100',
      time: S - 30 * 86400,
      files: [{ filename: 'drive-scsi0.img.fidx', chunks: [d('1000a1'), d('2000a2'), d('1000a1')] }],
    });
    h.addSnapshot({
      type: 'vm',
      id: '101',
      time: S - 20 * 86400,
      files: [{ filename: 'drive-scsi0.img.fidx', chunks: [d('1000a1')] }],
    });
    sim.setTime(W);
    sim.beginBackup(
      'hand',
      {
        type: 'vm',
        id: '200',
        archives: [
          { filename: 'drive-scsi0.img.fidx', chunks: [{ id: d('0000e1'), rawSize: MiB4, diskSize: 1_500_000 }] },
        ],
      },
      'root@pam',
    );
    sim.setTime(G);
    const upid = sim.startGc('hand', 'root@pam');
    sim.advance(60);
    expect(messages(sim, upid)).toEqual([
      'starting garbage collection on store hand',
      'Access time update check successful, proceeding with GC.',
      'Using access time cutoff 1d 5m, minimum access time is 2023-11-14T23:18:20Z',
      'Oldest backup writer started at 53y 10M 1w 4d 23h 13m 20s, extending minimum access time to 2023-11-14T23:08:20Z',
      'Start GC phase1 (mark used chunks)',
      'marked 50% (1 of 2 index files)',
      'marked 100% (2 of 2 index files)',
      'Start GC phase2 (sweep unused chunks)',
      'processed 6% (1 chunks)',
      'processed 12% (2 chunks)',
      'processed 25% (3 chunks)',
      'processed 50% (4 chunks)',
      'processed 75% (6 chunks)',
      'Chunk cache: hits 2, misses 2 (hit ratio 50.00%)',
      'Removed garbage: 390.625 KiB',
      'Removed chunks: 1',
      'Pending removals: 976.563 KiB (in 2 chunks)',
      'Original data usage: 16 MiB',
      'On-Disk usage: 4.864 MiB (30.40%)',
      'On-Disk chunks: 4',
      'Deduplication factor: 3.29',
      'Average chunk size: 1.216 MiB',
      'TASK OK',
    ]);
    // G = 2023-11-15T23:23:20Z, local time in Vienna one hour ahead
    expect(stamps(sim, upid)[0]).toBe('2023-11-16T00:23:20+01:00');
    expect(upid).toMatch(
      /^UPID:pbs-large:[0-9A-F]{8}:[0-9A-F]{8}:[0-9A-F]{8}:655552E8:garbage_collection:hand:root@pam:$/,
    );
  });

  it('a backup logs per-archive upload statistics and keeps them in the manifest', () => {
    const sim = createSimulator({ profile: 'large', startTime: S, speed: 0 });
    const h = sim.createEmptyDatastore('hand');
    h.insertChunk(d('3333'), MiB4, 3_000_000, S - 86400);
    const chunks = [
      { id: d('1111'), rawSize: MiB4, diskSize: 1_000_000 },
      { id: d('2222'), rawSize: MiB4, diskSize: 2_000_000 },
      { id: d('3333'), rawSize: MiB4, diskSize: 3_000_000 },
    ];
    const archives = [
      { filename: 'qemu-server.conf.blob', size: 412 },
      { filename: 'drive-scsi0.img.fidx', chunks },
    ];
    sim.setTime(S + 100);
    const first = sim.beginBackup('hand', { type: 'vm', id: '200', archives }, 'root@pam');
    expect(sim.taskStatus(first.upid).status).toBe('running');
    expect(sim.listSnapshots('hand', '', 'vm', '200')[0]).not.toHaveProperty('size');
    sim.advance(30);
    first.finish();
    const path = 'vm/200/2023-11-14T22:15:00Z';
    const lines = messages(sim, first.upid);
    expect(lines[4]).toMatch(/^UUID: [0-9a-f]{32}$/);
    expect(lines[5]).toMatch(/^Checksum: [0-9a-f]{64}$/);
    expect([...lines.slice(0, 4), ...lines.slice(6)]).toEqual([
      `starting new backup on datastore 'hand' from ::ffff:192.168.10.21: "${path}"`,
      `add blob "/mnt/datastore/hand/${path}/qemu-server.conf.blob" (412 bytes, comp: 412)`,
      `created new fixed index 1 ("${path}/drive-scsi0.img.fidx")`,
      `Upload statistics for 'drive-scsi0.img.fidx'`,
      'Size: 12582912',
      'Chunk count: 3',
      'Upload size: 12582912 (100%)',
      'Duplicates: 0+1 (33%)',
      'Compression: 47%',
      'successfully closed fixed index 1',
      `add blob "/mnt/datastore/hand/${path}/index.json.blob" (560 bytes, comp: 560)`,
      'successfully finished backup',
      'backup finished successfully',
      'TASK OK',
    ]);
    const st = stamps(sim, first.upid);
    expect(st[0]).toBe('2023-11-14T23:15:00+01:00');
    expect(st.at(-1)).toBe('2023-11-14T23:15:30+01:00');
    expect(sim.snapshotManifest('hand', '', 'vm', '200', S + 100).unprotected.chunk_upload_stats).toEqual({
      compressed_size: 6_000_000,
      count: 3,
      duplicates: 1,
      size: 12_582_912,
    });

    // the next night the client reuses the previous index: all chunks are client-side duplicates
    sim.setTime(S + 100 + 86400);
    const second = sim.beginBackup('hand', { type: 'vm', id: '200', archives }, 'root@pam');
    sim.advance(20);
    second.finish();
    const next = 'vm/200/2023-11-15T22:15:00Z';
    const l2 = messages(sim, second.upid);
    expect([...l2.slice(0, 7), ...l2.slice(9)]).toEqual([
      `starting new backup on datastore 'hand' from ::ffff:192.168.10.21: "${next}"`,
      `download 'index.json.blob' from previous backup.`,
      `register chunks in 'drive-scsi0.img.fidx' from previous backup.`,
      `download 'drive-scsi0.img.fidx' from previous backup.`,
      `add blob "/mnt/datastore/hand/${next}/qemu-server.conf.blob" (412 bytes, comp: 412)`,
      `created new fixed index 1 ("${next}/drive-scsi0.img.fidx")`,
      `Upload statistics for 'drive-scsi0.img.fidx'`,
      'Size: 12582912',
      'Chunk count: 3',
      'Upload size: 0 (0%)',
      'Duplicates: 3+0 (100%)',
      'successfully closed fixed index 1',
      `add blob "/mnt/datastore/hand/${next}/index.json.blob" (560 bytes, comp: 560)`,
      'successfully finished backup',
      'backup finished successfully',
      'TASK OK',
    ]);
    const snap = sim.listSnapshots('hand', '', 'vm', '200').find((s) => s['backup-time'] === S + 100 + 86400);
    expect(snap?.size).toBe(412 + 12_582_912 + 560);
  });
});
