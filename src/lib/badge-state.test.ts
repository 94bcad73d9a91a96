import { storeBadgeState, worstBadgeState, type TaskFacts } from './badge-state';

const now = 1_800_000_000;
const day = 86_400;
const TiB = 2 ** 40;
const healthy = {
  store: 'store1',
  used: 2 * TiB,
  avail: 8 * TiB,
  total: 10 * TiB,
  'estimated-full-date': now + 400 * day,
};
const verifiedYesterday = [{ store: 'store1', 'last-run-endtime': now - day }];

describe('storeBadgeState', () => {
  it('is ok for a healthy, recently verified datastore', () => {
    expect(storeBadgeState(healthy, [], verifiedYesterday, now)).toEqual({ state: 'ok', reasons: [] });
  });

  it('is failing when the datastore is not available', () => {
    const v = storeBadgeState({ store: 'store1', error: 'EIO' }, [], [], now);
    expect(v.state).toBe('failing');
    expect(v.reasons[0]).toContain('EIO');
  });

  it.each([
    ['verificationjob', 'store1:v-daily', 'verify'],
    ['verify', 'store1:vm/100/6500A0B0', 'verify'],
    ['garbage_collection', 'store1', 'garbage collection'],
    ['prunejob', 'store1', 'prune'],
    ['prune', 'store1::vm/100', 'prune'],
  ])('is failing after a failed %s task of this store in the last 7 days', (type, id, words) => {
    const tasks: TaskFacts[] = [{ worker_type: type, worker_id: id, endtime: now - 6 * day, status: 'some error' }];
    const v = storeBadgeState(healthy, tasks, verifiedYesterday, now);
    expect(v.state).toBe('failing');
    expect(v.reasons).toContain(`a ${words} failed in the last 7 days`);
  });

  it('ignores failures older than 7 days, of other stores, of other task types, and warnings', () => {
    const tasks: TaskFacts[] = [
      { worker_type: 'garbage_collection', worker_id: 'store1', endtime: now - 8 * day, status: 'failed' },
      { worker_type: 'garbage_collection', worker_id: 'store10', endtime: now - day, status: 'failed' },
      { worker_type: 'backup', worker_id: 'store1:vm/100', endtime: now - day, status: 'failed' },
      { worker_type: 'verificationjob', worker_id: 'store1:v', endtime: now - day, status: 'WARNINGS: 2' },
      { worker_type: 'prunejob', worker_id: 'store1', status: undefined },
    ];
    expect(storeBadgeState(healthy, tasks, verifiedYesterday, now).state).toBe('ok');
  });

  it('is full with no space left, or when estimated full within 7 days', () => {
    expect(storeBadgeState({ ...healthy, used: 10 * TiB, avail: 0 }, [], verifiedYesterday, now)).toEqual({
      state: 'full',
      reasons: ['no space left'],
    });
    const soon = storeBadgeState({ ...healthy, 'estimated-full-date': now + 6 * day }, [], verifiedYesterday, now);
    expect(soon).toEqual({ state: 'full', reasons: ['estimated full within 7 days'] });
  });

  it('is warning at 80% used, when full within 30 days, or with a verify older than 30 days', () => {
    expect(storeBadgeState({ ...healthy, used: 8 * TiB, avail: 2 * TiB }, [], verifiedYesterday, now)).toEqual({
      state: 'warning',
      reasons: ['80% used'],
    });
    expect(storeBadgeState({ ...healthy, used: 7.9 * TiB, avail: 2.1 * TiB }, [], verifiedYesterday, now).state).toBe(
      'ok',
    );
    expect(
      storeBadgeState({ ...healthy, 'estimated-full-date': now + 20 * day }, [], verifiedYesterday, now).reasons,
    ).toEqual(['estimated full within 30 days']);
    const old = storeBadgeState(healthy, [], [{ store: 'store1', 'last-run-endtime': now - 31 * day }], now);
    expect(old).toEqual({ state: 'warning', reasons: ['last verify more than 30 days ago'] });
  });

  it('takes the newest verify from jobs and tasks, and a past estimate as no estimate', () => {
    const oldJob = [{ store: 'store1', 'last-run-endtime': now - 40 * day }];
    const recentTask: TaskFacts[] = [
      { worker_type: 'verify', worker_id: 'store1', endtime: now - 2 * day, status: 'OK' },
    ];
    expect(storeBadgeState(healthy, recentTask, oldJob, now).state).toBe('ok');
    expect(storeBadgeState({ ...healthy, 'estimated-full-date': now - day }, [], verifiedYesterday, now).state).toBe(
      'ok',
    );
  });

  it('keeps every reason, most serious first', () => {
    const tasks: TaskFacts[] = [
      { worker_type: 'garbage_collection', worker_id: 'store1', endtime: now - day, status: 'EIO' },
    ];
    const v = storeBadgeState(
      { ...healthy, used: 9 * TiB, avail: TiB, 'estimated-full-date': now + 3 * day },
      tasks,
      verifiedYesterday,
      now,
    );
    expect(v).toEqual({
      state: 'failing',
      reasons: ['a garbage collection failed in the last 7 days', 'estimated full within 7 days', '90% used'],
    });
  });
});

describe('worstBadgeState', () => {
  it('picks the worst verdict, ok for none', () => {
    expect(worstBadgeState([])).toBe('ok');
    expect(
      worstBadgeState([
        { state: 'warning', reasons: [] },
        { state: 'ok', reasons: [] },
      ]),
    ).toBe('warning');
    expect(
      worstBadgeState([
        { state: 'full', reasons: [] },
        { state: 'failing', reasons: [] },
        { state: 'warning', reasons: [] },
      ]),
    ).toBe('failing');
  });
});
