import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDeck } from './compose.ts';
import { ConfigError, loadConfig } from './config.ts';

async function main(): Promise<void> {
  let config;
  try {
    // main.js is always dist-server/main.js, whatever chunks the bundler splits off.
    config = loadConfig(process.env, fileURLToPath(new URL('../dist', import.meta.url)));
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    console.error('pbs-deck: invalid configuration:');
    for (const problem of e.problems) console.error(`  ${problem}`);
    process.exit(1);
  }
  const { server, backend } = await createDeck(config);
  server.on('error', (e) => {
    console.error(`pbs-deck: cannot listen on ${config.host}:${config.port}: ${e.message}`);
    process.exit(1);
  });
  server.listen(config.port, config.host, () => {
    const { port } = server.address() as AddressInfo;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    // Browser test fixtures parse this line to find the port when PORT=0.
    console.log(`listening on ${config.tls ? 'https' : 'http'}://${host}:${port}`);
    for (const line of backend.describe()) console.log(line);
    if (!existsSync(join(config.distDir, 'index.html'))) {
      console.warn(`no built console in ${config.distDir}: run npm run build (npm start does it for you)`);
    }
  });

  let stopping = false;
  const stop = (signal: string) => {
    // npm start forwards the terminal's Ctrl-C that the server also got itself: one shutdown is enough.
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    server.close(() => process.exit(0));
    // Open keep-alive connections and endless log follows would hold close() forever.
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 2000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((e: unknown) => {
  console.error('pbs-deck: failed to start:', e);
  process.exit(1);
});
