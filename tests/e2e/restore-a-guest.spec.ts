import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, logIn } from './fixtures';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const tree = (page: Page) => page.getByRole('treegrid');

async function openRestore(page: Page) {
  await page.goto('/datastores/store1/content');
  await page.getByRole('searchbox').fill('web01');
  const group = tree(page).getByRole('row').filter({ hasText: 'vm/101' }).and(tree(page).locator('[aria-level="1"]'));
  await expect(group).toBeVisible();
  if ((await group.getAttribute('aria-expanded')) !== 'true') await group.click();
  const snapshot = tree(page).locator('[role="row"][aria-level="2"]').first();
  await snapshot.click();
  const detail = page.getByRole('region', { name: /^Snapshot vm\/101\// });
  await detail.getByRole('link', { name: 'Restore…' }).click();
  await expect(page).toHaveURL(/\/datastores\/store1\/restore\?type=vm&id=101&time=\d+$/);
  return page.getByRole('dialog', { name: /^Restore VM 101 from \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/ });
}

test('restore a VM snapshot through Proxmox VE, follow its task, meet a VMID in use, copy the command', async ({
  page,
  deck,
}) => {
  test.setTimeout(180_000);
  await logIn(page, 'root@pam');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  // The deck restores as the user's own Proxmox VE login: it asks for one first, in the dialog.
  let dialog = await openRestore(page);
  await expect(dialog.getByRole('heading', { name: 'Log in to Proxmox VE' })).toBeVisible();
  await dialog.getByRole('textbox', { name: 'User name' }).fill('root@pam');
  await dialog.getByLabel('Password').fill('demo');
  await dialog.getByRole('button', { name: 'Log in to Proxmox VE' }).click();
  await expect(dialog.getByText(/^Proxmox VE:/)).toHaveText('Proxmox VE: root@pam');

  // The next free VMID is offered, and the command line says what the dialog will do.
  await expect(dialog.getByRole('textbox', { name: 'Target VMID' })).toHaveValue('106');
  const command = dialog.getByTestId('restore-command');
  await expect(command).toHaveText(/^qmrestore pbs-store1:backup\/vm\/101\/\S+Z 106$/);
  await dialog.getByRole('checkbox', { name: 'Unique: new random MAC addresses' }).check();
  await expect(command).toHaveText(/ 106 --unique 1$/);
  await expectAccessible(page);

  await dialog.getByRole('button', { name: 'Copy restore command' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await command.textContent());

  // Restore, and follow PVE's task to its end.
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(dialog.getByText('Restoring…')).toBeVisible();
  await deck.sim('clock', { advance: 3600 });
  await expect(dialog.getByText('Restore finished: OK')).toBeVisible();
  const log = dialog.getByRole('region', { name: 'Restore task log' });
  await expect(log).toContainText("new volume ID is 'local-lvm:vm-106-disk-0'");
  await expect(log).toContainText('TASK OK');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page).toHaveURL(/\/datastores\/store1\/content/);

  // The original VMID is in use: PVE refuses, in its own words, right in the dialog. The PVE login is kept.
  dialog = await openRestore(page);
  await expect(dialog.getByText(/^Proxmox VE:/)).toHaveText('Proxmox VE: root@pam');
  await expect(dialog.getByRole('textbox', { name: 'Target VMID' })).toHaveValue('107');
  await dialog.getByRole('button', { name: 'Original (101)' }).click();
  await expect(dialog.getByText(/^In use by VM /)).toBeVisible();
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  const refusal = dialog.getByRole('alert');
  await expect(refusal).toContainText('Proxmox VE refused the restore');
  await expect(refusal).toContainText("unable to restore VM 101 - VM 101 already exists on node 'pve2'");
  await expectAccessible(page);
});
