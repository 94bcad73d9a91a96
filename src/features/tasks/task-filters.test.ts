import { hasNextPage, parseTaskFilters, taskFiltersSearch, taskListParams } from './task-filters';

describe('task filters in the URL', () => {
  it('round-trips through the URL and leaves defaults out', () => {
    const search = new URLSearchParams(
      'type=verif&status=error&status=warning&store=store1&user=root&since=2026-11-01&running=1&start=50',
    );
    const f = parseTaskFilters(search);
    expect(f).toMatchObject({
      type: 'verif',
      status: ['error', 'warning'],
      store: 'store1',
      user: 'root',
      since: '2026-11-01',
      running: true,
      start: 50,
    });
    expect(taskFiltersSearch(f).toString()).toBe(
      'type=verif&store=store1&user=root&since=2026-11-01&status=error&status=warning&running=1&start=50',
    );
    expect(taskFiltersSearch(parseTaskFilters(new URLSearchParams())).toString()).toBe('');
  });

  it('drops what PBS would refuse: unknown states, bad days, negative or fractional starts', () => {
    const f = parseTaskFilters(
      new URLSearchParams('status=failed&status=ok&since=yesterday&until=2026-13-45&start=-3'),
    );
    expect(f.status).toEqual(['ok']);
    expect([f.since, f.until, f.start]).toEqual(['', '', 0]);
    expect(parseTaskFilters(new URLSearchParams('start=2.5')).start).toBe(0);
  });

  it("asks PBS with its own parameter names; days span the viewer's whole day", () => {
    const params = taskListParams(
      parseTaskFilters(new URLSearchParams('type=prune&status=error&since=2026-03-01&until=2026-03-01&start=100')),
    );
    const since = new Date('2026-03-01T00:00:00').getTime() / 1000;
    const nextDay = new Date('2026-03-02T00:00:00').getTime() / 1000;
    expect(params).toEqual({
      start: 100,
      limit: 50,
      typefilter: 'prune',
      statusfilter: ['error'],
      store: undefined,
      userfilter: undefined,
      since,
      until: nextDay - 1,
      running: undefined,
      errors: undefined,
    });
  });
});

describe('hasNextPage', () => {
  // PBS: total = start + returned, +1 when the page was full ("there may be more").
  it('offers "next" exactly when PBS added its marker', () => {
    expect(hasNextPage(0, 50, 51)).toBe(true);
    expect(hasNextPage(50, 50, 101)).toBe(true);
    expect(hasNextPage(50, 12, 62)).toBe(false);
    expect(hasNextPage(100, 0, 100)).toBe(false);
    expect(hasNextPage(0, 50, undefined)).toBe(false);
  });
});
