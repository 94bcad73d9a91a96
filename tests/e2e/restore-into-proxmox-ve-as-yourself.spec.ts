import { fileURLToPath } from 'node:url';
import type { ChildProcess } from 'node:child_process';
import type { Page } from '@playwright/test';
import { startDeck, stopDeck } from '../../scripts/deck-process.mjs';
import { testStartTime } from '../../src/mocks/sim/test-start';
import { test, expect, expectAccessible, logIn, addPbsUser } from './fixtures';

// A PBS right to read a backup is not a right to write a guest in Proxmox VE. A DatastoreReader with no PVE login of
// their own reads nothing of PVE and restores nothing, whether the deck signs each user in to PVE (user mode, the
// default) or restores with its own API token for listed PBS users only (token mode).

const root = fileURLToPath(new URL('../..', import.meta.url));

const addReader = (url: string) =>
  addPbsUser(url, 'reader@pbs', 'reader-pass', [['/datastore/store1', 'DatastoreReader']]);

/** Every /pve-api/ path the page asks for, as `METHOD /path`. */
function watchPve(page: Page) {
  const seen: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/pve-api/')) seen.push(`${r.method()} ${url.pathname}`);
  });
  return seen;
}

async function openRestore(page: Page, at = '') {
  await page.goto(`${at}/datastores/store1/content`);
  const grid = page.getByRole('treegrid', { name: 'Backups in store1' });
  const group = grid.getByRole('row').filter({ hasText: 'vm/101' }).and(grid.locator('[aria-level="1"]'));
  await group.click();
  await grid.locator('[role="row"][aria-level="2"]').first().click();
  await page.getByRole('link', { name: 'Restore…' }).click();
  return page.getByRole('dialog', { name: /^Restore VM 101 from / });
}

/** What the page itself could send to the deck: an inventory read and a restore over VM 101. */
async function tryDirectly(page: Page) {
  return page.evaluate(async () => {
    const stored = JSON.parse(sessionStorage.getItem('pbs-deck.session') ?? '{}') as { csrfToken?: string };
    const csrf = stored.csrfToken ?? '';
    const read = await fetch('/pve-api/api2/json/cluster/resources?type=vm');
    const write = await fetch('/pve-api/api2/json/nodes/pve1/qemu', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', CSRFPreventionToken: csrf },
      body: 'vmid=101&force=1&archive=pbs-store1%3Abackup%2Fvm%2F101%2F2026-01-01T00%3A00%3A00Z',
    });
    return { read: [read.status, await read.text()], write: [write.status, await write.text()] };
  });
}

test('user mode: a DatastoreReader without a Proxmox VE login is asked for one, and reads and restores nothing', async ({
  page,
  deck,
}) => {
  test.setTimeout(120_000);
  await addReader(deck.url);
  const asked = watchPve(page);
  await logIn(page, 'reader@pbs', 'reader-pass');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  const dialog = await openRestore(page);
  await expect(dialog.getByRole('heading', { name: 'Log in to Proxmox VE' })).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Realm' })).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Target VMID' })).toBeHidden();
  await expect(dialog.getByRole('button', { name: 'Restore', exact: true })).toBeHidden();
  await expectAccessible(page);
  // only who the deck sees in PVE, and PVE's realms for the login box
  expect(new Set(asked)).toEqual(new Set(['GET /pve-api/deck/session', 'GET /pve-api/api2/json/access/domains']));

  const direct = await tryDirectly(page);
  expect(direct.read[0]).toBe(401);
  expect(direct.write[0]).toBe(401);
  expect(direct.read[1]).toMatch(/log in to Proxmox VE/i);
});

test.describe('token mode', () => {
  let tokenDeck: { url: string; proc: ChildProcess };

  test.beforeAll(async () => {
    // the deck's token serves root@pam alone, and may write only to local-lvm
    tokenDeck = await startDeck(root, {
      SIM_SEED: '7',
      PVE_MODE: 'token',
      PVE_TOKEN_USERS: 'root@pam',
      PVE_TARGET_STORAGES: 'local-lvm',
    });
    const reset = await fetch(`${tokenDeck.url}/__sim/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ seed: 7, profile: 'demo', startTime: testStartTime() }),
    });
    expect(reset.status).toBe(200);
    await addReader(tokenDeck.url);
  });

  test.afterAll(async () => {
    if (tokenDeck) await stopDeck(tokenDeck.proc);
  });

  test('a DatastoreReader the token does not serve is told why, and reads and restores nothing', async ({ page }) => {
    test.setTimeout(120_000);
    const asked = watchPve(page);
    await logIn(page, 'reader@pbs', 'reader-pass', `${tokenDeck.url}/`);
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    const dialog = await openRestore(page, tokenDeck.url);
    await expect(dialog.getByText('This deck does not restore to Proxmox VE for you')).toBeVisible();
    await expect(dialog).toContainText('reader@pbs is not in PVE_TOKEN_USERS');
    await expect(dialog.getByRole('heading', { name: 'Log in to Proxmox VE' })).toBeHidden();
    // what is left is the command line, to run as root on a node, and no Restore button
    await expect(dialog.getByTestId('restore-command')).toHaveText(/^qmrestore pbs-store1:backup\/vm\/101\/\S+Z 101$/);
    await expect(dialog.getByRole('button', { name: 'Restore', exact: true })).toBeHidden();
    await expectAccessible(page);
    expect(new Set(asked)).toEqual(new Set(['GET /pve-api/deck/session']));

    const direct = await tryDirectly(page);
    expect(direct.read).toEqual([403, expect.stringContaining('reader@pbs is not in PVE_TOKEN_USERS')]);
    expect(direct.write).toEqual([403, expect.stringContaining('reader@pbs is not in PVE_TOKEN_USERS')]);
  });

  test('root@pam, whom the token serves, sees Proxmox VE at once and is refused an overwrite naming the setting', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await logIn(page, 'root@pam', 'demo', `${tokenDeck.url}/`);
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    const dialog = await openRestore(page, tokenDeck.url);
    await expect(dialog.getByRole('heading', { name: 'Log in to Proxmox VE' })).toBeHidden();
    await expect(dialog.getByRole('textbox', { name: 'Target VMID' })).toHaveValue(/^\d+$/);
    const direct = await tryDirectly(page);
    expect(direct.write[0]).toBe(403);
    expect(direct.write[1]).toContain('PVE_ALLOW_OVERWRITE');
  });
});
