/// <reference types="vitest/config" />
import { build, defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';

const configFile = fileURLToPath(import.meta.url);
// Set while the embed entry builds: the same config with embed.html as the only input.
const EMBED_ONLY = 'PBS_DECK_EMBED_ONLY';

/*
 * The embed entry (embed.html) is a second build into the same outDir, after the console's: with both
 * as inputs of one build, the bundler splits what they share into more chunks and the console's entry
 * grows. Built apart, the console's files are exactly what they would be without the embed entry.
 */
function embedEntry(mode: string): Plugin {
  let outDir = 'dist';
  let building = false;
  return {
    name: 'pbs-deck-embed-entry',
    configResolved(config) {
      outDir = config.build.outDir;
      building = config.command === 'build';
    },
    // `npm run dev`: /embed/… is the embed entry's client-side route, as the deck server serves it.
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url && /^\/embed(\/|$|\?)/.test(req.url) && (req.headers.accept ?? '').includes('text/html')) {
          req.url = `/embed.html${req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : ''}`;
        }
        next();
      });
    },
    async closeBundle() {
      if (process.env[EMBED_ONLY] === '1' || !building) return;
      process.env[EMBED_ONLY] = '1';
      try {
        await build({ configFile, mode, logLevel: 'warn', build: { outDir, emptyOutDir: false } });
      } finally {
        delete process.env[EMBED_ONLY];
      }
    },
  };
}

/*
 * react-aria gives every pressable element `touch-action: pan-x pan-y pinch-zoom`, by prepending a
 * <style id="react-aria-pressable-style"> to the page unless an element with that id is already there.
 * The CSP allows no inline style, so the rule lives in index.css and the built stylesheet's <link>
 * carries that id: react-aria finds its style present and injects nothing.
 */
const PRESSABLE_STYLE_ID = 'react-aria-pressable-style';
function pressableStyleLink(): Plugin {
  return {
    name: 'pbs-deck-pressable-style-link',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const links = html.match(/<link rel="stylesheet"/g) ?? [];
        if (links.length !== 1) {
          throw new Error(
            `${ctx.filename}: expected one stylesheet link to carry #${PRESSABLE_STYLE_ID}, found ${links.length}`,
          );
        }
        return html.replace('<link rel="stylesheet"', `<link rel="stylesheet" id="${PRESSABLE_STYLE_ID}"`);
      },
    },
  };
}

export default defineConfig(({ mode }) => ({
  plugins: [react(), tailwindcss(), embedEntry(mode), pressableStyleLink()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  define: { 'import.meta.env.VITE_DEMO': JSON.stringify(mode === 'demo' ? '1' : '') },
  build: {
    sourcemap: false,
    rollupOptions: {
      input: {
        [process.env[EMBED_ONLY] === '1' ? 'embed' : 'main']: fileURLToPath(
          new URL(process.env[EMBED_ONLY] === '1' ? './embed.html' : './index.html', import.meta.url),
        ),
      },
    },
  },
  server: {
    proxy: process.env.PBS_URL
      ? { '/api2': { target: process.env.PBS_URL, changeOrigin: true, secure: false } }
      : undefined,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'scripts/**/*.test.ts'],
    css: false,
    testTimeout: 20000,
    // One worker per core: Vitest's own default for a run leaves one core out, which on a two-core machine is
    // half of it, while the main process mostly waits.
    maxWorkers: availableParallelism(),
    // times in the viewer's zone read the same on every machine
    env: { TZ: 'UTC' },
  },
}));
