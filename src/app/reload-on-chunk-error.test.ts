import { installChunkReload, RETRY_WINDOW_MS } from './reload-on-chunk-error';

describe('reload on a chunk that failed to load', () => {
  afterEach(() => sessionStorage.clear());

  it('reloads once, and not again while the last reload is recent', () => {
    let t = 1_000_000;
    const reload = vi.fn();
    const uninstall = installChunkReload(reload, () => t);
    window.dispatchEvent(new Event('vite:preloadError', { cancelable: true }));
    expect(reload).toHaveBeenCalledTimes(1);
    // the reloaded page fails again at once: the error stays on screen
    t += 2_000;
    window.dispatchEvent(new Event('vite:preloadError', { cancelable: true }));
    expect(reload).toHaveBeenCalledTimes(1);
    // much later, a new failure gets its reload again
    t += RETRY_WINDOW_MS;
    window.dispatchEvent(new Event('vite:preloadError', { cancelable: true }));
    expect(reload).toHaveBeenCalledTimes(2);
    uninstall();
    window.dispatchEvent(new Event('vite:preloadError', { cancelable: true }));
    expect(reload).toHaveBeenCalledTimes(2);
  });
});
