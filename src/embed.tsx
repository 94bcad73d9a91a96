// First: zod is configured before any module's code can parse.
import './lib/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EmbedApp } from './features/embed/embed-app';
import './index.css';

// The embed entry: read-only views for dashboards and frames (DESIGN.md). In the demo build the
// simulator answers /embed-api/ inside the page, as the deck server does everywhere else.
async function boot() {
  if (import.meta.env.VITE_DEMO === '1') {
    const demo = await import('./mocks/browser');
    await demo.startDemoWorker();
  }
  const root = document.getElementById('root');
  if (!root) throw new Error('embed.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <EmbedApp pathname={window.location.pathname} search={window.location.search} />
    </StrictMode>,
  );
}

void boot();
