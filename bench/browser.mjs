// Headless Chromium (Debian's) and a logged-in session to reuse in fresh contexts.
import { chromium } from 'playwright-core';
/* global document, CSS -- functions passed to page.evaluate and waitForFunction run in the page */

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Logs in through the UI as root@pam and returns the storage state (session cookie) for new contexts. */
export async function logIn(browser, url) {
  const context = await browser.newContext({ baseURL: url });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('User name').fill('root');
  await page.getByLabel('Realm').selectOption('pam');
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  const state = await context.storageState();
  await context.close();
  return state;
}

/**
 * In the page: resolves with performance.now() (ms since navigation start) at the first animation frame
 * where all `stores` cards show their used bytes (the exact count in a title attribute).
 */
export async function waitForCards(page, stores, timeout = 60_000) {
  const handle = await page.waitForFunction(
    (names) => {
      const ok = names.every((store) => {
        const card = document.querySelector(`section[aria-label="Datastore ${CSS.escape(store)}"]`);
        const p = card && [...card.querySelectorAll('p')].find((x) => x.textContent.includes(' used of'));
        return Boolean(p && p.querySelector('span[title]'));
      });
      return ok ? performance.now() : false;
    },
    stores,
    { polling: 'raf', timeout },
  );
  return handle.jsonValue();
}

/** Makes the page believe its tab is hidden, as a background tab would be. */
export async function hide(page) {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
}
