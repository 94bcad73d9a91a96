import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { applyTheme, watchSystemTheme } from './app/theme';
import './index.css';

async function boot() {
  applyTheme();
  watchSystemTheme();
  if (import.meta.env.VITE_DEMO === '1') {
    // The demo build has no server: the simulator answers inside the page.
    const { startDemoWorker } = await import('./mocks/browser');
    await startDemoWorker();
  }
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void boot();
