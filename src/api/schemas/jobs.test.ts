import { isItemError } from '@/lib/item-error';
import { pruneJobStatusListSchema, syncJobStatusListSchema } from './jobs';

// Shapes from pbs-api-types (PruneJobStatus, SyncJobStatus: config with JobScheduleStatus flattened in).
const prune = {
  id: 's-6b1f0c2e-a3d4',
  store: 'store1',
  schedule: '05:15',
  ns: 'prod',
  'max-depth': 2,
  'keep-last': 3,
  'keep-daily': 7,
  'next-run': 1_700_050_000,
  'last-run-upid': 'UPID:pbs:000003E8:0001A2B3:00000002:6661A3F0:prunejob:store1\\x3aprod:root@pam:',
  'last-run-state': 'OK',
  'last-run-endtime': 1_700_000_100,
};
const sync = {
  id: 's-branch-offsite',
  store: 'offsite',
  remote: 'pbs-branch',
  'remote-store': 'branch',
  owner: 'root@pam!pve',
  schedule: '04:30',
  'remove-vanished': false,
  'group-filter': ['type:vm', 'exclude:group:vm/100'],
  'rate-in': '10MiB',
  'transfer-last': 3,
  'sync-direction': 'pull',
};

describe('job schemas', () => {
  it('accept what PBS sends, including a disabled prune job without next-run and a local sync', () => {
    expect(
      pruneJobStatusListSchema.parse([prune, { id: 'p2', store: 's', schedule: 'daily', disable: true }]),
    ).toHaveLength(2);
    expect(syncJobStatusListSchema.parse([sync, { id: 'local', store: 'a', 'remote-store': 'b' }])[0]).toEqual(sync);
  });

  it('keep a job with a wrong type as an error naming the field, and the others as they are', () => {
    const message = (list: unknown[]) => list.map((j) => (isItemError(j) ? j.message : 'readable'));
    expect(message(pruneJobStatusListSchema.parse([{ ...prune, 'keep-last': '3' }, prune]))).toEqual([
      'The server sent prune-jobs[0].keep-last as a string, expected a number',
      'readable',
    ]);
    expect(message(pruneJobStatusListSchema.parse([{ ...prune, 'next-run': 'soon' }]))).toEqual([
      'The server sent prune-jobs[0].next-run as a string, expected a number',
    ]);
    expect(message(syncJobStatusListSchema.parse([{ ...sync, 'group-filter': 'type:vm' }]))).toEqual([
      'The server sent sync-jobs[0].group-filter as a string, expected a list',
    ]);
    expect(message(syncJobStatusListSchema.parse([{ id: 'x', store: 'a' }]))).toEqual([
      'The server sent sync-jobs[0] without remote-store, expected a string',
    ]);
  });
});
