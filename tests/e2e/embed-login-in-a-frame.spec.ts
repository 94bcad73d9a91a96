import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildProcess } from 'node:child_process';
import { startDeck, stopDeck } from '../../scripts/deck-process.mjs';
import { serveHost } from './embed-host';
import { test, expect, expectAccessible } from './fixtures';

// A deck in front of "a real PBS" (here: a simulator deck, its PBS_URL) without EMBED_TOKEN: the
// framed view asks for a login itself. One such deck serves TLS (self-signed), one does not.
const root = fileURLToPath(new URL('../..', import.meta.url));
let pbs: { url: string; proc: ChildProcess };
let deck: { url: string; proc: ChildProcess };
let plain: { url: string; proc: ChildProcess };
let host: Awaited<ReturnType<typeof serveHost>>;

// The deck's certificate is its own invention: the browser is told to accept it.
test.use({ ignoreHTTPSErrors: true });

function selfSigned(): { cert: string; key: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'embed-login-cert-'));
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-keyout',
      key,
      '-out',
      cert,
      '-subj',
      '/CN=deck-test',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  return { cert, key };
}

test.beforeAll(async () => {
  const probe = await serveHost('http://127.0.0.1');
  const hostPort = Number(new URL(probe.origin).port);
  await probe.close();
  const frameAncestors = `http://127.0.0.2:${hostPort}`;
  pbs = await startDeck(root, { SIM_SEED: '7' });
  const { cert, key } = selfSigned();
  deck = await startDeck(root, { PBS_URL: pbs.url, TLS_CERT: cert, TLS_KEY: key, FRAME_ANCESTORS: frameAncestors });
  plain = await startDeck(root, { PBS_URL: pbs.url, FRAME_ANCESTORS: frameAncestors });
  expect(deck.url).toMatch(/^https:/);
  host = await serveHost(deck.url, hostPort);
});

test.afterAll(async () => {
  await host?.close();
  for (const d of [deck, plain, pbs]) if (d) await stopDeck(d.proc);
});

const framing = (deckUrl: string) => `${host.url}?src=${encodeURIComponent(`${deckUrl}/embed/overview?theme=light`)}`;

test('a framed view without a token asks for a login, keeps it in a partitioned cookie and shows the datastores', async ({
  page,
  context,
}) => {
  const usage = (await (await fetch(`${pbs.url}/embed-api/api2/json/status/datastore-usage`)).json()) as {
    data: { store: string }[];
  };
  expect(usage.data.length).toBeGreaterThanOrEqual(3);
  const loginAnswers: { status: number; cookies: string[]; body: string }[] = [];
  page.on('response', async (r) => {
    if (r.url() === `${deck.url}/embed-api/login`)
      loginAnswers.push({ status: r.status(), cookies: await r.headerValues('set-cookie'), body: await r.text() });
  });

  await page.goto(framing(deck.url));
  const tile = page.frameLocator('#tile');
  await expect(tile.getByRole('heading', { name: 'Log in to see the backups' })).toBeVisible();
  await expectAccessible(page);

  // A wrong password: PBS's own words, in place.
  await tile.getByLabel('User (name@realm)').fill('audit@pbs');
  await tile.getByLabel('Password').fill('not-the-password');
  await tile.getByRole('button', { name: 'Log in' }).click();
  await expect(tile.getByRole('alert')).toHaveText('permission check failed.');
  expect(await context.cookies()).toEqual([]);

  await tile.getByLabel('Password').fill('demo');
  await tile.getByRole('button', { name: 'Log in' }).click();
  for (const { store } of usage.data)
    await expect(tile.getByRole('region', { name: `Datastore ${store}` })).toBeVisible();
  await expect(tile.getByRole('heading', { level: 1, name: /^Backups: / })).toBeVisible();

  const cookies = (await context.cookies()).filter((c) => c.name === 'PBSDeckEmbed');
  expect(cookies).toHaveLength(1);
  // Kept for the dashboard's site only (Partitioned), sent in the cross-site frame (SameSite=None), never to script.
  expect(cookies[0]).toMatchObject({
    path: '/embed-api/',
    httpOnly: true,
    secure: true,
    sameSite: 'None',
    partitionKey: 'http://127.0.0.2',
  });
  expect(loginAnswers.map((a) => a.status)).toEqual([401, 200]);
  expect(loginAnswers[0]!.body).toBe('permission check failed.');
  expect(loginAnswers[1]!.cookies[0]).toMatch(
    /^PBSDeckEmbed=PBS[^;]+; Path=\/embed-api\/; HttpOnly; Secure; SameSite=None; Partitioned; Max-Age=7200$/,
  );
  // The page never holds the ticket: not in the answer, not readable by script.
  expect(loginAnswers[1]!.body).toBe('{"username":"audit@pbs"}');
  const frame = page.frames().find((f) => f.url().startsWith(deck.url))!;
  expect(await frame.evaluate(() => document.cookie)).toBe('');

  // Signing out drops the session: the form is back and reads ask for a login again.
  await tile.getByRole('button', { name: 'Sign out' }).click();
  await expect(tile.getByLabel('Password')).toBeVisible();
  expect((await context.cookies()).filter((c) => c.name === 'PBSDeckEmbed')).toEqual([]);
});

test('a deck without TLS explains that the in-frame login needs HTTPS and asks for no password', async ({ page }) => {
  await page.goto(framing(plain.url));
  const tile = page.frameLocator('#tile');
  await expect(tile.getByRole('alert')).toContainText('Logging in here needs HTTPS');
  await expect(tile.getByRole('alert')).toContainText('TLS_CERT');
  await expect(tile.getByLabel('Password')).toHaveCount(0);
  await expectAccessible(page);
  // Even asked directly, that deck sends no password on to PBS.
  const res = await fetch(`${plain.url}/embed-api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'audit@pbs', password: 'demo' }),
  });
  expect(res.status).toBe(403);
  expect(await res.text()).toMatch(/^in-frame login needs HTTPS/);
});
