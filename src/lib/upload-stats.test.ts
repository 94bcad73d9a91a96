import { backupLogSnapshotPath, parseBackupLog, summarizeManifestStats } from './upload-stats';

// A VM backup log as PBS 3.2/4.x writes it (pbs-formats.md §6.2), with the API's timestamp prefix.
const LOG = [
  `2024-06-05T10:00:01+02:00: starting new backup on datastore 'store1' from ::ffff:192.168.1.10: "ns/prod/vm/100/2024-06-05T08:00:01Z"`,
  `2024-06-05T10:00:01+02:00: download 'index.json.blob' from previous backup.`,
  `2024-06-05T10:00:01+02:00: register chunks in 'drive-scsi0.img.fidx' from previous backup.`,
  `2024-06-05T10:00:01+02:00: download 'drive-scsi0.img.fidx' from previous backup.`,
  `2024-06-05T10:00:02+02:00: add blob "/mnt/datastore/store1/ns/prod/vm/100/2024-06-05T08:00:01Z/qemu-server.conf.blob" (412 bytes, comp: 412)`,
  `2024-06-05T10:00:02+02:00: created new fixed index 1 ("ns/prod/vm/100/2024-06-05T08:00:01Z/drive-scsi0.img.fidx")`,
  `2024-06-05T10:00:02+02:00: created new fixed index 2 ("ns/prod/vm/100/2024-06-05T08:00:01Z/drive-efidisk0.img.fidx")`,
  `2024-06-05T10:02:10+02:00: Upload statistics for 'drive-scsi0.img.fidx'`,
  `2024-06-05T10:02:10+02:00: UUID: 1f1ad2a3b6c34c2bb6f7d4e1c2a9e0ff`,
  `2024-06-05T10:02:10+02:00: Checksum: ${'ab'.repeat(32)}`,
  `2024-06-05T10:02:10+02:00: Size: 34359738368`,
  `2024-06-05T10:02:10+02:00: Chunk count: 8192`,
  `2024-06-05T10:02:10+02:00: Upload size: 687865856 (2%)`,
  `2024-06-05T10:02:10+02:00: Duplicates: 8028+3 (98%)`,
  `2024-06-05T10:02:10+02:00: Compression: 41%`,
  `2024-06-05T10:02:10+02:00: successfully closed fixed index 1`,
  `2024-06-05T10:02:10+02:00: Upload statistics for 'drive-efidisk0.img.fidx'`,
  `2024-06-05T10:02:10+02:00: UUID: 2f1ad2a3b6c34c2bb6f7d4e1c2a9e0ff`,
  `2024-06-05T10:02:10+02:00: Checksum: ${'cd'.repeat(32)}`,
  `2024-06-05T10:02:10+02:00: Size: 0`,
  `2024-06-05T10:02:10+02:00: Chunk count: 0`,
  `2024-06-05T10:02:10+02:00: successfully closed fixed index 2`,
  `2024-06-05T10:02:11+02:00: add blob "/mnt/datastore/store1/ns/prod/vm/100/2024-06-05T08:00:01Z/index.json.blob" (873 bytes, comp: 873)`,
  `2024-06-05T10:02:11+02:00: successfully finished backup`,
  `2024-06-05T10:02:11+02:00: backup finished successfully`,
  `2024-06-05T10:02:11+02:00: TASK OK`,
];

describe('parseBackupLog', () => {
  it('reads each archive block with new vs reused chunks and compression', () => {
    const stats = parseBackupLog(LOG);
    expect(stats.snapshot).toBe('ns/prod/vm/100/2024-06-05T08:00:01Z');
    expect(stats.archives[0]).toEqual({
      archive: 'drive-scsi0.img.fidx',
      size: 34359738368,
      chunkCount: 8192,
      uploadedBytes: 687865856,
      uploadedPercent: 2,
      clientDuplicates: 8028,
      serverDuplicates: 3,
      duplicatePercent: 98,
      compressionPercent: 41,
    });
    expect(stats.blobs).toEqual([{ file: 'qemu-server.conf.blob', size: 412 }]);
  });

  it('leaves out what PBS does not print for an empty archive', () => {
    expect(parseBackupLog(LOG).archives[1]).toEqual({ archive: 'drive-efidisk0.img.fidx', size: 0, chunkCount: 0 });
  });

  it('reads lines without the timestamp and a start line without a client address', () => {
    const stats = parseBackupLog([
      `starting new backup on datastore 'store1': "ct/110/2024-06-05T08:00:01Z"`,
      `Upload statistics for 'root.pxar.didx'`,
      'Size: 100',
      'Chunk count: 2',
      'Upload size: 100 (100%)',
      'Compression: 50%',
    ]);
    expect(stats.snapshot).toBe('ct/110/2024-06-05T08:00:01Z');
    expect(stats.archives).toEqual([
      {
        archive: 'root.pxar.didx',
        size: 100,
        chunkCount: 2,
        uploadedBytes: 100,
        uploadedPercent: 100,
        compressionPercent: 50,
      },
    ]);
  });

  it('finds nothing in a log that is not a backup log', () => {
    expect(parseBackupLog(['TASK OK', 'Upload size: 1 (1%)'])).toEqual({ archives: [], blobs: [] });
  });
});

describe('summarizeManifestStats', () => {
  it('tells sent chunks the store already had from new ones', () => {
    expect(summarizeManifestStats({ count: 160, size: 671088640, compressed_size: 268435456, duplicates: 10 })).toEqual(
      {
        uploadedChunks: 160,
        uploadedBytes: 671088640,
        compressedBytes: 268435456,
        serverDuplicates: 10,
        newChunks: 150,
        compressionRatio: 0.4,
      },
    );
  });

  it('knows no ratio when nothing was sent, and nothing without stats', () => {
    expect(
      summarizeManifestStats({ count: 0, size: 0, compressed_size: 0, duplicates: 0 })?.compressionRatio,
    ).toBeUndefined();
    expect(summarizeManifestStats(undefined)).toBeUndefined();
  });
});

describe('backupLogSnapshotPath', () => {
  it('writes the path as the backup log does', () => {
    expect(backupLogSnapshotPath('', 'vm', '100', 1717574401)).toBe('vm/100/2024-06-05T08:00:01Z');
    expect(backupLogSnapshotPath('prod/db', 'ct', '110', 1717574401)).toBe('ns/prod/ns/db/ct/110/2024-06-05T08:00:01Z');
  });
});
