import { formatPercent, usageLevel, usageRatio } from './usage';

describe('usageRatio', () => {
  it('uses used / (used + avail), not used / total', () => {
    expect(usageRatio({ used: 409_493_594_112, avail: 7_589_931_560_960, total: 7_999_425_155_072 })).toBeCloseTo(
      0.0512,
      4,
    );
    expect(usageRatio({ used: 60, avail: 20, total: 100 })).toBe(0.75);
  });

  it('falls back to used / total, and is null without sizes', () => {
    expect(usageRatio({ used: 50, total: 100 })).toBe(0.5);
    expect(usageRatio({})).toBeNull();
    expect(usageRatio({ used: 0, avail: 0, total: 0 })).toBe(0);
  });
});

describe('usageLevel', () => {
  it.each([
    [0, 'ok'],
    [0.79, 'ok'],
    [0.8, 'warn'],
    [0.949, 'warn'],
    [0.95, 'critical'],
    [1, 'critical'],
  ] as const)('%d → %s', (ratio, level) => {
    expect(usageLevel(ratio)).toBe(level);
  });

  it('prints percent', () => {
    expect(formatPercent(0.4213)).toBe('42.1%');
  });
});
