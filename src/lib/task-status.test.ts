import { describeTaskStatus, taskStateKind, taskStatusKind, warningCount } from './task-status';

describe('taskStatusKind', () => {
  it.each([
    ['OK', 'ok'],
    ['WARNINGS: 1', 'warning'],
    ['WARNINGS: 12', 'warning'],
    ['unknown', 'unknown'],
    ['verification failed - please check the log for details', 'error'],
    ['garbage collection already running', 'error'],
    ['ok', 'error'],
    [undefined, 'running'],
    [null, 'running'],
  ] as const)('%s → %s', (status, kind) => {
    expect(taskStatusKind(status)).toBe(kind);
  });

  it('reads the task status call', () => {
    expect(taskStateKind({ status: 'running' })).toBe('running');
    expect(taskStateKind({ status: 'stopped', exitstatus: 'OK' })).toBe('ok');
    expect(taskStateKind({ status: 'stopped', exitstatus: 'WARNINGS: 2' })).toBe('warning');
    expect(taskStateKind({ status: 'stopped' })).toBe('unknown');
  });
});

describe('describeTaskStatus', () => {
  it('words statuses', () => {
    expect(describeTaskStatus('WARNINGS: 1')).toBe('1 warning');
    expect(describeTaskStatus('WARNINGS: 3')).toBe('3 warnings');
    expect(describeTaskStatus(undefined)).toBe('Running');
    expect(describeTaskStatus('no such datastore')).toBe('no such datastore');
    expect(warningCount('OK')).toBe(0);
  });
});
