import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// Builds the deck server (server/main.ts, with the simulator it hosts) into dist-server/ for Node 20,
// which cannot run TypeScript itself.
export default defineConfig({
  publicDir: false,
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    ssr: 'server/main.ts',
    outDir: 'dist-server',
    target: 'node20',
    emptyOutDir: true,
    rollupOptions: { output: { entryFileNames: 'main.js' } },
  },
  ssr: { noExternal: [] },
});
