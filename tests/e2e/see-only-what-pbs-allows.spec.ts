import { readFileSync } from 'node:fs';
import type { Locator } from '@playwright/test';
import { test, expect, expectAccessible, logIn, addPbsUser, type Deck } from './fixtures';

// Users made the way an administrator makes them: through PBS's API as root@pam (users, then ACL entries).
const addUser = (deck: Deck, userid: string, acl: [path: string, role: string][]) =>
  addPbsUser(deck.url, userid, 'reader-pass', acl);

/** Not offered: the control is absent, or present but disabled. */
async function expectNotOffered(control: Locator) {
  const n = await control.count();
  for (let i = 0; i < n; i++) await expect(control.nth(i)).toBeDisabled();
}

test('a DatastoreReader browses store1 and downloads a file, but is offered no forget and no GC', async ({
  page,
  deck,
}) => {
  test.setTimeout(180_000);
  await addUser(deck, 'reader@pbs', [['/datastore/store1', 'DatastoreReader']]);
  // Chromium would ask where to save through its own dialog; without the picker the page saves through a link.
  await page.addInitScript(() => {
    delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
  await logIn(page, 'reader@pbs', 'reader-pass');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  // The summary: no garbage collection to start, and no schedule to edit.
  await page.goto('/datastores/store1');
  await expect(page.getByRole('heading', { level: 1, name: /store1/ })).toBeVisible();
  await expect(page.getByTestId('chart').first()).toBeVisible();
  await expectNotOffered(page.getByRole('button', { name: /start garbage collection/i }));
  await expectNotOffered(page.getByRole('button', { name: /edit.*schedule/i }));

  // The content: the groups are listed, a snapshot opens, nothing in it can be forgotten.
  await page.goto('/datastores/store1/content');
  const grid = page.getByRole('treegrid', { name: 'Backups in store1' });
  const group = grid.getByRole('row').filter({ hasText: 'ct/110' });
  await group.click();
  const snapshot = grid.locator('[role="row"][aria-level="2"]').first();
  await expect(snapshot).toBeVisible();
  // DatastoreReader holds Datastore.Verify, so the snapshot's menu offers a verify; forget, protect and notes are
  // there but disabled, each with what it needs.
  await snapshot.getByRole('button', { name: /^Actions for snapshot ct\/110\// }).click();
  await expect(page.getByRole('menuitem', { name: 'Verify now' })).toBeEnabled();
  for (const [item, needs] of [
    ['Forget…', 'Datastore.Prune'],
    ['Protect', 'Datastore.Backup'],
    ['Edit notes', 'Datastore.Backup'],
  ] as const) {
    const entry = page.getByRole('menuitem', { name: item });
    await expect(entry).toBeDisabled();
    await expect(entry).toHaveAccessibleDescription(
      `Needs Datastore.Modify on /datastore/store1, or ${needs} there and ownership of the group`,
    );
  }
  await page.keyboard.press('Escape');
  await snapshot.click();
  await expectNotOffered(page.getByRole('button', { name: /^Forget/ }));
  // PBS's DatastoreReader may restore (Datastore.Read is what PBS asks for reading a snapshot), so restoring into
  // Proxmox VE is offered; whether Proxmox VE lets this user write the guest is Proxmox VE's own check.
  await expect(page.getByRole('link', { name: 'Restore…' })).toBeVisible();
  await expectAccessible(page);

  // Browsing and downloading one file is reading, which the role grants.
  await page.getByRole('link', { name: 'Browse root.pxar.didx' }).click();
  await expect(page.getByRole('grid', { name: 'Contents of root' })).toBeVisible();
  await page.getByRole('grid', { name: 'Contents of root' }).getByRole('button', { name: 'etc', exact: true }).click();
  const etc = page.getByRole('grid', { name: 'Contents of etc' });
  await etc.getByRole('row', { name: /^hostname/ }).focus();
  await page.keyboard.press('Space');
  const download = page.waitForEvent('download');
  await page.getByRole('toolbar', { name: 'Download' }).getByRole('button', { name: 'Download', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('ct-110-hostname.txt');
  expect(readFileSync(await file.path(), 'utf8')).toBe('svc110\n');
  await expectAccessible(page);
});

test('a namespace under NoAccess shows why instead of its content, while its parent stays open', async ({
  page,
  deck,
}) => {
  test.setTimeout(120_000);
  await addUser(deck, 'nested@pbs', [
    ['/datastore/store1', 'DatastoreAdmin'],
    ['/datastore/store1/lab', 'NoAccess'],
  ]);
  await logIn(page, 'nested@pbs', 'reader-pass');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  await page.goto('/datastores/store1/content?ns=lab');
  await expect(page.getByText('No access to this namespace')).toBeVisible();
  await expect(page.getByText(/You hold no privilege on \/datastore\/store1\/lab/)).toBeVisible();
  await expect(page.getByRole('treegrid')).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Back to the parent namespace' }).click();
  const grid = page.getByRole('treegrid', { name: 'Backups in store1' });
  await expect(grid.getByRole('row').filter({ hasText: 'vm/100' })).toBeVisible();
  await expect(grid.getByRole('button', { name: 'Actions for group vm/100' })).toBeVisible();
});
