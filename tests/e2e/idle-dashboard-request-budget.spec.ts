import type { Page } from '@playwright/test';
import { test, expect, logIn } from './fixtures';

// Budget (DESIGN.md): while the user does nothing, a visible dashboard asks the server at most 6 times a
// minute, whatever the number of datastores, ticket renewal included; a hidden one only renews the ticket.
// The browser's clock is driven by the test, so the count does not depend on the machine's speed.

function countApiRequests(page: Page) {
  const seen: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api2/')) seen.push(`${r.method()} ${url.pathname}`);
  });
  return seen;
}

async function settle(page: Page) {
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Datastore store1' })).toBeVisible();
  await page.waitForLoadState('networkidle');
}

const MINUTES = 15;

test('an idle, visible dashboard stays within 6 requests a minute', async ({ page }) => {
  await page.clock.install();
  await logIn(page, 'root@pam');
  await settle(page);
  const seen = countApiRequests(page);
  for (let m = 0; m < MINUTES; m++) {
    await page.clock.runFor(60_000);
    await page.waitForLoadState('networkidle');
  }
  const perMinute = seen.length / MINUTES;
  expect(perMinute, `requests in ${MINUTES} min: ${seen.join(', ')}`).toBeLessThanOrEqual(6);
  // It does refresh: something was asked for.
  expect(seen.length).toBeGreaterThan(0);
});

test('a hidden dashboard asks for nothing but ticket renewal', async ({ page }) => {
  await page.clock.install();
  await logIn(page, 'root@pam');
  await settle(page);
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  const seen = countApiRequests(page);
  for (let m = 0; m < MINUTES; m++) {
    await page.clock.runFor(60_000);
    await page.waitForLoadState('networkidle');
  }
  expect(
    seen.filter((r) => r !== 'POST /api2/json/access/ticket'),
    seen.join(', '),
  ).toEqual([]);
});
