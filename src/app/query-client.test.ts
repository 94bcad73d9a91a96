import { PbsError } from '@/api/client';
import { PveApiError } from '@/api/pve-client';
import { isFinalError } from './query-client';

describe('which failed reads are asked again', () => {
  it('asks again after a 5xx other than a timeout, and after a network failure', () => {
    expect(isFinalError(new PbsError(500, 'internal error'))).toBe(false);
    expect(isFinalError(new PbsError(502, 'bad gateway'))).toBe(false);
    expect(isFinalError(new PveApiError(503, 'unavailable'))).toBe(false);
    expect(isFinalError(new TypeError('Failed to fetch'))).toBe(false);
  });

  it('does not ask again after a refusal, a missing PVE login or a timeout the deck already waited out', () => {
    expect(isFinalError(new PbsError(403, 'permission check failed.'))).toBe(true);
    expect(isFinalError(new PbsError(401, 'authentication failed'))).toBe(true);
    expect(isFinalError(new PveApiError(401, 'log in to Proxmox VE first', {}, true))).toBe(true);
    expect(isFinalError(new PbsError(504, 'PBS at pbs.example:8007 did not answer within 60 s'))).toBe(true);
    expect(isFinalError(new PveApiError(504, 'cannot reach Proxmox VE: Proxmox VE at pve:8006 did not answer'))).toBe(
      true,
    );
  });
});
