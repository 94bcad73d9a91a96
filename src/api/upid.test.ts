import { formatUpid, parseUpid, systemdEscape, systemdUnescape } from './upid';
import { loadSamples } from './testing/samples';

const REFERENCE =
  'UPID:pbs1:000003E8:0001A2B3:00000002:6661A3F0:verificationjob:store1\\x3av\\x2d1a2b3c4d\\x2d5e6f:root@pam:';

// Real UPIDs from shared/pbs-samples: task list rows and snapshot verification states.
function collectUpids(value: unknown, out: string[]): string[] {
  if (typeof value === 'string' && value.startsWith('UPID:')) out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => collectUpids(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => collectUpids(v, out));
  return out;
}
const { samples } = await loadSamples();
const sampleUpids = samples.flatMap(({ sample }) => collectUpids(sample.body, []));
// Two rows of one sample were redacted by its author ("X" in place of hex); those must not parse.
const redacted = sampleUpids.filter((u) => u.includes(':X:'));
const real = sampleUpids.filter((u) => !u.includes(':X:'));

describe('parseUpid', () => {
  it('reads the fields of the reference example', () => {
    expect(parseUpid(REFERENCE)).toEqual({
      node: 'pbs1',
      pid: 1000,
      pstart: 0x1a2b3,
      taskId: 2,
      starttime: 0x6661a3f0,
      type: 'verificationjob',
      id: 'store1:v-1a2b3c4d-5e6f',
      user: 'root@pam',
    });
  });

  it('agrees with the numeric fields of real task rows', () => {
    const row = samples
      .filter(({ name }) => name.startsWith('nodes-tasks__restoreguard'))
      .flatMap(({ sample }) => (Array.isArray(sample.body) ? sample.body : []))[0] as Record<string, unknown>;
    const upid = parseUpid(String(row.upid));
    expect(upid).toMatchObject({
      pid: row.pid,
      pstart: row.pstart,
      starttime: row.starttime,
      type: row.worker_type,
      id: row.worker_id,
    });
  });

  it('reads token auth ids and empty worker ids', () => {
    expect(parseUpid('UPID:pbs:000149C9:0499A161:00000000:6A49DFE2:aptupdate::root@pam:')).toMatchObject({
      id: '',
      user: 'root@pam',
    });
    expect(
      parseUpid('UPID:pbs:000000CA:0000102F:00000050:6A49AA96:prune:main\\x3a\\x3act-104:root@pam!pve:'),
    ).toMatchObject({
      id: 'main::ct/104',
      user: 'root@pam!pve',
    });
  });

  it('accepts a 9-digit pstart (long uptimes)', () => {
    expect(parseUpid('UPID:pbs:000000CA:1000102F0:00000001:6A49AA96:backup:main\\x3avm-100:root@pam:')?.pstart).toBe(
      0x1000102f0,
    );
  });

  it('reads a Proxmox VE UPID, which has no task id', () => {
    const pve = 'UPID:pve1:0001E240:0ABCDEF0:65A1B2C3:qmrestore:100:root@pam:';
    const upid = parseUpid(pve);
    expect(upid).toMatchObject({ node: 'pve1', pid: 0x1e240, starttime: 0x65a1b2c3, type: 'qmrestore', id: '100' });
    expect(upid).not.toHaveProperty('taskId');
    expect(formatUpid(upid!)).toBe(pve);
  });

  it.each([
    '',
    'garbage',
    'UPID:pbs:00CA:0000102F:00000050:6A49AA96:prune:x:root@pam:',
    'UPID:pbs:000000CA:0000102F:00000050:6A49AA96:prune:x:root@pam',
    'UPID:pbs:000000CA:0000102F:00000050:6A49AA96::x:root@pam:',
    'UPID:pbs:000000CA:0000102F:00000050:6A49AA96:prune:bad\\x3:root@pam:',
    'PVE:pbs:000000CA:0000102F:00000050:6A49AA96:prune:x:root@pam:',
    ...redacted,
  ])('returns null for %j', (text) => {
    expect(parseUpid(text)).toBeNull();
  });
});

describe('formatUpid', () => {
  it.each([REFERENCE, ...real])('round-trips %s', (upid) => {
    const parsed = parseUpid(upid);
    expect(parsed).not.toBeNull();
    expect(formatUpid(parsed!)).toBe(upid);
  });

  it('found real UPIDs in the samples', () => {
    expect(real.length).toBeGreaterThanOrEqual(20);
  });
});

describe('systemd escaping', () => {
  it.each([
    ['store1:v-1a2b', 'store1\\x3av\\x2d1a2b'],
    ['main:ct/104', 'main\\x3act-104'],
    ['main::ct/104', 'main\\x3a\\x3act-104'],
    ['fs01:v-ee54fa7e-61f0', 'fs01\\x3av\\x2dee54fa7e\\x2d61f0'],
    ['.hidden.x', '\\x2ehidden.x'],
    ['a b@c!d', 'a\\x20b\\x40c\\x21d'],
    ['ü', '\\xc3\\xbc'],
    ['', ''],
  ])('%j ↔ %j', (plain, escaped) => {
    expect(systemdEscape(plain)).toBe(escaped);
    expect(systemdUnescape(escaped)).toBe(plain);
  });

  it('rejects broken escapes', () => {
    expect(systemdUnescape('a\\x4')).toBeNull();
    expect(systemdUnescape('a\\y41')).toBeNull();
    expect(systemdUnescape('\\xff')).toBeNull();
  });
});
