import { QueryObserver } from '@tanstack/react-query';
import { PbsError, SchemaError } from '@/api/client';
import { PveApiError } from '@/api/pve-client';
import { createQueryClient, isFinalError, isUnreachable, retryDelay } from './query-client';

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

/** keys of these tests' own reads, which no factory of api/queries declares */
const testKey = (name: string) => ['test', name];

describe('the retry policy of the console', () => {
  afterEach(() => vi.useRealTimers());

  it('waits 1 s, 2 s, 4 s … between attempts, doubling up to 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map(retryDelay)).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('treats data it does not understand as final, and tells no answer from an error answer', () => {
    expect(isFinalError(new SchemaError('GET /version', 'data', 'missing'))).toBe(true);
    expect(isUnreachable(new PbsError(0, 'Cannot reach the server: the connection failed'))).toBe(true);
    expect(isUnreachable(new TypeError('Failed to fetch'))).toBe(true);
    expect(isUnreachable(new PbsError(500, 'internal error'))).toBe(false);
  });

  /** a read that fails `failures` times with `error`, then answers 'ok'; `calls` counts its attempts */
  function flaky(failures: number, error: Error) {
    const read = { calls: 0, fn: async () => (++read.calls <= failures ? Promise.reject(error) : 'ok') };
    return read;
  }

  it('asks a shown read again for as long as it fails, keeping the data it had, then shows the answer', async () => {
    vi.useFakeTimers();
    const client = createQueryClient();
    client.setQueryData(testKey('test'), 'old');
    const read = flaky(6, new PbsError(502, 'bad gateway'));
    const observer = new QueryObserver(client, {
      queryKey: testKey('test'),
      queryFn: read.fn,
      staleTime: 0,
    });
    const results: string[] = [];
    const stop = observer.subscribe((r) => results.push(`${r.status}:${r.data}`));
    // 1 + 2 + 4 + 8 + 16 + 30 s after the first attempt, the seventh answers
    await vi.advanceTimersByTimeAsync(60_999);
    expect(read.calls).toBe(6);
    expect(observer.getCurrentResult()).toMatchObject({ status: 'success', data: 'old', failureCount: 6 });
    await vi.advanceTimersByTimeAsync(1);
    expect(read.calls).toBe(7);
    expect(observer.getCurrentResult()).toMatchObject({ status: 'success', data: 'ok', failureCount: 0 });
    expect(results).not.toContain('error:old');
    stop();
  });

  it('stops asking once nothing shows the read', async () => {
    vi.useFakeTimers();
    const client = createQueryClient();
    const read = flaky(100, new PbsError(0, 'Cannot reach the server: the connection failed'));
    const observer = new QueryObserver(client, { queryKey: testKey('gone'), queryFn: read.fn });
    const stop = observer.subscribe(() => undefined);
    await vi.advanceTimersByTimeAsync(3500);
    expect(read.calls).toBe(3);
    stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(read.calls).toBe(3);
  });

  it('does not ask again after a final error', async () => {
    vi.useFakeTimers();
    const client = createQueryClient();
    const read = flaky(1, new PbsError(403, 'permission check failed'));
    const observer = new QueryObserver(client, { queryKey: testKey('refused'), queryFn: read.fn });
    const stop = observer.subscribe(() => undefined);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(read.calls).toBe(1);
    expect(observer.getCurrentResult().error).toBeInstanceOf(PbsError);
    stop();
  });

  it('gives up a read asked for without a view (fetchQuery) after two retries', async () => {
    vi.useFakeTimers();
    const client = createQueryClient();
    const read = flaky(100, new PbsError(500, 'internal error'));
    const done = client.fetchQuery({ queryKey: testKey('scan'), queryFn: read.fn }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await done).toBeInstanceOf(PbsError);
    expect(read.calls).toBe(3);
  });

  it('sends a write once, whatever its error', async () => {
    const client = createQueryClient();
    const write = flaky(1, new PbsError(0, 'Cannot reach the server: the connection failed'));
    const mutation = client.getMutationCache().build(client, { mutationFn: write.fn });
    await expect(mutation.execute(undefined)).rejects.toBeInstanceOf(PbsError);
    expect(write.calls).toBe(1);
  });

  it('keeps retry off for tests that want a failure shown at once', async () => {
    const client = createQueryClient({ retry: false });
    const read = flaky(1, new PbsError(500, 'internal error'));
    await expect(client.fetchQuery({ queryKey: testKey('once'), queryFn: read.fn })).rejects.toThrow();
    expect(read.calls).toBe(1);
  });
});
