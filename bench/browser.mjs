// Headless Chromium (Debian's) and a logged-in session to reuse in fresh contexts.
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
/* global document, CSS -- functions passed to page.evaluate and waitForFunction run in the page */

export function launch() {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

const SESSION_KEY = 'pbs-deck.session';

/**
 * Logs in through the UI as root@pam and returns what a logged-in tab holds: the ticket cookie and the
 * session the console keeps in sessionStorage (username, CSRF token), for newSession().
 */
export async function logIn(browser, url) {
  const context = await browser.newContext({ baseURL: url });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('User name').fill('root');
  await page.getByLabel('Realm').selectOption('pam');
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  const storageState = await context.storageState();
  const session = await page.evaluate((key) => sessionStorage.getItem(key), SESSION_KEY);
  await context.close();
  if (!session) throw new Error('no session in sessionStorage after login');
  return { storageState, session };
}

/** A fresh context (cold HTTP cache) whose tab already has the session, as after a reload of a logged-in tab. */
export async function newSession(browser, url, auth) {
  const context = await browser.newContext({ baseURL: url, storageState: auth.storageState });
  await context.addInitScript(
    ([key, value]) => {
      if (!sessionStorage.getItem(key)) sessionStorage.setItem(key, value);
    },
    [SESSION_KEY, auth.session],
  );
  return context;
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
