import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildProcess } from 'node:child_process';
import { startDeck, stopDeck } from '../../scripts/deck-process.mjs';
import { embedBundleProblems } from '../../scripts/embed-bundle.mjs';
import { serveHost } from './embed-host';
import { test, expect, expectAccessible } from './fixtures';

const root = fileURLToPath(new URL('../..', import.meta.url));

// A deck of its own that allows one dashboard origin to frame its embed views.
let deck: { url: string; proc: ChildProcess };
let host: Awaited<ReturnType<typeof serveHost>>;
let stranger: Awaited<ReturnType<typeof serveHost>>;
let secret = '';

test.beforeAll(async () => {
  // The deck's URL is needed by the host page and the host's origin by the deck: the host learns the deck's later.
  const probe = await serveHost('http://127.0.0.1');
  const hostPort = Number(new URL(probe.origin).port);
  await probe.close();
  deck = await startDeck(root, { SIM_SEED: '7', FRAME_ANCESTORS: `http://127.0.0.2:${hostPort}` });
  host = await serveHost(deck.url, hostPort);
  stranger = await serveHost(deck.url);
  const info = (await (await fetch(`${deck.url}/__sim/info`)).json()) as { token: { secret: string } };
  secret = info.token.secret;
  expect(secret.length).toBeGreaterThan(8);
});

test.afterAll(async () => {
  await host?.close();
  await stranger?.close();
  if (deck) await stopDeck(deck.proc);
});

const frameUrl = (view: string, query = '?messages=1&theme=light') => `${deck.url}/embed/${view}${query}`;

test('a dashboard on an allowed origin frames the overview without a login, gets heights and sets the theme', async ({
  page,
}) => {
  const bodies: string[] = [];
  page.on('response', async (r) => {
    if (r.url().startsWith(deck.url))
      bodies.push(
        `${JSON.stringify(await r.allHeaders())}\n${(await r.body().catch(() => Buffer.from(''))).toString('utf8')}`,
      );
  });
  await page.goto(`${host.url}?src=${encodeURIComponent(frameUrl('overview'))}`);
  const tile = page.frameLocator('#tile');
  const usage = (await (await fetch(`${deck.url}/embed-api/api2/json/status/datastore-usage`)).json()) as {
    data: { store: string }[];
  };
  expect(usage.data.length).toBeGreaterThanOrEqual(3);
  for (const { store } of usage.data)
    await expect(tile.getByRole('region', { name: `Datastore ${store}` })).toBeVisible();
  await expect(tile.getByRole('heading', { level: 1, name: /^Backups: / })).toBeVisible();

  // Heights arrive and the host sizes its frame by them.
  const log = page.getByRole('list', { name: 'Messages from the deck' });
  await expect(log.getByRole('listitem').first()).toContainText('"type":"pbs-deck:height"');
  const last = JSON.parse((await log.getByRole('listitem').last().textContent()) ?? '{}') as { height: number };
  expect(last.height).toBeGreaterThan(100);
  await expect(page.locator('#tile')).toHaveAttribute('height', String(last.height));

  await expect(tile.locator('html')).not.toHaveClass(/dark/);
  await page.evaluate(() => (window as unknown as { setTheme(t: string): void }).setTheme('dark'));
  await expect(tile.locator('html')).toHaveClass(/dark/);
  await page.evaluate(() => (window as unknown as { setTheme(t: string): void }).setTheme('light'));
  await expect(tile.locator('html')).not.toHaveClass(/dark/);

  // Deep links open the console in a new tab.
  const link = tile.getByRole('link', { name: /^store1/ });
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('href', '/datastores/store1');

  // The token never reached the browser: not in any answer nor in the page.
  expect(bodies.length).toBeGreaterThan(3);
  for (const body of bodies) expect(body).not.toContain(secret);
  expect(await tile.locator('html').innerHTML()).not.toContain(secret);
});

test('a dashboard on another origin is refused by the browser, and so is the console everywhere', async ({ page }) => {
  // Chromium replaces a frame refused by frame-ancestors or X-Frame-Options with its error page.
  const tileUrl = () =>
    page
      .frames()
      .find((f) => f.parentFrame() === page.mainFrame())
      ?.url();
  const deckAnswered = page.waitForResponse((r) => r.url().startsWith(`${deck.url}/embed/overview`));
  await page.goto(`${stranger.url}?src=${encodeURIComponent(frameUrl('overview'))}`);
  const answer = await deckAnswered;
  expect(answer.status()).toBe(200);
  expect(answer.headers()['content-security-policy']).toContain(`frame-ancestors ${host.origin};`);
  await expect.poll(tileUrl).toBe('chrome-error://chromewebdata/');
  await expect(page.frameLocator('#tile').getByRole('region', { name: /^Datastore / })).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Messages from the deck' }).getByRole('listitem')).toHaveCount(0);

  // The console refuses every frame, even on the allowed dashboard.
  await page.goto(`${host.url}?src=${encodeURIComponent(`${deck.url}/`)}`);
  await expect.poll(tileUrl).toBe('chrome-error://chromewebdata/');
  await expect(page.frameLocator('#tile').getByRole('button', { name: 'Log in' })).toHaveCount(0);

  // The same embed page on the allowed dashboard does load: the refusal above was the origin's.
  await page.goto(`${host.url}?src=${encodeURIComponent(frameUrl('overview'))}`);
  await expect.poll(tileUrl).toContain('/embed/overview');
});

test('the embed API refuses writes and anything off its list, and nothing of it reaches PBS', async () => {
  const tasks = async () =>
    (
      (await (await fetch(`${deck.url}/embed-api/api2/json/nodes/localhost/tasks?limit=500&since=0`)).json()) as {
        data: unknown[];
      }
    ).data.length;
  const before = await tasks();
  for (const method of ['POST', 'PUT', 'DELETE']) {
    const res = await fetch(`${deck.url}/embed-api/api2/json/admin/datastore/store1/gc`, { method });
    expect(res.status).toBe(405);
    expect(await res.text()).toContain('read-only');
  }
  for (const [target, status] of [
    ['/embed-api/api2/json/access/users', 403],
    ['/embed-api/api2/json/admin/datastore/store1/snapshots', 403],
    ['/embed-api/api2/json/nodes/localhost/tasks?userfilter=root%40pam', 400],
  ] as const) {
    expect((await fetch(`${deck.url}${target}`)).status).toBe(status);
  }
  expect(await tasks()).toBe(before);
});

test('the token is in no file of the build, and the embed bundle holds no write call', async () => {
  const dist = path.join(root, 'dist');
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) =>
      statSync(path.join(dir, n)).isDirectory() ? walk(path.join(dir, n)) : [path.join(dir, n)],
    );
  const files = walk(dist);
  expect(files.some((f) => f.endsWith('embed.html'))).toBe(true);
  for (const file of files) expect(readFileSync(file).includes(secret), file).toBe(false);
  expect(embedBundleProblems(dist).problems).toEqual([]);
});

test('the embed views pass axe in light and dark', async ({ page }) => {
  for (const view of ['overview', 'datastore/store1', 'tasks']) {
    for (const theme of ['light', 'dark']) {
      await page.goto(frameUrl(view, `?theme=${theme}`));
      await expect(page.getByRole('heading', { level: 1 })).toBeAttached();
      await expect(page.getByRole('status')).toHaveCount(0);
      await expectAccessible(page);
    }
  }
});
