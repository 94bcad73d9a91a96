// PBS's keep rules on hand-checked cases (pbs-datastore/src/prune.rs), periods in Europe/Vienna.
import { isoWeek, keepOptionsText, keepsSomething, prunePlan, type KeepOptions, type PruneCandidate } from './prune';
import { fromLocal } from './tz';

const Z = 'Europe/Vienna';
type Snap = PruneCandidate & { name: string };

/** `2024-10-27 02:30` in Vienna (the first of two, where the clock turns back). */
function at(text: string, extra: Partial<Snap> = {}, shift = 0): Snap {
  const [d = '', t = '12:00'] = text.split(' ');
  const [year, month, day] = d.split('-').map(Number) as [number, number, number];
  const [hour, minute] = t.split(':').map(Number) as [number, number];
  return {
    name: text + (shift ? '+' : ''),
    time: fromLocal({ year, month, day, hour, minute, second: 0 }, Z) + shift,
    ...extra,
  };
}

/** The plan as `name reason` lines, newest first. */
function plan(snaps: Snap[], keep: KeepOptions): string[] {
  const out = prunePlan(snaps, keep, Z);
  return [...snaps]
    .sort((a, b) => b.time - a.time)
    .map((s) => `${s.name} ${out.get(s)!.keep ? 'keep' : 'drop'} ${out.get(s)!.reason}`);
}

describe('prune rules', () => {
  it('keep-last keeps the newest n', () => {
    const s = ['2024-06-01', '2024-06-02', '2024-06-03', '2024-06-04', '2024-06-05'].map((d) => at(d));
    expect(plan(s, { 'keep-last': 3 })).toEqual([
      '2024-06-05 keep keep-last',
      '2024-06-04 keep keep-last',
      '2024-06-03 keep keep-last',
      '2024-06-02 drop no-rule',
      '2024-06-01 drop no-rule',
    ]);
  });

  it('counts days in the server zone across the night the clocks go back', () => {
    // 00:30 on Oct 27 is still Oct 26 in UTC, and 00:10 on Oct 28 is Oct 27 in UTC: a UTC day would choose others
    const s = [
      at('2024-10-26 23:30'),
      at('2024-10-27 00:30'),
      at('2024-10-27 02:30'),
      at('2024-10-27 02:30', {}, 3600),
      at('2024-10-28 00:10'),
    ];
    expect(plan(s, { 'keep-daily': 3 })).toEqual([
      '2024-10-28 00:10 keep keep-daily',
      '2024-10-27 02:30+ keep keep-daily',
      '2024-10-27 02:30 drop no-rule',
      '2024-10-27 00:30 drop no-rule',
      '2024-10-26 23:30 keep keep-daily',
    ]);
  });

  it('counts ISO weeks: Jan 1–3 2021 belong to week 53 of 2020', () => {
    expect(isoWeek(2021, 1, 3)).toBe('2020/53');
    expect(isoWeek(2021, 1, 4)).toBe('2021/01');
    expect(isoWeek(2019, 12, 30)).toBe('2020/01');
    const s = [
      '2020-12-24',
      '2020-12-27',
      '2020-12-28',
      '2020-12-31',
      '2021-01-01',
      '2021-01-03',
      '2021-01-04',
      '2021-01-05',
    ].map((d) => at(d));
    expect(plan(s, { 'keep-weekly': 3 }).filter((l) => l.includes(' keep '))).toEqual([
      '2021-01-05 keep keep-weekly',
      '2021-01-03 keep keep-weekly',
      '2020-12-27 keep keep-weekly',
    ]);
  });

  it('counts months and years by the local calendar', () => {
    const months = [at('2024-01-31'), at('2024-02-01'), at('2024-02-29'), at('2024-03-01 00:30')];
    expect(plan(months, { 'keep-monthly': 2 }).filter((l) => l.includes(' keep '))).toEqual([
      '2024-03-01 00:30 keep keep-monthly',
      '2024-02-29 keep keep-monthly',
    ]);
    // both are in 2023 in UTC
    const years = [at('2023-12-31 23:30'), at('2024-01-01 00:30')];
    expect(plan(years, { 'keep-yearly': 2 })).toEqual([
      '2024-01-01 00:30 keep keep-yearly',
      '2023-12-31 23:30 keep keep-yearly',
    ]);
  });

  it('a later rule skips periods an earlier rule already covered', () => {
    // daily 2 keeps Jan 7 and 6 (both ISO week 2024/01), so weekly 2 goes on to weeks 2023/52 and 2023/51
    const s = ['2023-12-20', '2023-12-24', '2023-12-29', '2023-12-31', '2024-01-05', '2024-01-06', '2024-01-07'].map(
      (d) => at(d),
    );
    expect(plan(s, { 'keep-daily': 2, 'keep-weekly': 2 })).toEqual([
      '2024-01-07 keep keep-daily',
      '2024-01-06 keep keep-daily',
      '2024-01-05 drop no-rule',
      '2023-12-31 keep keep-weekly',
      '2023-12-29 drop no-rule',
      '2023-12-24 keep keep-weekly',
      '2023-12-20 drop no-rule',
    ]);
  });

  it('what a rule passed over in a period it kept, no later rule takes (weeks spanning two months)', () => {
    // weekly 1 keeps Fri Feb 2 (week 2024/05, Jan 29 – Feb 4) and marks Jan 31 and Jan 30 for removal on the way,
    // so monthly 2 keeps Jan 15 for January, not Jan 31
    const s = [at('2024-01-15'), at('2024-01-30'), at('2024-01-31'), at('2024-02-02')];
    expect(plan(s, { 'keep-weekly': 1, 'keep-monthly': 2 })).toEqual([
      '2024-02-02 keep keep-weekly',
      '2024-01-31 drop no-rule',
      '2024-01-30 drop no-rule',
      '2024-01-15 keep keep-monthly',
    ]);
  });

  it('protected snapshots stay and do not count toward a rule', () => {
    const s = [at('2024-06-01'), at('2024-06-02'), at('2024-06-03'), at('2024-06-04', { protected: true })];
    expect(plan(s, { 'keep-last': 2 })).toEqual([
      '2024-06-04 keep protected',
      '2024-06-03 keep keep-last',
      '2024-06-02 keep keep-last',
      '2024-06-01 drop no-rule',
    ]);
    // without any rule PBS still marks, and a protected one still stays
    expect(plan(s, {})[0]).toBe('2024-06-04 keep protected');
  });

  it('keeps only the newest snapshot if it is unfinished', () => {
    const s = [
      at('2024-06-01', { finished: false }),
      at('2024-06-02'),
      at('2024-06-03', { finished: false }),
      at('2024-06-04', { finished: false }),
    ];
    expect(plan(s, { 'keep-last': 1 })).toEqual([
      '2024-06-04 keep unfinished',
      '2024-06-03 drop unfinished-superseded',
      '2024-06-02 keep keep-last',
      '2024-06-01 drop unfinished-superseded',
    ]);
  });

  it('renders the options as PBS logs them and knows when nothing is kept', () => {
    expect(keepOptionsText({ 'keep-yearly': 1, 'keep-last': 2, 'keep-weekly': 0 })).toBe(
      '--keep-last 2 --keep-yearly 1',
    );
    expect(keepsSomething({})).toBe(false);
    expect(keepsSomething({ 'keep-daily': 0 })).toBe(false);
    expect(keepsSomething({ 'keep-daily': 1 })).toBe(true);
  });
});
