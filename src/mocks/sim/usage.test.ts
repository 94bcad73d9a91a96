// estimated-full-date as PBS computes it: least squares over the month RRD's usage ratios, ≥ 7 points.
import { createSimulator } from './simulator';
import { estimateFullDate, type UsageHistory } from './usage';

const series = (values: (number | null)[], start = 1_700_000_000, delta = 1800): UsageHistory => ({
  history: values,
  start,
  delta,
});

describe('estimated-full-date', () => {
  it('extrapolates a growing store to the moment it reaches 1.0', () => {
    // +0.01 per slot from 0.5: reaches 1.0 fifty slots after the start
    const h = series(Array.from({ length: 10 }, (_, i) => 0.5 + i * 0.01));
    expect(estimateFullDate(h)).toBe(1_700_000_000 + 50 * 1800);
  });

  it('is 0 ("never") for a flat store and in the past for a shrinking one', () => {
    expect(estimateFullDate(series(Array(20).fill(0.42)))).toBe(0);
    expect(estimateFullDate(series(Array.from({ length: 10 }, (_, i) => 0.6 - i * 0.01)))).toBeLessThan(1_700_000_000);
  });

  it('is absent with fewer than 7 data points; null slots do not count', () => {
    expect(estimateFullDate(series([0.1, 0.2, 0.3, 0.4, 0.5, 0.6]))).toBeUndefined();
    expect(estimateFullDate(series([null, null, 0.1, 0.2, null, 0.3, 0.4, 0.5, 0.6]))).toBeUndefined();
    expect(estimateFullDate(series([null, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]))).toBeGreaterThan(1_700_000_000);
  });

  it('a store created just now has no estimate, and its history is null before it existed', () => {
    const sim = createSimulator({ profile: 'large', startTime: 1_700_000_000, speed: 0 });
    sim.createEmptyDatastore('fresh');
    const item = sim.datastoreUsage().find((u) => u.store === 'fresh');
    expect(item).toBeDefined();
    expect(item).not.toHaveProperty('estimated-full-date');
    expect(item?.history?.slice(0, 1400).every((v) => v === null)).toBe(true);
    expect(item?.['history-delta']).toBe(1800);
    expect(item?.history).toHaveLength(1440);
  });
});
