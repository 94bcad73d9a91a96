import type { GroupItem, SnapshotItem } from '@/api/schemas/content';
import { guestFacts } from './guest-facts';
import { contentHref, guestRows, matchesGuest, sortGuests, thresholdsFrom } from './guest-rows';

const NOW = 1_790_000_000;
const HOUR = 3600;
const group = (id: string, ago: number, comment?: string): GroupItem => ({
  'backup-type': 'vm',
  'backup-id': id,
  'last-backup': NOW - ago,
  'backup-count': 7,
  files: [],
  owner: 'root@pam',
  ...(comment ? { comment } : {}),
});
const upidAt = (t: number) =>
  `UPID:pbs:00000713:0000A1B2:00000001:${t.toString(16).toUpperCase()}:verify:store1:root@pam:`;
const snap = (id: string, ago: number, extra: Partial<SnapshotItem> = {}): SnapshotItem => ({
  'backup-type': 'vm',
  'backup-id': id,
  'backup-time': NOW - ago,
  files: [{ filename: 'drive-scsi0.img.fidx', size: 1, 'crypt-mode': 'none' }],
  ...extra,
});

describe('guest rows', () => {
  const rows = guestRows(
    'store1',
    'lab',
    [group('101', 3 * HOUR, 'web01'), group('903', 6 * 86400, 'ubuntu-dev'), group('102', 30 * HOUR)],
    NOW,
  );

  it('calls a guest late once its nightly backup is overdue, and stale once it surely did not happen', () => {
    expect(rows.map((r) => [r.id, r.freshness])).toEqual([
      ['101', 'fresh'],
      ['903', 'stale'],
      ['102', 'late'],
    ]);
  });

  it('takes thresholds in hours from the URL and ignores unusable ones', () => {
    const t = thresholdsFrom(new URLSearchParams('late=48&stale=abc'));
    expect(t).toEqual({ lateAfter: 48 * HOUR, staleAfter: 36 * HOUR });
    const weekly = thresholdsFrom(new URLSearchParams('late=180&stale=400'));
    expect(guestRows('s', '', [group('903', 6 * 86400)], NOW, weekly)[0]?.freshness).toBe('fresh');
  });

  it('puts stale, then late, then unverified guests first', () => {
    const facts = guestFacts(
      [
        snap('101', 3 * HOUR, { verification: { state: 'ok', upid: upidAt(NOW - 2 * HOUR) } }),
        snap('104', 4 * HOUR, { verification: { state: 'failed', upid: upidAt(NOW - 2 * HOUR) } }),
        snap('105', 5 * HOUR),
      ],
      NOW,
    );
    const more = guestRows(
      'store1',
      'lab',
      [
        group('101', 3 * HOUR),
        group('104', 4 * HOUR),
        group('105', 5 * HOUR),
        group('903', 6 * 86400),
        group('102', 30 * HOUR),
      ],
      NOW,
      undefined,
      facts,
    );
    expect(sortGuests(more).map((r) => r.id)).toEqual(['903', '102', '104', '105', '101']);
  });

  it('finds a guest by name or id', () => {
    expect(rows.filter((r) => matchesGuest(r, 'UBUNTU')).map((r) => r.id)).toEqual(['903']);
    expect(rows.filter((r) => matchesGuest(r, 'vm/10')).map((r) => r.id)).toEqual(['101', '102']);
    expect(rows.filter((r) => matchesGuest(r, ' ')).length).toBe(3);
  });

  it('links to the group in the content view', () => {
    expect(contentHref(rows[0]!)).toBe('/datastores/store1/content?ns=lab&q=101');
    expect(contentHref({ ...rows[0]!, ns: '' })).toBe('/datastores/store1/content?q=101');
  });
});

describe('guest facts', () => {
  it('reads verify state and age, encryption and protected count from the newest snapshot of each group', () => {
    const facts = guestFacts(
      [
        snap('101', 86400, { verification: { state: 'ok', upid: upidAt(NOW - 40 * 86400) }, protected: true }),
        snap('101', 2 * 86400, { protected: true }),
        snap('101', 3 * 86400),
        snap('102', 86400, {
          files: [{ filename: 'root.pxar.didx', size: 1, 'crypt-mode': 'encrypt' }],
          fingerprint: 'ab:cd',
        }),
        snap('103', 86400, { files: [{ filename: 'root.pxar.didx', size: 1, 'crypt-mode': 'sign-only' }] }),
      ],
      NOW,
    );
    expect(facts.get('vm/101')).toEqual({
      verify: 'outdated',
      verifiedAt: NOW - 40 * 86400,
      encryption: 'none',
      protectedCount: 2,
    });
    expect(facts.get('vm/102')).toMatchObject({ verify: 'none', encryption: 'encrypted', protectedCount: 0 });
    expect(facts.get('vm/103')?.encryption).toBe('signed');
  });
});
