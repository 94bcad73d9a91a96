// The malformed-data corpus of the reliability suite (malformed.test.tsx): each case one answer of the simulator
// altered as another server or a broken one might send it, where the console shows it, and what the user sees
// there. docs/reliability.md's "Malformed data" section is rendered from this table and the measurements.

export type Kind =
  | 'wrong type'
  | 'missing field'
  | 'null'
  | 'unknown enum value'
  | 'huge array'
  | 'huge string'
  | 'control characters'
  | 'RTL override';

export type View = 'Dashboard' | 'Datastore summary' | 'Content' | 'Tasks' | 'Task log' | 'Jobs' | 'Guests';

export interface MalformedCase {
  id: string;
  view: View;
  kind: Kind;
  /** the GET whose answer is altered, below /api2/json */
  endpoint: string;
  /** what the server sends instead, in words */
  sent: string;
  /** only the answer for this namespace ('' the root), where one path serves every namespace */
  ns?: string;
  /** the simulator's `data` → what the server sends as `data` */
  alter: (data: unknown) => unknown;
}

/** What one test read from the screen. */
export interface MalformedOutcome {
  /** the failing widget's words, or the badge, as shown */
  seen: string;
  /** what the rest of the page still shows */
  rest: string;
}

type Item = Record<string, unknown>;

export const STORE = 'store1';
export const GROUP = { type: 'vm', id: '100' } as const;
/** A megabyte of text: what no comment should be, shown anyway. */
export const HUGE = 'x'.repeat(1 << 20);
/** An RTL override inside a guest's name: on its own it would reorder the rest of the line. */
export const RTL = 'web\u202Eexe.txt';
/** A bell and an escape sequence, as a terminal colour code leaves them. */
export const CONTROL = 'nightly\u0007\u001b[31m red';

const items = (data: unknown): Item[] => (Array.isArray(data) ? (data as Item[]) : []);

/** The list with item `i` changed by `patch` (a key set to undefined is left out). */
function patchItem(i: number, patch: Item) {
  return (data: unknown) =>
    items(data).map((item, at) => {
      if (at !== i) return item;
      const next: Item = { ...item, ...patch };
      for (const [k, v] of Object.entries(patch)) if (v === undefined) delete next[k];
      return next;
    });
}

/** The list with the item whose `key` is `value` changed by `patch`. */
function patchWhere(key: string, value: unknown, patch: Item) {
  return (data: unknown) => {
    const i = items(data).findIndex((item) => item[key] === value);
    return patchItem(i, patch)(data);
  };
}

/** The object changed by `patch`. */
const patchObject = (patch: Item) => (data: unknown) => ({ ...(data as Item), ...patch });

/** `n` copies of the list's first item, each with its own `key` (React keys stay unique). */
function repeatFirst(n: number, key: string, value: (i: number) => unknown) {
  return (data: unknown) => {
    const first = items(data)[0] ?? {};
    return Array.from({ length: n }, (_, i) => ({ ...first, [key]: value(i) }));
  };
}

/** A finished task PBS would list, as the server sends it. */
export function taskRow(i: number, over: Item = {}): Item {
  const pid = (0x1000 + i).toString(16).toUpperCase().padStart(8, '0');
  return {
    upid: `UPID:pbs-demo:${pid}:0EE62865:00000001:6B0FA24C:garbage_collection:store1:root@pam:`,
    node: 'localhost',
    pid: 0x1000 + i,
    pstart: 249964645,
    starttime: 1796186700 - i,
    worker_type: 'garbage_collection',
    worker_id: 'store1',
    user: 'root@pam',
    endtime: 1796186760 - i,
    status: 'OK',
    ...over,
  };
}

const SNAPSHOTS = `/admin/datastore/${STORE}/snapshots`;
const GROUPS = `/admin/datastore/${STORE}/groups`;

export const MALFORMED_CASES: MalformedCase[] = [
  // Dashboard
  {
    id: 'usage-wrong-type',
    view: 'Dashboard',
    kind: 'wrong type',
    endpoint: '/status/datastore-usage',
    sent: 'offsite\'s `used` as `"lots"`',
    alter: patchWhere('store', 'offsite', { used: 'lots' }),
  },
  {
    id: 'usage-null',
    view: 'Dashboard',
    kind: 'null',
    endpoint: '/status/datastore-usage',
    sent: "archive's `total` as `null`",
    alter: patchWhere('store', 'archive', { total: null }),
  },
  {
    id: 'usage-missing-store',
    view: 'Dashboard',
    kind: 'missing field',
    endpoint: '/status/datastore-usage',
    sent: "offsite's entry without `store`",
    alter: patchWhere('store', 'offsite', { store: undefined }),
  },
  {
    id: 'usage-unknown-mount',
    view: 'Dashboard',
    kind: 'unknown enum value',
    endpoint: '/status/datastore-usage',
    sent: 'offsite\'s `mount-status` as `"unmounting"`',
    alter: patchWhere('store', 'offsite', { 'mount-status': 'unmounting' }),
  },
  {
    id: 'usage-unknown-backend',
    view: 'Dashboard',
    kind: 'unknown enum value',
    endpoint: '/status/datastore-usage',
    sent: 'archive\'s `backend-type` as `"tape"`',
    alter: patchWhere('store', 'archive', { 'backend-type': 'tape' }),
  },
  {
    id: 'node-wrong-type',
    view: 'Dashboard',
    kind: 'wrong type',
    endpoint: '/nodes/localhost/status',
    sent: '`cpu` as `"0.5"`',
    alter: patchObject({ cpu: '0.5' }),
  },
  {
    id: 'node-null',
    view: 'Dashboard',
    kind: 'null',
    endpoint: '/nodes/localhost/status',
    sent: '`memory` as `null`',
    alter: patchObject({ memory: null }),
  },
  {
    id: 'subscription-unknown',
    view: 'Dashboard',
    kind: 'unknown enum value',
    endpoint: '/nodes/localhost/subscription',
    sent: '`status` as `"trial"`',
    alter: patchObject({ status: 'trial' }),
  },
  {
    id: 'recent-tasks-wrong-type',
    view: 'Dashboard',
    kind: 'wrong type',
    endpoint: '/nodes/localhost/tasks',
    sent: 'the first task\'s `starttime` as `"yesterday"`',
    alter: (data) => [taskRow(0, { starttime: 'yesterday' }), ...items(data).slice(1)],
  },
  {
    id: 'recent-tasks-huge',
    view: 'Dashboard',
    kind: 'huge array',
    endpoint: '/nodes/localhost/tasks',
    sent: '100,000 tasks',
    alter: () => Array.from({ length: 100_000 }, (_, i) => taskRow(i)),
  },
  // Datastore summary
  {
    id: 'status-wrong-type',
    view: 'Datastore summary',
    kind: 'wrong type',
    endpoint: `/admin/datastore/${STORE}/status`,
    sent: '`avail` as `"much"`',
    alter: patchObject({ avail: 'much' }),
  },
  {
    id: 'status-missing',
    view: 'Datastore summary',
    kind: 'missing field',
    endpoint: `/admin/datastore/${STORE}/status`,
    sent: 'no `total`',
    alter: patchObject({ total: undefined }),
  },
  {
    id: 'list-unknown-mount',
    view: 'Datastore summary',
    kind: 'unknown enum value',
    endpoint: '/admin/datastore',
    sent: 'store1\'s `mount-status` as `"unmounting"`',
    alter: patchWhere('store', STORE, { 'mount-status': 'unmounting' }),
  },
  {
    id: 'list-huge-comment',
    view: 'Datastore summary',
    kind: 'huge string',
    endpoint: '/admin/datastore',
    sent: "store1's `comment` of 1 MiB",
    alter: patchWhere('store', STORE, { comment: HUGE }),
  },
  {
    id: 'list-wrong-type',
    view: 'Datastore summary',
    kind: 'wrong type',
    endpoint: '/admin/datastore',
    sent: "store1's `comment` as `42`",
    alter: patchWhere('store', STORE, { comment: 42 }),
  },
  // Content
  {
    id: 'groups-wrong-type',
    ns: '',
    view: 'Content',
    kind: 'wrong type',
    endpoint: GROUPS,
    sent: 'vm/100\'s `backup-count` as `"many"`',
    alter: patchWhere('backup-id', GROUP.id, { 'backup-count': 'many' }),
  },
  {
    id: 'groups-missing',
    ns: '',
    view: 'Content',
    kind: 'missing field',
    endpoint: GROUPS,
    sent: 'vm/101 without `last-backup`',
    alter: patchWhere('backup-id', '101', { 'last-backup': undefined }),
  },
  {
    id: 'groups-unknown-type',
    ns: '',
    view: 'Content',
    kind: 'unknown enum value',
    endpoint: GROUPS,
    sent: 'vm/102\'s `backup-type` as `"pod"`',
    alter: patchWhere('backup-id', '102', { 'backup-type': 'pod' }),
  },
  {
    id: 'groups-rtl',
    ns: '',
    view: 'Content',
    kind: 'RTL override',
    endpoint: GROUPS,
    sent: "vm/101's `comment` with U+202E (right-to-left override) inside",
    alter: patchWhere('backup-id', '101', { comment: RTL }),
  },
  {
    id: 'namespaces-null',
    view: 'Content',
    kind: 'null',
    endpoint: `/admin/datastore/${STORE}/namespace`,
    sent: "`lab`'s `ns` as `null`",
    alter: patchWhere('ns', 'lab', { ns: null }),
  },
  {
    id: 'snapshots-wrong-type',
    view: 'Content',
    kind: 'wrong type',
    endpoint: SNAPSHOTS,
    sent: 'the first snapshot\'s `backup-time` as `"2026-01-01"`',
    alter: patchItem(0, { 'backup-time': '2026-01-01' }),
  },
  {
    id: 'snapshots-null',
    view: 'Content',
    kind: 'null',
    endpoint: SNAPSHOTS,
    sent: "the first snapshot's `size` as `null`",
    alter: patchItem(0, { size: null }),
  },
  {
    id: 'snapshots-unknown-verify',
    view: 'Content',
    kind: 'unknown enum value',
    endpoint: SNAPSHOTS,
    sent: 'every snapshot\'s `verification.state` as `"pending"`',
    alter: (data) => items(data).map((s) => ({ ...s, verification: { state: 'pending' } })),
  },
  {
    id: 'snapshots-unknown-crypt',
    view: 'Content',
    kind: 'unknown enum value',
    endpoint: SNAPSHOTS,
    sent: 'every file\'s `crypt-mode` as `"quantum"`',
    alter: (data) =>
      items(data).map((s) => ({
        ...s,
        files: items(s.files).map((f) => (f['crypt-mode'] ? { ...f, 'crypt-mode': 'quantum' } : f)),
      })),
  },
  {
    id: 'snapshots-huge-comment',
    view: 'Content',
    kind: 'huge string',
    endpoint: SNAPSHOTS,
    sent: "every snapshot's `comment` of 1 MiB",
    alter: (data) => items(data).map((s) => ({ ...s, comment: HUGE })),
  },
  {
    id: 'snapshots-control',
    view: 'Content',
    kind: 'control characters',
    endpoint: SNAPSHOTS,
    sent: "every snapshot's `comment` with a bell and an escape sequence",
    alter: (data) => items(data).map((s) => ({ ...s, comment: CONTROL })),
  },
  {
    id: 'snapshots-huge',
    view: 'Content',
    kind: 'huge array',
    endpoint: SNAPSHOTS,
    sent: '100,000 snapshots in vm/100',
    alter: repeatFirst(100_000, 'backup-time', (i) => 1_700_000_000 + i * 60),
  },
  // Tasks
  {
    id: 'tasks-wrong-type',
    view: 'Tasks',
    kind: 'wrong type',
    endpoint: '/nodes/localhost/tasks',
    sent: 'the second task\'s `pid` as `"abc"`',
    alter: (data) => [items(data)[0], taskRow(1, { pid: 'abc' }), ...items(data).slice(2)],
  },
  {
    id: 'tasks-missing',
    view: 'Tasks',
    kind: 'missing field',
    endpoint: '/nodes/localhost/tasks',
    sent: 'the first task without `upid`',
    alter: (data) => [patchItem(0, { upid: undefined })([taskRow(0)])[0], ...items(data).slice(1)],
  },
  {
    id: 'tasks-huge',
    view: 'Tasks',
    kind: 'huge array',
    endpoint: '/nodes/localhost/tasks',
    sent: '100,000 tasks for a page of 50',
    alter: () => Array.from({ length: 100_000 }, (_, i) => taskRow(i)),
  },
  {
    id: 'tasks-control',
    view: 'Tasks',
    kind: 'control characters',
    endpoint: '/nodes/localhost/tasks',
    sent: "the first task's `user` with a NUL and an escape",
    alter: (data) => [taskRow(0, { user: 'root\u0000@pam\u001b' }), ...items(data).slice(1)],
  },
  // Task log
  {
    id: 'log-null',
    view: 'Task log',
    kind: 'null',
    endpoint: '/nodes/localhost/tasks/*/log',
    sent: "line 2's `t` as `null`",
    alter: patchItem(1, { t: null }),
  },
  {
    id: 'log-huge-line',
    view: 'Task log',
    kind: 'huge string',
    endpoint: '/nodes/localhost/tasks/*/log',
    sent: 'line 1 of 1 MiB',
    alter: patchItem(0, { t: HUGE }),
  },
  {
    id: 'task-status-unknown',
    view: 'Task log',
    kind: 'unknown enum value',
    endpoint: '/nodes/localhost/tasks/*/status',
    sent: '`status` as `"paused"`',
    alter: patchObject({ status: 'paused' }),
  },
  // Jobs
  {
    id: 'verify-jobs-wrong-type',
    view: 'Jobs',
    kind: 'wrong type',
    endpoint: '/admin/verify',
    sent: "the first verify job's `schedule` as `5`",
    alter: patchItem(0, { schedule: 5 }),
  },
  {
    id: 'prune-jobs-missing',
    view: 'Jobs',
    kind: 'missing field',
    endpoint: '/admin/prune',
    sent: 'the first prune job without `store`',
    alter: patchItem(0, { store: undefined }),
  },
  {
    id: 'sync-jobs-null',
    view: 'Jobs',
    kind: 'null',
    endpoint: '/admin/sync',
    sent: "the sync job's `remote-store` as `null`",
    alter: patchItem(0, { 'remote-store': null }),
  },
  // Guests
  {
    id: 'guests-wrong-type',
    ns: '',
    view: 'Guests',
    kind: 'wrong type',
    endpoint: GROUPS,
    sent: 'vm/100\'s `backup-count` as `"many"` (store1, root)',
    alter: patchWhere('backup-id', GROUP.id, { 'backup-count': 'many' }),
  },
  {
    id: 'guests-rtl',
    ns: '',
    view: 'Guests',
    kind: 'RTL override',
    endpoint: GROUPS,
    sent: "vm/101's `comment` (the guest's name) with U+202E inside (store1, root)",
    alter: patchWhere('backup-id', '101', { comment: RTL }),
  },
  {
    id: 'guests-unknown-verify',
    ns: '',
    view: 'Guests',
    kind: 'unknown enum value',
    endpoint: SNAPSHOTS,
    sent: 'every snapshot\'s `verification.state` as `"pending"` (store1, root)',
    alter: (data) => items(data).map((s) => ({ ...s, verification: { state: 'pending' } })),
  },
];
