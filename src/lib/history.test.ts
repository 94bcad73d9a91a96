import { usageHistoryPoints } from './history';

describe('usageHistoryPoints', () => {
  it('spaces the points by history-delta from history-start', () => {
    expect(usageHistoryPoints([0.1, 0.2], 1000, 1800)).toEqual([
      { time: 1000, value: 0.1, carried: false },
      { time: 2800, value: 0.2, carried: false },
    ]);
  });

  it('carries the last value over null slots, leaving leading nulls empty', () => {
    const points = usageHistoryPoints([null, null, 0.4, null, null, 0.5], 0, 1800);
    expect(points.map((p) => p.value)).toEqual([null, null, 0.4, 0.4, 0.4, 0.5]);
    expect(points.map((p) => p.carried)).toEqual([false, false, false, true, true, false]);
  });

  it('gives nothing for a store without history (error or trimmed entry)', () => {
    expect(usageHistoryPoints(undefined, undefined, undefined)).toEqual([]);
    expect(usageHistoryPoints([0.1], 0, 0)).toEqual([]);
  });
});
