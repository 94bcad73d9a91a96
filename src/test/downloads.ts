import type { SetupServer } from 'msw/node';

/**
 * Records every file download (PBS's `download` call) the test server sees from now on, as its URL, until `stop`.
 */
export function recordDownloads(server: Pick<SetupServer, 'events'>) {
  const seen: string[] = [];
  const count = ({ request }: { request: Request }) => {
    if (new URL(request.url).pathname.endsWith('/download')) seen.push(request.url);
  };
  server.events.on('request:start', count);
  return { seen, stop: () => server.events.removeListener('request:start', count) };
}
