import type { z } from 'zod';
import { isItemError, readableItems } from '@/lib/item-error';
import { tfaChallengeSchema } from '@/lib/pbs-ticket';
import { domainListSchema, permissionsSchema, ticketSchema } from './access';
import {
  groupListSchema,
  namespaceListSchema,
  pruneResultSchema,
  snapshotFilesSchema,
  snapshotListSchema,
} from './content';
import { datastoreConfigListSchema, verifyJobConfigListSchema } from './config';
import { datastoreListSchema, datastoreRrdSchema, datastoreStatusSchema, datastoreUsageSchema } from './datastore';
import { gcJobListSchema, gcJobStatusSchema, gcStatusSchema } from './gc';
import { nodeRrdSchema, nodeStatusSchema, nodeTimeSchema, subscriptionSchema, versionSchema } from './node';
import { taskListSchema, taskLogSchema, taskStatusSchema } from './tasks';
import { verifyJobStatusListSchema } from './verify';
import { examples } from './shape-examples';

type Case = [name: string, schema: z.ZodType, valid: unknown, wrong: unknown];

const gc = examples.gcStatus;
const clone = <T>(value: T): T => structuredClone(value);
const withKey = (obj: object | undefined, key: string, value: unknown) => ({ ...obj, [key]: value });

// Each schema accepts a PBS-shaped value (shapes the samples lack come from pbs-api.md) and rejects
// the same value with one field of the wrong type: a list by keeping that item as an ItemError.
const cases: Case[] = [
  ['ticket', ticketSchema, examples.ticket, withKey(examples.ticket, 'ticket', 42)],
  ['tfa challenge', tfaChallengeSchema, { totp: true, recovery: [0, 2] }, { recovery: ['0'] }],
  ['domains', domainListSchema, examples.domains, [{ realm: 'pam' }]],
  ['permissions', permissionsSchema, examples.permissions, { '/': { 'Sys.Audit': 1 } }],
  ['version', versionSchema, examples.version, withKey(examples.version, 'release', 1)],
  ['subscription', subscriptionSchema, { status: 'active' }, { status: 5 }],
  ['node status', nodeStatusSchema, examples.nodeStatus, withKey(examples.nodeStatus, 'cpu', '0.1')],
  ['node time', nodeTimeSchema, examples.nodeTime, withKey(examples.nodeTime, 'time', '1700000000')],
  ['node rrd', nodeRrdSchema, [{ time: 1, cpu: 0.1 }, { time: 61 }], [{ time: 1, cpu: '0.1' }]],
  ['datastore list', datastoreListSchema, examples.datastoreList, [{ store: 'a' }]],
  [
    'datastore config',
    datastoreConfigListSchema,
    examples.datastoreConfigs,
    [{ name: 'a', path: '/a', 'verify-new': 1 }],
  ],
  ['datastore status', datastoreStatusSchema, examples.datastoreStatus, withKey(examples.datastoreStatus, 'used', '1')],
  ['datastore usage', datastoreUsageSchema, examples.datastoreUsage, [{ store: 'a', history: ['0.5'] }]],
  ['datastore rrd', datastoreRrdSchema, [{ time: 60, used: 5, available: 10 }], [{ used: 5 }]],
  ['gc status', gcStatusSchema, gc, withKey(gc, 'disk-bytes', '12')],
  ['gc job', gcJobStatusSchema, examples.gcJob, withKey(examples.gcJob, 'next-run', '1700000000')],
  ['gc job list', gcJobListSchema, [examples.gcJob], [withKey(examples.gcJob, 'store', null)]],
  ['namespaces', namespaceListSchema, [{ ns: '' }, { ns: 'a/b', comment: 'x' }], [{ ns: null }]],
  ['groups', groupListSchema, examples.groups, [withKey(examples.groups[0], 'files', [{ filename: 'x' }])]],
  ['snapshots', snapshotListSchema, examples.snapshots, [withKey(examples.snapshots[0], 'backup-time', '2024-01-01')]],
  ['files', snapshotFilesSchema, [{ filename: 'client.log.blob' }], [{ filename: 'a', size: '1' }]],
  ['prune', pruneResultSchema, examples.prune, [withKey(examples.prune[0], 'keep', 'yes')]],
  ['task list', taskListSchema, examples.tasks, [withKey(examples.tasks[0], 'pid', 'CA')]],
  ['task status', taskStatusSchema, examples.taskStatus, withKey(examples.taskStatus, 'status', null)],
  ['task log', taskLogSchema, [{ n: 1, t: 'starting' }], [{ n: '1', t: 'x' }]],
  [
    'verify config',
    verifyJobConfigListSchema,
    [examples.verifyJob],
    [withKey(examples.verifyJob, 'ignore-verified', 'true')],
  ],
  [
    'verify status',
    verifyJobStatusListSchema,
    examples.verifyStatus,
    [withKey(examples.verifyJob, 'next-run', 'soon')],
  ],
];

describe('schemas', () => {
  it.each(cases)('%s accepts a PBS-shaped value', (_name, schema, valid) => {
    expect(schema.safeParse(clone(valid)).success).toBe(true);
  });

  it.each(cases)('%s rejects a wrong type', (_name, schema, _valid, wrong) => {
    const result = schema.safeParse(wrong);
    const failedItem = result.success && Array.isArray(result.data) && result.data.some(isItemError);
    expect(!result.success || failedItem).toBe(true);
  });

  it('keeps null history slots and a null gc upid', () => {
    const usage = readableItems(datastoreUsageSchema.parse(examples.datastoreUsage));
    expect(usage[0]?.history).toContain(null);
    expect(usage[0]?.['gc-status']?.upid).toBeNull();
  });

  it('accepts a running task row without endtime and status, with a null worker_id', () => {
    const { endtime: _end, status: _status, ...row } = examples.tasks[0] ?? {};
    const [parsed] = readableItems(taskListSchema.parse([{ ...row, worker_id: null }]));
    expect(parsed).not.toHaveProperty('status');
    expect(parsed?.worker_id).toBeNull();
  });

  it('does not accept an omitted worker_id (PBS writes null)', () => {
    const { worker_id: _omit, ...row } = examples.tasks[0] ?? {};
    const [item] = taskListSchema.parse([row]);
    expect(isItemError(item) && item.message).toBe('The server sent tasks[0] without worker_id, expected a string');
  });
});
