import { createParams, emptyKeep, formOf, keepErrors, keepOptionsOf, newJobId, updateParams } from './job-params';

const job = {
  id: 's-1',
  store: 'store1',
  schedule: 'daily',
  ns: 'prod',
  'keep-daily': 7,
  'keep-weekly': 4,
  comment: 'x',
};

describe('prune job parameters', () => {
  it('creates with only what is set', () => {
    const form = {
      ...formOf({ id: 's-2', store: 'store1', schedule: ' 05:15 ' }),
      keep: { ...emptyKeep(), 'keep-last': '3' },
    };
    expect(createParams(form)).toEqual({ id: 's-2', store: 'store1', schedule: '05:15', 'keep-last': 3 });
    expect(createParams({ ...form, enabled: false, ns: 'a', maxDepth: '1' })).toMatchObject({
      disable: true,
      ns: 'a',
      'max-depth': '1',
    });
  });

  it('updates with `delete` for every emptied field', () => {
    const form = formOf(job);
    expect(form.enabled).toBe(true);
    const edited = { ...form, ns: '', comment: ' ', keep: { ...form.keep, 'keep-weekly': '', 'keep-last': '2' } };
    expect(updateParams(edited)).toEqual({
      params: { schedule: 'daily', 'keep-last': 2, 'keep-daily': 7 },
      delete: ['ns', 'max-depth', 'disable', 'comment', 'keep-hourly', 'keep-weekly', 'keep-monthly', 'keep-yearly'],
    });
    expect(updateParams({ ...form, enabled: false }).params).toMatchObject({ disable: true, ns: 'prod', comment: 'x' });
  });

  it('reads keep inputs as PBS takes them', () => {
    const keep = { ...emptyKeep(), 'keep-last': '2', 'keep-daily': '0', 'keep-weekly': 'x' };
    expect(keepOptionsOf(keep)).toEqual({ 'keep-last': 2 });
    expect(Object.keys(keepErrors(keep))).toEqual(['keep-daily', 'keep-weekly']);
  });

  it('makes ids like PBS’s UI', () => {
    expect(newJobId(() => '0e93d7a1-55c2-4f00-9c3b-000000000000')).toBe('s-0e93d7a1-55c2');
  });
});
