import type { Page } from '@playwright/test';
import { test, expect, logIn } from './fixtures';

// Budget (DESIGN.md): while the user does nothing, a visible dashboard asks the server at most 6 times a
// minute, whatever the number of datastores, ticket renewal included; a hidden one only renews the ticket.
// The browser's clock is driven by the test, so the count does not depend on the machine's speed.

/**
 * Records, in the page, every API request as the console calls fetch, and how many are unanswered: read after the
 * clock moved, the list is complete (an event reaching the test later would not be).
 */
async function recordApiRequests(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __api: { started: string[]; open: number } };
    w.__api = { started: [], open: 0 };
    const original = window.fetch.bind(window);
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(
        typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
        location.href,
      );
      if (!url.pathname.startsWith('/api2/')) return original(input, init);
      const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
      w.__api.started.push(`${method} ${url.pathname}`);
      w.__api.open++;
      return original(input, init).finally(() => {
        w.__api.open--;
      });
    };
  });
}

const apiState = (page: Page) =>
  page.evaluate(() => (window as unknown as { __api: { started: string[]; open: number } }).__api);

/** Waits until every API request the page started has its answer. */
async function answered(page: Page) {
  await expect.poll(async () => (await apiState(page)).open).toBe(0);
}

async function settle(page: Page) {
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Datastore store1' })).toBeVisible();
  await answered(page);
}

/** The API requests of `minutes` minutes of the page's clock, each minute's answers awaited. */
async function requestsOver(page: Page, minutes: number): Promise<string[]> {
  const before = (await apiState(page)).started.length;
  for (let m = 0; m < minutes; m++) {
    await page.clock.runFor(60_000);
    await answered(page);
  }
  return (await apiState(page)).started.slice(before);
}

const MINUTES = 15;

test('an idle, visible dashboard stays within 6 requests a minute', async ({ page }) => {
  await page.clock.install();
  await recordApiRequests(page);
  await logIn(page, 'root@pam');
  await settle(page);
  const seen = await requestsOver(page, MINUTES);
  const perMinute = seen.length / MINUTES;
  expect(perMinute, `requests in ${MINUTES} min: ${seen.join(', ')}`).toBeLessThanOrEqual(6);
  // It does refresh: something was asked for.
  expect(seen.length).toBeGreaterThan(0);
});

test('a hidden dashboard asks for nothing but ticket renewal', async ({ page }) => {
  await page.clock.install();
  await recordApiRequests(page);
  await logIn(page, 'root@pam');
  await settle(page);
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  const seen = await requestsOver(page, MINUTES);
  expect(
    seen.filter((r) => r !== 'POST /api2/json/access/ticket'),
    seen.join(', '),
  ).toEqual([]);
});
