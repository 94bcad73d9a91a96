import {
  createParams,
  fromConfig,
  isConflict,
  newVerifyJob,
  serverErrors,
  updateParams,
  validateVerifyForm,
} from './verify-form-values';

describe('verify job form values', () => {
  it("starts from PBS's defaults and the official UI's suggestions", () => {
    expect(newVerifyJob('store1')).toMatchObject({
      store: 'store1',
      schedule: 'daily',
      ignoreVerified: true,
      outdatedAfter: '30',
      ns: '',
      maxDepth: '',
    });
    const params = createParams(newVerifyJob('store1'));
    expect(params.id).toMatch(/^v-[0-9a-f]{8}-[0-9a-f]{4}$/);
    expect(params).toMatchObject({
      store: 'store1',
      schedule: 'daily',
      'ignore-verified': true,
      'outdated-after': '30',
    });
    expect(params.ns).toBeUndefined();
  });

  it('validates as PBS does', () => {
    const ok = { ...newVerifyJob('store1'), id: 'my_job.1' };
    expect(validateVerifyForm(ok, true)).toEqual({});
    expect(validateVerifyForm({ ...ok, id: 'ab' }, true).id).toMatch(/3 to 32/);
    expect(validateVerifyForm({ ...ok, id: '-job' }, true).id).toBeDefined();
    expect(validateVerifyForm({ ...ok, id: 'a'.repeat(33) }, true).id).toBeDefined();
    expect(validateVerifyForm({ ...ok, schedule: 'fooday' }, true).schedule).toMatch(/Not a schedule PBS accepts/);
    expect(validateVerifyForm({ ...ok, outdatedAfter: '-1' }, true).outdatedAfter).toBeDefined();
    expect(validateVerifyForm({ ...ok, store: '' }, true).store).toBeDefined();
    expect(validateVerifyForm({ ...ok, ns: 'a/b/c', maxDepth: '5' }, true).maxDepth).toMatch(/At most 4/);
  });

  it('sends every value on update, deletes what was cleared, and the digest', () => {
    const v = fromConfig({
      id: 'v-1',
      store: 'store1',
      ns: 'prod',
      schedule: 'daily',
      comment: 'x',
      'outdated-after': 7,
    });
    expect(updateParams(v, 'abc')).toMatchObject({
      store: 'store1',
      ns: 'prod',
      schedule: 'daily',
      'outdated-after': '7',
      comment: 'x',
      digest: 'abc',
      delete: ['max-depth'],
    });
    const cleared = updateParams({ ...v, ns: '', schedule: '', comment: ' ', outdatedAfter: '' }, 'abc');
    expect(cleared.delete).toEqual(['ns', 'max-depth', 'schedule', 'outdated-after', 'comment']);
    expect(cleared.schedule).toBeUndefined();
  });

  it('puts server messages at their fields', () => {
    expect(
      serverErrors({ schedule: 'unable to parse', 'read-threads': 'too big' }, 'parameter verification failed'),
    ).toEqual({
      schedule: 'unable to parse',
      form: 'read-threads: too big',
    });
    expect(serverErrors(undefined, "missing permissions 'Datastore.Verify'")).toEqual({
      form: "missing permissions 'Datastore.Verify'",
    });
    expect(isConflict('detected modified configuration - file changed by other user? Try again.')).toBe(true);
  });
});
