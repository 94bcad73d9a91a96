import { taskHref, taskUpidOfPath } from './task-log-link';

const upid = 'UPID:pbs1:000003E8:0001A2B3:00000002:6661A3F0:verificationjob:store1\\x3av\\x2d1a2b:root@pam:';

describe('task links', () => {
  it('puts the UPID in one path segment and reads it back', () => {
    expect(taskHref(upid)).toBe(
      '/tasks/UPID%3Apbs1%3A000003E8%3A0001A2B3%3A00000002%3A6661A3F0%3Averificationjob%3Astore1%5Cx3av%5Cx2d1a2b%3Aroot%40pam%3A',
    );
    expect(taskUpidOfPath(taskHref(upid))).toBe(upid);
  });

  it('names no task for the list, deeper paths or broken escapes', () => {
    expect(taskUpidOfPath('/tasks')).toBeNull();
    expect(taskUpidOfPath('/tasks/')).toBeNull();
    expect(taskUpidOfPath('/tasks/a/log')).toBeNull();
    expect(taskUpidOfPath('/tasks/%E0%A4%A')).toBeNull();
    expect(taskUpidOfPath('/datastores/store1')).toBeNull();
  });
});
