import { dedupFactor, formatDedupFactor } from './dedup';

describe('dedupFactor', () => {
  it('divides referenced data by on-disk bytes', () => {
    expect(dedupFactor({ 'index-data-bytes': 1_288_490_188_800, 'disk-bytes': 214_748_364_800 })).toBe(6);
  });

  it('is 1.00 when GC never ran or nothing is on disk', () => {
    expect(dedupFactor(undefined)).toBe(1);
    expect(dedupFactor(null)).toBe(1);
    expect(dedupFactor({ 'index-data-bytes': 0, 'disk-bytes': 0 })).toBe(1);
    expect(dedupFactor({ 'index-data-bytes': 500, 'disk-bytes': 0 })).toBe(1);
  });

  it('prints two decimals', () => {
    expect(formatDedupFactor(dedupFactor({ 'index-data-bytes': 10, 'disk-bytes': 3 }))).toBe('3.33');
    expect(formatDedupFactor(dedupFactor(undefined))).toBe('1.00');
  });
});
