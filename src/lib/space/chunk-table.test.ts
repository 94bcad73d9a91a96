// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ChunkTable } from './chunk-table';
import { SpaceEngine } from './engine';
import { spaceReport } from './report';
import type { SnapshotInput } from './types';

function fidxOfRandomDigests(count: number, seed: number): Uint8Array {
  const file = new Uint8Array(4096 + 32 * count);
  file.set([47, 127, 65, 237, 145, 253, 15, 205], 0);
  const view = new DataView(file.buffer);
  view.setUint32(64, count * 4096, true);
  view.setUint32(72, 4096, true);
  let a = seed >>> 0;
  for (let at = 4096; at < file.length; at += 4) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    view.setUint32(at, (t ^ (t >>> 14)) >>> 0);
  }
  return file;
}

describe('chunk table', () => {
  it('finds what it holds, and nothing else', () => {
    const table = new ChunkTable(1, 4);
    const digests = fidxOfRandomDigests(5000, 1);
    for (let i = 0; i < 5000; i++) expect(table.findOrAdd(digests, 4096 + 32 * i, i)).toBe(i);
    for (let i = 0; i < 5000; i++) expect(table.findOrAdd(digests, 4096 + 32 * i, i)).toBe(i);
    expect(table.find(digests, 4096 + 32 * 4999)).toBe(4999);
    expect(table.find(fidxOfRandomDigests(1, 2), 4096)).toBe(-1);
    expect([table.count, table.sizeConflicts]).toEqual([5000, 0]);
    table.findOrAdd(digests, 4096, 77);
    expect(table.sizeConflicts).toBe(1);
  });

  it('never holds more than 64 bytes per distinct chunk while it grows, one owner', () => {
    const table = new ChunkTable(1);
    const digests = fidxOfRandomDigests(1_500_000, 3);
    let worst = 0;
    let shape = '';
    for (let i = 0; i < 1_500_000; i++) {
      table.findOrAdd(digests, 4096 + 32 * i, 4096);
      const now = `${table.capacity}/${table.allocatedBytes}`;
      // right after a growth is where the slack is largest
      if (now !== shape && table.count >= 4096) worst = Math.max(worst, table.allocatedBytes / table.count);
      shape = now;
    }
    expect(table.count).toBe(1_500_000);
    expect(worst).toBeLessThanOrEqual(64);
  });

  // Bytes per distinct chunk, all of it: the typed arrays' sizes over 2^20 distinct chunks (the goal: at most 64).
  it.each([
    ['grown from its initial size', undefined, 64],
    ['sized from a hint', 2 ** 20, 48],
  ])('about a million distinct chunks, %s', async (_, expectedChunks, limit) => {
    const snapshots: SnapshotInput[] = [0, 1, 2, 3].map((k) => ({
      ns: '',
      type: 'vm',
      id: String(k),
      time: 1,
      owner: 'root@pam',
      files: () => [{ name: 'drive-scsi0.img.fidx', data: fidxOfRandomDigests(2 ** 18, k + 1) }],
    }));
    const engine = new SpaceEngine(snapshots, { expectedChunks });
    await engine.run();
    const distinct = spaceReport(engine).datastore.distinct.chunks;
    expect(distinct).toBe(2 ** 20);
    const perChunk = engine.table.allocatedBytes / distinct;
    console.info(`space engine state: ${perChunk.toFixed(1)} bytes per distinct chunk`);
    expect(perChunk).toBeLessThanOrEqual(limit);
  });
});
