// A page chunk that fails to load (a new deployment replaced the build, a connection dropped, the demo's service
// worker restarting across a reload) leaves the page on an error. One reload fixes it; a second failure within
// RETRY_WINDOW_MS shows the error instead of reloading in a loop.
const KEY = 'pbs-deck.chunk-reload';
export const RETRY_WINDOW_MS = 10_000;

export function installChunkReload(
  reload: () => void = () => location.reload(),
  now: () => number = Date.now,
): () => void {
  const onError = () => {
    const last = Number(sessionStorage.getItem(KEY) ?? 0);
    if (now() - last < RETRY_WINDOW_MS) return;
    sessionStorage.setItem(KEY, String(now()));
    reload();
  };
  // Vite's dynamic import wrapper dispatches this when a chunk or its preloads fail to load.
  window.addEventListener('vite:preloadError', onError);
  return () => window.removeEventListener('vite:preloadError', onError);
}
