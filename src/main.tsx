// First: zod is configured before any module's code can parse.
import './lib/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { startEarly } from './app/early-start';
import { installChunkReload } from './app/reload-on-chunk-error';
import { applyTheme, watchSystemTheme } from './app/theme';
import './index.css';

async function boot() {
  applyTheme();
  watchSystemTheme();
  installChunkReload();
  // The page's code and first lists start now, together, rather than one after another as each part renders.
  startEarly(window.location.pathname, window.location.search, import.meta.env.VITE_DEMO !== '1');
  let resetDemo: (() => void) | null = null;
  if (import.meta.env.VITE_DEMO === '1') {
    // The demo build has no server: the simulator answers inside the page.
    const demo = await import('./mocks/browser');
    await demo.startDemoWorker();
    resetDemo = demo.resetDemo;
  }
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <App resetDemo={resetDemo} />
    </StrictMode>,
  );
}

void boot();
