import { describeEstimatedFull, estimatedFullTitle, interpretEstimatedFull } from './estimated-full';

const now = 1_717_597_476;

describe('interpretEstimatedFull', () => {
  it('has not enough data when PBS omits the estimate', () => {
    expect(interpretEstimatedFull({ avail: 10 }, now)).toEqual({ kind: 'not-enough-data' });
  });

  it('reads 0, -1 and past dates as never (flat or shrinking usage)', () => {
    expect(interpretEstimatedFull({ avail: 10, 'estimated-full-date': 0 }, now)).toEqual({ kind: 'never' });
    expect(interpretEstimatedFull({ avail: 10, 'estimated-full-date': -1 }, now)).toEqual({ kind: 'never' });
    expect(interpretEstimatedFull({ avail: 10, 'estimated-full-date': now - 86400 }, now)).toEqual({ kind: 'never' });
    expect(interpretEstimatedFull({ avail: 10, 'estimated-full-date': now }, now)).toEqual({ kind: 'never' });
  });

  it('is full when nothing is available, whatever the estimate', () => {
    expect(interpretEstimatedFull({ avail: 0, 'estimated-full-date': now + 100 }, now)).toEqual({ kind: 'full' });
    expect(interpretEstimatedFull({ avail: 0 }, now)).toEqual({ kind: 'full' });
  });

  it('keeps a future date', () => {
    expect(interpretEstimatedFull({ avail: 10, 'estimated-full-date': now + 90 * 86400 }, now)).toEqual({
      kind: 'date',
      epoch: now + 90 * 86400,
    });
  });

  it('treats a store without sizes (error entry) as not enough data', () => {
    expect(interpretEstimatedFull({}, now)).toEqual({ kind: 'not-enough-data' });
  });
});

describe('describeEstimatedFull', () => {
  it('words each case', () => {
    expect(describeEstimatedFull({ kind: 'full' }, now)).toBe('Full');
    expect(describeEstimatedFull({ kind: 'never' }, now)).toBe('Never');
    expect(describeEstimatedFull({ kind: 'not-enough-data' }, now)).toBe('Not enough data');
    expect(describeEstimatedFull({ kind: 'date', epoch: now + 90 * 86400 }, now)).toBe('in 3 months');
  });

  it('gives the exact date on hover', () => {
    expect(estimatedFullTitle({ kind: 'date', epoch: now }, { timeZone: 'UTC' })).toBe('2024-06-05 14:24:36 UTC');
    expect(estimatedFullTitle({ kind: 'never' })).toBe('');
  });
});
