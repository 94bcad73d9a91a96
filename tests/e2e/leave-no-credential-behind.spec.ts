import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { test as base, expect } from '@playwright/test';
import { startDeck, stopDeck } from '../../scripts/deck-process.mjs';
import { testStartTime } from '../../src/mocks/sim/test-start';
import { DEMO_TOTP_SECRET } from '../../src/mocks/sim/auth/demo-users';
import { PVE_RECOVERY_KEYS, PVE_TOTP_SECRET } from '../../src/mocks/pve/pve-users';
import { logIn, rootApi } from './fixtures';
import { serveStatic } from './static-server';
import { totp } from './totp';
import {
  browserStores,
  placesToSearch,
  findCredentials,
  watchPage,
  watchTickets,
  type Credential,
} from './credential-search';

// After a PBS login with a second factor, a Proxmox VE login, a restore, a download and a logout, nothing a user
// typed to prove who they are and no ticket is left where others could read it: the browser's storages and cookies,
// the URLs it asked for, its console, the deck's output. The published demo password is not a credential; a
// password set here, TOTP codes, recovery keys, tickets and a real server's token secret are.

const test = base;
const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = fileURLToPath(new URL('../../dist-demo', import.meta.url));

// not a published demo password: set on totp@pbs by the test, as an administrator would
const PBS_PASSWORD = 'Tq8-unlisted-Wz41';

/** Saving through a link, as Chromium would otherwise ask where to save through its own dialog. */
async function saveThroughLinks(page: Page) {
  await page.addInitScript(() => {
    delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
}

/** The PBS login's second step: the TOTP code (PBS checks it against the real clock). */
async function pbsTotp(page: Page): Promise<string> {
  const field = page.getByLabel('TOTP code');
  await expect(field).toBeVisible();
  const code = totp(DEMO_TOTP_SECRET);
  await field.fill(code);
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  return code;
}

/** VM 101's newest snapshot in the content tree, its detail open. */
async function openVm101(page: Page, at = '') {
  await page.goto(`${at}/datastores/store1/content`);
  const grid = page.getByRole('treegrid', { name: 'Backups in store1' });
  const group = grid.getByRole('row').filter({ hasText: 'vm/101' }).and(grid.locator('[aria-level="1"]'));
  await group.click();
  await grid.locator('[role="row"][aria-level="2"]').first().click();
  return page.getByRole('region', { name: /^Snapshot vm\/101\// });
}

/** The PVE login in the restore dialog as pve-totp@pve, with its password and the second factor `answer`. */
async function pveLogin(dialog: Locator, answer: { totp: string } | { key: string }) {
  await expect(dialog.getByRole('heading', { name: 'Log in to Proxmox VE' })).toBeVisible();
  await dialog.getByRole('textbox', { name: 'User name' }).fill('pve-totp@pve');
  await dialog.getByLabel('Password').fill('demo');
  await dialog.getByRole('button', { name: 'Log in to Proxmox VE' }).click();
  await expect(dialog.getByRole('heading', { name: 'Second factor for pve-totp@pve' })).toBeVisible();
  if ('key' in answer) {
    await dialog.getByRole('tab', { name: 'Recovery key' }).click();
    await dialog.getByRole('textbox', { name: 'Recovery key' }).fill(answer.key);
  } else {
    await dialog.getByRole('textbox', { name: 'TOTP code' }).fill(answer.totp);
  }
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog.getByText(/^Proxmox VE:/)).toHaveText('Proxmox VE: pve-totp@pve');
}

/** Restore VM 101 into PVE as the logged-in PVE user, to a new VMID, and wait for PVE's task to end. */
async function restoreVm101(
  page: Page,
  advance: (seconds: number) => Promise<void>,
  pve: Parameters<typeof pveLogin>[1],
  at = '',
) {
  const detail = await openVm101(page, at);
  await detail.getByRole('link', { name: 'Restore…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Restore VM 101 from / });
  await pveLogin(dialog, pve);
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(dialog.getByText('Restoring…')).toBeVisible();
  await advance(3600);
  await expect(dialog.getByText('Restore finished: OK')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
}

/** Download VM 101's guest configuration (a whole file) from its newest snapshot. */
async function downloadConfig(page: Page, at = '') {
  const detail = await openVm101(page, at);
  await detail.getByRole('link', { name: 'Download qemu-server.conf.blob' }).click();
  const section = page.getByRole('region', { name: 'Download whole files' });
  const saved = page.waitForEvent('download');
  await section.getByRole('button', { name: 'Download qemu-server.conf.blob' }).click();
  expect((await saved).suggestedFilename()).toBe('vm-101-qemu-server.conf');
}

async function logOut(page: Page, user: string) {
  await page.getByRole('button', { name: `User menu, logged in as ${user}` }).click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await expect(page.getByLabel('User name')).toBeVisible();
}

test('on the deck: a TOTP login, a Proxmox VE login, a restore, a download and a logout leave no credential', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const deck = await startDeck(root, { SIM_SEED: '7' });
  try {
    const sim = async (path: string, body: unknown) =>
      (await (
        await fetch(`${deck.url}/__sim/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json()) as { now: number };
    await sim('reset', { seed: 7, profile: 'demo', startTime: testStartTime() });
    const admin = await rootApi(deck.url);
    await admin.call('PUT', '/access/users/totp@pbs', { password: PBS_PASSWORD });

    await saveThroughLinks(page);
    const seen = watchPage(page);
    const tickets = watchTickets(page);
    await logIn(page, 'totp@pbs', PBS_PASSWORD, `${deck.url}/`);
    const pbsCode = await pbsTotp(page);

    // The search sees a ticket where one is: while logged in, PBS's cookie holds it (as PBS's own UI keeps it).
    expect(findCredentials(await browserStores(page), [])).toEqual([
      expect.stringMatching(/^document\.cookie: a ticket/),
    ]);

    // PVE checks the code against the simulator's clock
    const { now } = await sim('clock', {});
    const pveCode = totp(PVE_TOTP_SECRET, now * 1000);
    await restoreVm101(page, (s) => sim('clock', { advance: s }).then(() => {}), { totp: pveCode }, deck.url);
    await downloadConfig(page, deck.url);
    await logOut(page, 'totp@pbs');

    expect(tickets.length, 'the login handed the page a half ticket, then a full one').toBeGreaterThanOrEqual(2);
    const credentials: Credential[] = [
      { name: "totp@pbs's password", value: PBS_PASSWORD },
      { name: 'the PBS TOTP code', value: pbsCode, whole: true },
      { name: 'the PVE TOTP code', value: pveCode, whole: true },
      { name: "root@pam's ticket (taken outside the browser)", value: admin.ticket },
      ...tickets.map((value, i) => ({ name: `PBS ticket #${i + 1}`, value })),
    ];
    const found = findCredentials(await placesToSearch(page, seen, { 'deck output': deck.output() }), credentials);
    expect(found).toEqual([]);
  } finally {
    await stopDeck(deck.proc);
  }
});

test('on a deck in front of a PBS: its embed token and a TOTP login leave nothing behind', async ({ page }) => {
  test.setTimeout(180_000);
  // "the real PBS" here is a simulator deck; the deck under test reaches it through PBS_URL, with a token made for it
  const pbs = await startDeck(root, { SIM_SEED: '7' });
  let deck: Awaited<ReturnType<typeof startDeck>> | null = null;
  try {
    const admin = await rootApi(pbs.url);
    await admin.call('PUT', '/access/users/totp@pbs', { password: PBS_PASSWORD });
    const token = (await admin.call('POST', '/access/users/root@pam/token/deck-embed')) as {
      tokenid: string;
      value: string;
    };
    await admin.call('PUT', '/access/acl', { path: '/', role: 'Audit', 'auth-id': token.tokenid });
    deck = await startDeck(root, { PBS_URL: pbs.url, EMBED_TOKEN: `${token.tokenid}:${token.value}` });

    await saveThroughLinks(page);
    const seen = watchPage(page);
    const tickets = watchTickets(page);
    // what the token serves: the embed views and the badges
    await page.goto(`${deck.url}/embed/overview`);
    await expect(page.getByRole('region', { name: /^Datastore / }).first()).toBeVisible();
    const badge = await page.request.get(`${deck.url}/badge/overview.svg`);
    expect(badge.status()).toBe(200);

    await logIn(page, 'totp@pbs', PBS_PASSWORD, `${deck.url}/`);
    const pbsCode = await pbsTotp(page);
    await downloadConfig(page, deck.url);
    await logOut(page, 'totp@pbs');

    const found = findCredentials(
      await placesToSearch(page, seen, { 'deck output': deck.output(), badge: await badge.text() }),
      [
        { name: 'the embed token secret', value: token.value },
        { name: "totp@pbs's password", value: PBS_PASSWORD },
        { name: 'the PBS TOTP code', value: pbsCode, whole: true },
        ...tickets.map((value, i) => ({ name: `PBS ticket #${i + 1}`, value })),
      ],
    );
    expect(found).toEqual([]);
  } finally {
    if (deck) await stopDeck(deck.proc);
    await stopDeck(pbs.proc);
  }
});

test('in the static demo: the same steps leave no credential, and the replay log keeps none', async ({ page }) => {
  // the page builds its simulator (60 days of history) at each load: about 30 s on a 2-core machine
  test.setTimeout(240_000);
  const site = await serveStatic(dist);
  try {
    const start = new Date(testStartTime() * 1000).toISOString();
    await saveThroughLinks(page);
    const seen = watchPage(page);
    const tickets = watchTickets(page);
    await logIn(page, 'root@pam', 'demo', `${site.url}/?start=${start}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    // root sets totp@pbs's password in the demo's PBS: a write the demo must not record
    const set = await page.evaluate(async (password) => {
      const { csrfToken } = JSON.parse(sessionStorage.getItem('pbs-deck.session') ?? '{}') as { csrfToken?: string };
      const r = await fetch('/api2/json/access/users/totp@pbs', {
        method: 'PUT',
        headers: { 'content-type': 'application/x-www-form-urlencoded', CSRFPreventionToken: csrfToken ?? '' },
        body: new URLSearchParams({ password }),
      });
      return r.status;
    }, PBS_PASSWORD);
    expect(set).toBe(200);
    await logOut(page, 'root@pam');

    // on the login page the logout left: a reload would rebuild the demo's PBS without that password (the demo
    // keeps no user change across a reload, as it records none)
    await page.getByLabel('User name').fill('totp');
    await page.getByLabel('Realm').selectOption('pbs');
    await page.getByLabel('Password').fill(PBS_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    const pbsCode = await pbsTotp(page);
    const advance = async (seconds: number) => {
      const status = await page.evaluate(
        (s) =>
          fetch('/__sim/clock', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ advance: s }),
          }).then((r) => r.status),
        seconds,
      );
      expect(status).toBe(200);
    };
    const pveKey = PVE_RECOVERY_KEYS[2]!;
    await restoreVm101(page, advance, { key: pveKey }, site.url);
    await downloadConfig(page, site.url);
    // the demo remembers its changes across a reload (the restore is one): the log must hold no credential
    const stores = await browserStores(page);
    expect(stores.localStorage, 'the restore was recorded for replay').toMatch(/qemu/);
    await logOut(page, 'totp@pbs');

    const found = findCredentials(await placesToSearch(page, seen), [
      { name: "totp@pbs's password", value: PBS_PASSWORD },
      { name: 'the PBS TOTP code', value: pbsCode, whole: true },
      { name: 'the PVE recovery key', value: pveKey },
      ...tickets.map((value, i) => ({ name: `PBS ticket #${i + 1}`, value })),
    ]);
    expect(found).toEqual([]);
    expect(tickets.length, 'the demo handed the page tickets as PBS does').toBeGreaterThanOrEqual(3);
  } finally {
    await site.close();
  }
});
