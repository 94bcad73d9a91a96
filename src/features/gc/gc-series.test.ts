import type { GcLogSummary } from '@/lib/gc-log';
import { gcBytesSeries, gcDedupSeries, gcHistoryRows, type GcRun } from './gc-series';

const summary = (over: Partial<GcLogSummary>): GcLogSummary => ({
  pendingBytes: 0,
  pendingChunks: 0,
  removedBad: 0,
  stillBad: 0,
  removedBytes: 0,
  dedupFactor: 1,
  ...over,
});

const runs: GcRun[] = [
  // newest first, as the task list gives them
  { upid: 'running', starttime: 5000 },
  {
    upid: 'c',
    starttime: 3000,
    endtime: 3090,
    status: 'OK',
    summary: summary({
      start: 3000,
      end: 3080,
      removedBytes: 300,
      pendingBytes: 30,
      dedupFactor: 4.2,
      schedule: 'daily',
    }),
  },
  {
    upid: 'failed',
    starttime: 2500,
    endtime: 2501,
    status: 'Start GC failed',
    summary: { pendingBytes: 0, pendingChunks: 0, removedBad: 0, stillBad: 0, result: 'Start GC failed' },
  },
  { upid: 'unread', starttime: 2200, endtime: 2210, status: 'OK' },
  {
    upid: 'a',
    starttime: 1000,
    endtime: 1060,
    status: 'WARNINGS: 1',
    summary: summary({ removedBytes: 100, dedupFactor: 3.5 }),
  },
  { upid: 'c', starttime: 3000, endtime: 3090, status: 'OK', summary: summary({ removedBytes: 999 }) },
];

describe('GC history series', () => {
  it('keeps finished runs with a summary, oldest first, once each', () => {
    expect(gcHistoryRows(runs)).toEqual([
      { upid: 'a', time: 1060, duration: 60, removed: 100, pending: 0, dedup: 3.5, status: 'WARNINGS: 1' },
      { upid: 'c', time: 3080, duration: 80, removed: 300, pending: 30, dedup: 4.2, status: 'OK', schedule: 'daily' },
    ]);
  });

  it('splits bytes and the dedup factor into their own series', () => {
    const rows = gcHistoryRows(runs);
    expect(gcBytesSeries(rows)).toEqual([
      { time: 1060, removed: 100, pending: 0 },
      { time: 3080, removed: 300, pending: 30 },
    ]);
    expect(gcDedupSeries(rows)).toEqual([
      { time: 1060, dedup: 3.5 },
      { time: 3080, dedup: 4.2 },
    ]);
  });

  it('gives nothing to draw when no run finished', () => {
    expect(gcHistoryRows([{ upid: 'running', starttime: 1 }])).toEqual([]);
  });
});
