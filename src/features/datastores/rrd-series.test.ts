import { ioDelayMs, rrdSeries } from './rrd-series';

describe('rrdSeries', () => {
  it('derives total as used + available and keeps missing slots as gaps', () => {
    const s = rrdSeries([{ time: 60, used: 10, available: 30, read_bytes: 5 }, { time: 120 }]);
    expect(s.usage).toEqual([
      { time: 60, total: 40, used: 10 },
      { time: 120, total: null, used: null },
    ]);
    expect(s.transfer[0]).toEqual({ time: 60, read: 5, write: null });
  });

  it('computes IO delay from io_ticks per operation and hides it without io_ticks', () => {
    expect(ioDelayMs({ time: 0, io_ticks: 0.02, read_ios: 3, write_ios: 1 })).toBeCloseTo(5);
    expect(ioDelayMs({ time: 0, io_ticks: 0.5 })).toBe(0);
    expect(rrdSeries([{ time: 0, read_ios: 1 }]).ioDelay).toBeNull();
    expect(rrdSeries([{ time: 0, io_ticks: 0.01, read_ios: 1 }]).ioDelay).toEqual([{ time: 0, delay: 10 }]);
  });
});
