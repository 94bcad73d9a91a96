import { test as base, expect } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './static-server';

const dist = fileURLToPath(new URL('../../dist-demo', import.meta.url));

// The demo build needs no deck server: a plain static file server, the simulator runs in the browser.
const test = base.extend<{ site: { url: string; apiRequests: () => number } }>({
  site: // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object
    async ({}, use) => {
    const site = await serveStatic(dist);
    await use(site);
    await site.close();
  },
});

test('the static demo logs in and shows the simulated datastores', async ({ page, site }) => {
  await page.goto(site.url + '/');
  await page.getByLabel('User name').fill('root');
  await page.getByLabel('Realm').selectOption('pam');
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Datastore / }).first()).toBeVisible();
  await expect(page.getByRole('region', { name: /^Datastore / })).toHaveCount(3);
  // Every API answer came from the simulator in the page, none from the file server.
  expect(site.apiRequests()).toBe(0);

  // Its state survives a reload in that browser.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
});
