import {
  countMatches,
  dayStart,
  groupMatchesText,
  parseFilters,
  snapshotMatcher,
  type ContentFilters,
} from './content-filters';
import { snapshotFacts } from './snapshot-facts';
import { encrypted, group, NOW, snapshot, verifiedFailed, verifiedOk } from './tree-fixtures';

const none: ContentFilters = { q: '', from: '', to: '', verify: '', enc: '', prot: '' };
const web = group('vm', '101', 'web01', 'root@pam!pve');
const list = [
  snapshot(web, 1, verifiedOk(1)),
  snapshot(web, 2, verifiedFailed),
  snapshot(web, 3, { ...verifiedOk(40), protected: true }),
  snapshot(web, 4, encrypted),
];
const facts = snapshotFacts(list);
const count = (f: Partial<ContentFilters>) => countMatches(facts, snapshotMatcher({ ...none, ...f }, NOW)!);

describe('content filters', () => {
  it('reads the URL and drops values it does not know', () => {
    const f = parseFilters(new URLSearchParams('q=web&from=2024-01-01&to=bad&verify=failed&enc=nope&prot=yes'));
    expect(f).toEqual({ q: 'web', from: '2024-01-01', to: '', verify: 'failed', enc: '', prot: 'yes' });
  });

  it('matches group text on id, type/id, guest name and owner, ignoring case', () => {
    expect(groupMatchesText(web, 'WEB')).toBe(true);
    expect(groupMatchesText(web, 'vm/10')).toBe(true);
    expect(groupMatchesText(web, '!pve')).toBe(true);
    expect(groupMatchesText(web, 'ct/')).toBe(false);
    expect(groupMatchesText(web, '  ')).toBe(true);
  });

  it('has no snapshot matcher without snapshot filters', () => {
    expect(snapshotMatcher({ ...none, q: 'web' }, NOW)).toBeNull();
  });

  it('filters by verify state, outdated after 30 days', () => {
    expect(count({ verify: 'ok' })).toBe(1);
    expect(count({ verify: 'outdated' })).toBe(1);
    expect(count({ verify: 'failed' })).toBe(1);
    expect(count({ verify: 'none' })).toBe(1);
  });

  it('filters by encryption and protection', () => {
    expect(count({ enc: 'encrypted' })).toBe(1);
    expect(count({ enc: 'none' })).toBe(3);
    expect(count({ prot: 'yes' })).toBe(1);
    expect(count({ prot: 'no', enc: 'none' })).toBe(2);
  });

  it('takes whole local days for the date range', () => {
    const d = new Date((NOW - 2 * 86400) * 1000);
    const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    expect(dayStart(day)).toBeLessThanOrEqual(NOW - 2 * 86400);
    expect(count({ from: day, to: day })).toBe(1);
    expect(count({ from: day })).toBe(2);
    expect(count({ to: day })).toBe(3);
  });
});
