import { fileURLToPath } from 'node:url';
import { test, expect, expectAccessible } from './fixtures';
import { startNginx } from './nginx';

const root = fileURLToPath(new URL('../..', import.meta.url));

// The example nginx site from docs/ in front of this worker's deck server: TLS at nginx, plain http behind.
test.use({ ignoreHTTPSErrors: true });

test('login, dashboard, embed views and badges work through the documented nginx config', async ({
  page,
  deck,
  request,
}) => {
  const nginx = await startNginx(root, deck.url);
  try {
    await page.goto(`${nginx.url}/`);
    await page.getByLabel('User name').fill('root');
    await page.getByLabel('Realm').selectOption('pam');
    await page.getByLabel('Password').fill('demo');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Datastore store1' })).toBeVisible();
    await expectAccessible(page);

    await page.goto(`${nginx.url}/embed/overview`);
    await expect(page.getByRole('region', { name: 'Datastore store1' })).toBeVisible();

    const badge = await request.get(`${nginx.url}/badge/overview.svg`);
    expect(badge.status()).toBe(200);
    expect(badge.headers()['content-type']).toContain('image/svg+xml');
    expect(await badge.text()).toMatch(/aria-label="backups: (ok|warning|full|failing)"/);
    // The deck's own headers come through unchanged.
    const console = await request.get(`${nginx.url}/`);
    expect(console.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect((await request.get(`${nginx.url}/__sim/info`)).status()).toBe(404);
  } finally {
    await nginx.stop();
  }
});
