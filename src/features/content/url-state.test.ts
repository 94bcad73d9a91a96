import { formatDetail, parseDetail, parseGroupKey } from './url-state';
import { groupKey } from './tree-rows';

describe('content URL state', () => {
  it('round-trips the open detail, namespaced or not', () => {
    const d = { ns: 'prod/db', type: 'vm' as const, id: '300', time: 1795733558 };
    expect(parseDetail(formatDetail(d))).toEqual(d);
    expect(parseDetail(':ct/110/5')).toEqual({ ns: '', type: 'ct', id: '110', time: 5 });
  });

  it('refuses a detail that is not a snapshot', () => {
    expect(parseDetail('prod:vm/300')).toBeNull();
    expect(parseDetail('prod:disk/300/1')).toBeNull();
    expect(parseDetail('../x:vm/1/1')).toBeNull();
    expect(parseDetail(null)).toBeNull();
  });

  it('reads group keys back', () => {
    expect(parseGroupKey(groupKey('prod/db', 'vm', '300'))).toEqual({ ns: 'prod/db', type: 'vm', id: '300' });
    expect(parseGroupKey(groupKey('', 'host', 'pve1'))).toEqual({ ns: '', type: 'host', id: 'pve1' });
    expect(parseGroupKey('n:prod')).toBeNull();
  });
});
