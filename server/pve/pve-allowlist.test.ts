// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkPveRequest } from './pve-allowlist.ts';

const P = '/pve-api/api2/json';
const upid = encodeURIComponent('UPID:pve1:0001E240:0ABCDEF0:65A1B2C3:qmrestore:106:root@pam!deck:');

describe('the /pve-api/ allowlist', () => {
  it.each([
    ['GET', `${P}/nodes`],
    ['GET', `${P}/nodes/pve1/storage?content=images&enabled=1`],
    ['GET', `${P}/nodes/pve1/storage/pbs-store1/content?content=backup&vmid=100`],
    ['GET', `${P}/cluster/nextid`],
    ['GET', `${P}/cluster/resources?type=vm`],
    ['POST', `${P}/nodes/pve1/qemu`],
    ['POST', `${P}/nodes/pve1/lxc`],
    ['GET', `${P}/nodes/pve1/tasks/${upid}/status`],
    ['GET', `${P}/nodes/pve1/tasks/${upid}/log?start=0&limit=0`],
  ])('lets %s %s through', (method, target) => {
    expect(checkPveRequest(method, target).ok).toBe(true);
  });

  it.each([
    ['GET', `${P}/access/users`, 403],
    ['POST', `${P}/nodes/pve1/qemu/100/config`, 403],
    ['DELETE', `${P}/nodes/pve1/qemu`, 405],
    ['GET', `${P}/nodes/pve1/qemu`, 405],
    ['POST', `${P}/nodes/pve1/execute`, 403],
    ['GET', `${P}/nodes/pve1/storage?target=x`, 403],
    ['GET', `${P}/nodes/pve1/../../access/users`, 404],
    ['GET', `${P}/nodes/pve1/%2e%2e/access`, 404],
    [
      'GET',
      `${P}/nodes/pve1/tasks/${encodeURIComponent('UPID:pve1:0001E240:0ABCDEF0:65A1B2C3:vncproxy:106:root@pam:')}/log`,
      403,
    ],
    ['GET', '/pve-api/other', 404],
  ])('refuses %s %s with %i', (method, target, status) => {
    const r = checkPveRequest(method, target);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.status).toBe(status);
  });
});
