import { QueryObserver } from '@tanstack/react-query';
import { PbsError } from '@/api/client';
import { createQueryClient } from './query-client';
import { watchServerTrouble, type ServerTrouble } from './server-trouble';

afterEach(() => vi.useRealTimers());

/** keys of these tests' own reads, which no factory of api/queries declares */
const testKey = (name: string) => ['test', name];

/** a shown read that fails with `errors` in turn, then answers */
function showRead(client: ReturnType<typeof createQueryClient>, name: string, errors: Error[]) {
  let calls = 0;
  const queryFn = async () => {
    const error = errors[calls++];
    if (error) throw error;
    return 'ok';
  };
  const observer = new QueryObserver(client, { queryKey: testKey(name), queryFn });
  return observer.subscribe(() => undefined);
}

describe('what the notice is told', () => {
  it('says nothing after one failure, then names the trouble and when the next attempt goes out', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const client = createQueryClient();
    const seen: (ServerTrouble | null)[] = [];
    const stop = watchServerTrouble(client.getQueryCache(), (t) => seen.push(t));
    const down = new PbsError(500, 'internal server error');
    const unsubscribe = showRead(client, 'a', [down, down, down]);
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual([]);
    // the second failure, 1 s later: the third attempt follows 2 s after it
    await vi.advanceTimersByTimeAsync(1000);
    expect(seen).toEqual([{ unreachable: false, message: 'internal server error', retryAt: 1_003_000, at: 1_001_000 }]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(seen.at(-1)).toMatchObject({ retryAt: 1_007_000 });
    // the fourth attempt answers
    await vi.advanceTimersByTimeAsync(4000);
    expect(seen.at(-1)).toBeNull();
    unsubscribe();
    stop();
  });

  it('prefers "unreachable" when one read gets no answer at all, and forgets a read nobody shows', async () => {
    vi.useFakeTimers({ now: 0 });
    const client = createQueryClient();
    let last: ServerTrouble | null = null;
    const stop = watchServerTrouble(client.getQueryCache(), (t) => (last = t));
    const dropped = new PbsError(0, 'Cannot reach the server: the connection failed');
    const five = Array.from({ length: 5 }, () => dropped);
    const a = showRead(client, 'a', five);
    const b = showRead(
      client,
      'b',
      Array.from({ length: 5 }, () => new PbsError(502, 'bad gateway')),
    );
    await vi.advanceTimersByTimeAsync(1000);
    expect(last).toMatchObject({ unreachable: true, message: null });
    a();
    await vi.advanceTimersByTimeAsync(0);
    expect(last).toMatchObject({ unreachable: false, message: 'bad gateway' });
    b();
    await vi.advanceTimersByTimeAsync(0);
    expect(last).toBeNull();
    stop();
  });

  it('ignores final errors: they show where their data would have been', async () => {
    vi.useFakeTimers({ now: 0 });
    const client = createQueryClient();
    const seen: (ServerTrouble | null)[] = [];
    const stop = watchServerTrouble(client.getQueryCache(), (t) => seen.push(t));
    const unsubscribe = showRead(client, 'refused', [new PbsError(403, 'permission check failed')]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(seen).toEqual([]);
    unsubscribe();
    stop();
  });
});
