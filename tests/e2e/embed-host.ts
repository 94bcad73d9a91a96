import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A dashboard on another origin (127.0.0.2, the deck listens on 127.0.0.1): `/?src=<url>` frames
 * the URL, logs every message from `deck` into a list and sizes the frame by height messages;
 * `setTheme('dark')` sends the deck a theme message.
 */
export async function serveHost(
  deck: string,
  port = 0,
): Promise<{ url: string; origin: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const src = new URL(req.url ?? '/', 'http://host').searchParams.get('src') ?? '';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><title>Homelab dashboard</title></head><body>
<h1>Homelab dashboard</h1>
<iframe id="tile" title="Backups" src="${src.replace(/"/g, '&quot;')}" width="420" height="200"></iframe>
<ol id="log" aria-label="Messages from the deck"></ol>
<script>
const DECK = ${JSON.stringify(deck)};
window.addEventListener('message', (e) => {
  if (e.origin !== DECK) return;
  const li = document.createElement('li');
  li.textContent = JSON.stringify(e.data);
  document.getElementById('log').append(li);
  if (e.data && e.data.type === 'pbs-deck:height') document.getElementById('tile').height = String(e.data.height);
});
window.setTheme = (theme) => document.getElementById('tile').contentWindow.postMessage({ type: 'pbs-deck:theme', theme }, DECK);
</script></body></html>`);
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.2', ok));
  const origin = `http://127.0.0.2:${(server.address() as AddressInfo).port}`;
  return { url: `${origin}/`, origin, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}
