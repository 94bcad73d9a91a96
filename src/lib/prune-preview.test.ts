import { hasKeepOption, previewCounts, previewRows, reasonText } from './prune-preview';

const day = 86400;
// 2024-01-01 … 2024-01-10 at 02:00 UTC, one snapshot a day, vm/100; the 3rd is protected
const T0 = Date.UTC(2024, 0, 1, 2) / 1000;
const snaps = Array.from({ length: 10 }, (_, i) => ({ type: 'vm', id: '100', time: T0 + i * day, protected: i === 2 }));

describe('previewRows', () => {
  it('says which rule keeps each snapshot, newest first', () => {
    const rows = previewRows(snaps, { 'keep-last': 2, 'keep-weekly': 2 }, 'UTC');
    expect(rows.map((r) => [r.time, r.keep, r.reason])).toEqual([
      [T0 + 9 * day, true, 'keep-last'],
      [T0 + 8 * day, true, 'keep-last'],
      // 2024-01-08 is a Monday: days 7 (Jan 8) … 9 share ISO week 2, already kept by keep-last
      [T0 + 7 * day, false, 'no-rule'],
      // week 1 (Jan 1–7): the newest is Jan 7
      [T0 + 6 * day, true, 'keep-weekly'],
      [T0 + 5 * day, false, 'no-rule'],
      [T0 + 4 * day, false, 'no-rule'],
      [T0 + 3 * day, false, 'no-rule'],
      [T0 + 2 * day, true, 'protected'],
      [T0 + 1 * day, false, 'no-rule'],
      [T0, false, 'no-rule'],
    ]);
    expect(rows.every((r) => !r.disagree && r.server === undefined)).toBe(true);
    expect(previewCounts(rows)).toEqual({ keep: 4, remove: 6, disagree: 0 });
  });

  it('keeps everything without a keep option, as PBS does', () => {
    const rows = previewRows(snaps, {}, 'UTC');
    expect(rows.every((r) => r.keep && r.reason === 'no-selection')).toBe(true);
    expect(hasKeepOption({})).toBe(false);
    expect(hasKeepOption({ 'keep-daily': 1 })).toBe(true);
  });

  it('counts periods in the given time zone', () => {
    // 23:30 and 00:30 UTC on one night: two days in UTC, one day in Vienna (00:30 and 01:30 local)
    const night = [
      { type: 'ct', id: '1', time: Date.UTC(2024, 5, 1, 23, 30) / 1000 },
      { type: 'ct', id: '1', time: Date.UTC(2024, 5, 2, 0, 30) / 1000 },
    ];
    expect(previewRows(night, { 'keep-daily': 5 }, 'UTC').filter((r) => r.keep)).toHaveLength(2);
    expect(previewRows(night, { 'keep-daily': 5 }, 'Europe/Vienna').filter((r) => r.keep)).toHaveLength(1);
  });

  it('flags where the server’s dry run disagrees or is silent', () => {
    const server = snaps.slice(1).map((s) => ({ ...s, keep: s.time >= T0 + 8 * day || s.protected }));
    const rows = previewRows(snaps, { 'keep-last': 2, 'keep-weekly': 2 }, 'UTC', server);
    const flagged = rows.filter((r) => r.disagree).map((r) => r.time);
    // Jan 7 (kept weekly locally, removed by the server) and Jan 1 (not in the server's list)
    expect(flagged).toEqual([T0 + 6 * day, T0]);
    expect(rows.find((r) => r.time === T0 + 9 * day)?.server).toBe(true);
    expect(previewCounts(rows).disagree).toBe(2);
  });

  it('orders groups by name and handles unfinished snapshots', () => {
    const rows = previewRows(
      [
        { type: 'vm', id: '2', time: 100, finished: false },
        { type: 'vm', id: '2', time: 50 },
        { type: 'ct', id: '9', time: 10 },
      ],
      { 'keep-last': 1 },
      'UTC',
    );
    expect(rows.map((r) => [r.group, r.reason])).toEqual([
      ['ct/9', 'keep-last'],
      ['vm/2', 'unfinished'],
      ['vm/2', 'keep-last'],
    ]);
  });
});

describe('reasonText', () => {
  it('puts each reason in words', () => {
    expect(reasonText('keep-daily')).toBe('kept by keep-daily');
    expect(reasonText('protected')).toBe('kept: protected');
    expect(reasonText('no-rule')).toBe('removed: no rule keeps it');
    expect(reasonText('unfinished-superseded')).toBe('removed: unfinished, a newer backup finished');
  });
});
