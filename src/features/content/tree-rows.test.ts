import type { GroupItem, SnapshotItem } from '@/api/schemas/content';
import { snapshotMatcher } from './content-filters';
import { snapshotFacts } from './snapshot-facts';
import { flattenTree, groupKey, nsKey, snapshotKey, type TreeInput } from './tree-rows';
import { group, NOW, snapshot, verifiedFailed } from './tree-fixtures';

const g100 = group('vm', '100', 'pve-gw');
const g1000 = group('vm', '1000', 'big');
const g110 = group('ct', '110', 'dns1');
const g300 = group('vm', '300', 'pg-primary', 'root@pam!pve');
const snaps100 = [snapshot(g100, 3), snapshot(g100, 1, verifiedFailed), snapshot(g100, 2)];

function input(over: Partial<TreeInput> = {}): TreeInput {
  return {
    ns: '',
    namespaces: ['', 'prod', 'prod/db'],
    groups: new Map<string, GroupItem[]>([['', [g1000, g110, g100]]]),
    snapshots: new Map<string, SnapshotItem[]>(),
    facts: new Map(),
    expanded: new Set(),
    q: '',
    matcher: null,
    ...over,
  };
}
const summary = (rows: ReturnType<typeof flattenTree>) =>
  rows.map(
    (r) =>
      `${r.level}:${r.kind}:${r.kind === 'group' ? r.group['backup-id'] : r.kind === 'ns' ? r.ns : r.kind === 'snapshot' ? r.snapshot['backup-time'] : r.kind === 'file' ? r.file.filename : r.kind === 'status' ? r.status : r.what}`,
  );

describe('tree flattening', () => {
  it('lists child namespaces, then groups sorted by type and numeric id, with positions', () => {
    const rows = flattenTree(input());
    expect(summary(rows)).toEqual(['1:ns:prod', '1:group:100', '1:group:1000', '1:group:110']);
    expect(rows.map((r) => [r.posinset, r.setsize])).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
    expect(rows[0]!.expanded).toBe(false);
  });

  it('says why an opened group shows no snapshots when its list could not be read, and keeps a list it has', () => {
    const key = groupKey('', 'vm', '100');
    const errors = new Map([[key, 'permission check failed']]);
    const failed = flattenTree(input({ expanded: new Set([key]), snapshotErrors: errors }));
    expect(failed.find((r) => r.kind === 'status')).toMatchObject({
      level: 2,
      status: 'error',
      text: 'Cannot list the snapshots: permission check failed',
    });
    const kept = flattenTree(
      input({ expanded: new Set([key]), snapshots: new Map([[key, snaps100]]), snapshotErrors: errors }),
    );
    expect(summary(kept).filter((r) => r.startsWith('2:'))).toHaveLength(3);
    expect(kept.some((r) => r.kind === 'status')).toBe(false);
  });

  it('shows a loading row for an opened group, then its snapshots newest first and their files', () => {
    const key = groupKey('', 'vm', '100');
    expect(summary(flattenTree(input({ expanded: new Set([key]) })))).toContain('2:status:loading');
    const newest = NOW - 86400;
    const rows = flattenTree(
      input({ expanded: new Set([key, snapshotKey('', 'vm', '100', newest)]), snapshots: new Map([[key, snaps100]]) }),
    );
    expect(summary(rows).slice(1, 7)).toEqual([
      '1:group:100',
      `2:snapshot:${newest}`,
      '3:file:index.json.blob',
      '3:file:drive-scsi0.img.fidx',
      `2:snapshot:${NOW - 2 * 86400}`,
      `2:snapshot:${NOW - 3 * 86400}`,
    ]);
    expect(rows[2]!.parentKey).toBe(key);
    expect([rows[2]!.posinset, rows[2]!.setsize]).toEqual([1, 3]);
  });

  it('opens a namespace row into its own namespaces and groups', () => {
    const rows = flattenTree(
      input({
        expanded: new Set([nsKey('prod')]),
        groups: new Map([
          ['', [g100]],
          ['prod', []],
        ]),
      }),
    );
    expect(summary(rows)).toEqual(['1:ns:prod', '2:ns:prod/db', '1:group:100']);
    const loading = flattenTree(input({ expanded: new Set([nsKey('prod')]), groups: new Map([['', [g100]]]) }));
    expect(summary(loading)).toContain('2:status:loading');
  });

  it('searches groups below the namespace, keeping only the namespaces that lead to a match', () => {
    const rows = flattenTree(
      input({
        q: 'PG-',
        groups: new Map([
          ['', [g100, g110]],
          ['prod', []],
          ['prod/db', [g300]],
        ]),
      }),
    );
    expect(summary(rows)).toEqual(['1:ns:prod', '2:ns:prod/db', '3:group:300']);
    expect(rows.every((r) => r.kind !== 'ns' || r.expanded)).toBe(true);
  });

  it('applies snapshot filters to loaded groups and to the facts of the rest', () => {
    const matcher = snapshotMatcher({ q: '', from: '', to: '', verify: 'failed', enc: '', prot: '' }, NOW);
    const key100 = groupKey('', 'vm', '100');
    const key110 = groupKey('', 'ct', '110');
    const rows = flattenTree(
      input({
        matcher,
        expanded: new Set([key100]),
        snapshots: new Map([[key100, snaps100]]),
        facts: new Map([[key110, snapshotFacts([snapshot(g110, 1)])]]),
      }),
    );
    // 1000 is not searched yet, 110 has no failed snapshot, 100 has one
    expect(summary(rows)).toEqual(['1:group:100', `2:snapshot:${NOW - 86400}`]);
    expect(rows[0]!.kind === 'group' && rows[0]!.matches).toBe(1);
  });
});
