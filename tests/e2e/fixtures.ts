import { test as base, expect, type Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { startDeck, stopDeck } from '../../scripts/deck-process.mjs';
import { fileURLToPath } from 'node:url';
import { nextQuietNoon, testStartTime } from '../../src/mocks/sim/test-start';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface Deck {
  url: string;
  /** POST to the simulator's control surface (/__sim/...). */
  sim(path: string, body?: unknown): Promise<unknown>;
}

export const test = base.extend<{ resetSim: void }, { deck: Deck }>({
  deck: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object
    async ({}, use) => {
      const { url, proc } = await startDeck(root, { SIM_SEED: '7' });
      const sim = async (path: string, body?: unknown) => {
        const res = await fetch(`${url}/__sim/${path.replace(/^\//, '')}`, {
          method: body === undefined ? 'GET' : 'POST',
          headers: { 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        if (!res.ok) throw new Error(`/__sim/${path}: HTTP ${res.status} ${await res.text()}`);
        const text = await res.text();
        return text ? (JSON.parse(text) as unknown) : null;
      };
      await use({ url, sim });
      await stopDeck(proc);
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ deck }, use) => {
    await use(deck.url);
  },
  // Every test starts from the same simulator state at testStartTime(), whatever the real time.
  resetSim: [
    async ({ deck }, use) => {
      await deck.sim('reset', { seed: 7, profile: 'demo', startTime: testStartTime() });
      await use();
    },
    { auto: true },
  ],
});

export { expect };

/** axe-core on the current page: no serious or critical finding. */
export async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id} [${v.impact}]: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `accessibility findings on ${page.url()}`,
  ).toEqual([]);
}

/** Logs in on the console at `at` (the worker's deck unless another deck's URL is given). */
export async function logIn(page: Page, username: string, password = 'demo', at = '/') {
  await page.goto(at);
  const [user, realm] = username.split('@');
  await page.getByLabel('User name').fill(user ?? username);
  if (realm) await page.getByLabel('Realm').selectOption(realm);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

/** Moves the simulator to the next midday in Vienna: no nightly backup, prune or GC runs near then. */
export async function quietNoon(deck: Deck) {
  const { now } = (await deck.sim('clock', {})) as { now: number };
  await deck.sim('clock', { set: nextQuietNoon(now) });
}

/**
 * PBS's API as root@pam on the PBS at `url` (a deck's simulator, or whatever the deck proxies to), the way an
 * administrator sets a test's users up. `call` expects 200 and returns the answer's `data`.
 */
export async function rootApi(url: string) {
  const res = await fetch(`${url}/api2/json/access/ticket`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: 'root@pam', password: 'demo' }),
  });
  expect(res.status).toBe(200);
  const { data } = (await res.json()) as { data: { ticket: string; CSRFPreventionToken: string } };
  const call = async (method: 'POST' | 'PUT' | 'DELETE', path: string, form: Record<string, string> = {}) => {
    const r = await fetch(`${url}/api2/json${path}`, {
      method,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: `PBSAuthCookie=${encodeURIComponent(data.ticket)}`,
        CSRFPreventionToken: data.CSRFPreventionToken,
      },
      body: new URLSearchParams(form),
    });
    const text = await r.text();
    expect(r.status, `${method} ${path}: ${text}`).toBe(200);
    return (JSON.parse(text) as { data: unknown }).data;
  };
  return { ticket: data.ticket, call };
}

/** A PBS user made through the API, with password `password` and the given ACL entries. */
export async function addPbsUser(url: string, userid: string, password: string, acl: [path: string, role: string][]) {
  const { call } = await rootApi(url);
  await call('POST', '/access/users', { userid, password });
  for (const [path, role] of acl) await call('PUT', '/access/acl', { path, role, 'auth-id': userid });
}
