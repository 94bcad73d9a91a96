import { act, screen } from '@testing-library/react';
import { renderApp, setupTestServer } from '@/test/render-app';

const t = setupTestServer();

function setHidden(hidden: boolean) {
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    get: () => (hidden ? 'hidden' : 'visible'),
  });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('dashboard polling', () => {
  afterEach(() => {
    vi.useRealTimers();
    setHidden(false);
  });

  it('asks at most 6 times a minute while visible and nothing while hidden', async () => {
    vi.useFakeTimers({
      shouldAdvanceTime: true,
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
    await t.loginAs('root@pam');
    renderApp('/');
    await screen.findAllByRole('region', { name: /^Datastore / }, { timeout: 15_000 });
    await act(() => vi.advanceTimersByTimeAsync(90_000));

    const seen: string[] = [];
    const count = ({ request }: { request: Request }) => void seen.push(new URL(request.url).pathname);
    t.server.events.on('request:start', count);
    try {
      for (let minute = 0; minute < 3; minute++) await act(() => vi.advanceTimersByTimeAsync(60_000));
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.length / 3).toBeLessThanOrEqual(6);

      setHidden(true);
      seen.length = 0;
      await act(() => vi.advanceTimersByTimeAsync(5 * 60_000));
      expect(seen).toEqual([]);
    } finally {
      t.server.events.removeListener('request:start', count);
    }
  });
});
