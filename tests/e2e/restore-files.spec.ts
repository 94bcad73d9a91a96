import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, logIn } from './fixtures';

const b64 = (path: string) => Buffer.from(path, 'utf8').toString('base64');

/** The bytes the simulator holds for a file of the archive, read through PBS's API with the page's session. */
async function fileViaApi(page: Page, snapshot: URLSearchParams, path: string): Promise<Buffer> {
  const q = new URLSearchParams({
    'backup-type': snapshot.get('type')!,
    'backup-id': snapshot.get('id')!,
    'backup-time': snapshot.get('time')!,
    filepath: b64(path),
  });
  const res = await page.request.get(`/api2/json/admin/datastore/store1/pxar-file-download?${q.toString()}`);
  expect(res.ok()).toBe(true);
  return res.body();
}

test('restore files: find a file deep down, download it with a folder as one zip, a folder as tar.zst', async ({
  page,
}) => {
  test.setTimeout(240_000);
  // Chromium would ask where to save through its own dialog; without the picker the page saves through a link.
  await page.addInitScript(() => {
    delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
  await logIn(page, 'root@pam');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  // From the content view: a container's newest snapshot, then "Browse" on its file archive.
  await page.goto('/datastores/store1/content');
  const grid = page.getByRole('treegrid', { name: 'Backups in store1' });
  const group = grid.getByRole('row').filter({ hasText: 'ct/110' });
  await group.click();
  await grid.locator('[role="row"][aria-level="2"]').first().click();
  await page.getByRole('link', { name: 'Browse root.pxar.didx' }).click();
  await expect(page).toHaveURL(/\/datastores\/store1\/browse\?.*archive=root\.pxar\.didx/);
  const snapshot = new URL(page.url()).searchParams;
  await expect(page.getByRole('grid', { name: 'Contents of root' })).toBeVisible();
  await expect(page.getByRole('treegrid', { name: 'Directories of root.pxar.didx' })).toBeVisible();
  await expectAccessible(page);

  // A file three folders down, by name: the search reads the deeper folders in the background.
  await page.getByRole('searchbox', { name: 'Search files by name' }).fill('debian.sources');
  const results = page.getByRole('grid', { name: 'Files named like “debian.sources”' });
  const hit = results.getByRole('row').filter({ hasText: '/etc/apt/sources.list.d' });
  await expect(hit).toBeVisible();
  await expectAccessible(page);
  // the visible box is the checkbox's label; the input itself is visually hidden
  await hit.locator('label').click();
  await expect(hit.getByRole('checkbox')).toBeChecked();

  // And a folder, with the keyboard: into etc, then Space on ssh.
  await page.getByRole('searchbox', { name: 'Search files by name' }).fill('');
  await page.getByRole('grid', { name: 'Contents of root' }).getByRole('button', { name: 'etc', exact: true }).click();
  const etc = page.getByRole('grid', { name: 'Contents of etc' });
  await etc.getByRole('row', { name: /^ssh/ }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('toolbar', { name: 'Download' })).toContainText('2 items selected');

  const zipped = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download 2 items as zip' }).click();
  const zip = await zipped;
  expect(zip.suggestedFilename()).toBe('ct-110-etc-selection.zip');
  const zipPath = await zip.path();
  const names = execFileSync('unzip', ['-Z1', zipPath], { encoding: 'utf8' }).trim().split('\n');
  expect(names).toEqual(
    expect.arrayContaining(['apt/sources.list.d/debian.sources', 'ssh/', 'ssh/sshd_config', 'ssh/ssh_config']),
  );
  for (const [name, path] of [
    ['apt/sources.list.d/debian.sources', '/root.pxar.didx/etc/apt/sources.list.d/debian.sources'],
    ['ssh/sshd_config', '/root.pxar.didx/etc/ssh/sshd_config'],
  ] as const) {
    const inZip = execFileSync('unzip', ['-p', zipPath, name]);
    expect(inZip.equals(await fileViaApi(page, snapshot, path)), `${name} holds what the server holds`).toBe(true);
  }
  await expect(
    page.getByRole('region', { name: 'Downloads' }).getByRole('listitem', { name: 'ct-110-etc-selection.zip' }),
  ).toContainText('Saved');
  await expectAccessible(page);

  // One folder, packed by PBS as tar.zst.
  await page.getByRole('button', { name: 'Clear selection' }).click();
  await etc.getByRole('row', { name: /^ssh/ }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('toolbar', { name: 'Download' })).toContainText('ssh:');
  const tarred = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download as tar.zst' }).click();
  const tar = await tarred;
  expect(tar.suggestedFilename()).toBe('ct-110-ssh.tar.zst');
  const listing = execFileSync('tar', ['--zstd', '-tf', await tar.path()], { encoding: 'utf8' });
  expect(listing.split('\n')).toEqual(expect.arrayContaining(['ssh/sshd_config', 'ssh/ssh_config']));
});

test('an encrypted archive is refused with the reason; a VM offers its disks whole', async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page, 'root@pam');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.goto('/datastores/store1/content?ns=prod%2Fdb');
  const grid = page.getByRole('treegrid');
  await grid.getByRole('row').filter({ hasText: 'ct/310' }).click();
  await grid.locator('[role="row"][aria-level="2"]').first().click();
  await page.getByRole('link', { name: 'Browse root.pxar.didx' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'root.pxar.didx is encrypted' });
  await expect(refusal).toContainText('the server never holds the key, so it cannot decode the archive');
  await expect(refusal).toContainText('proxmox-backup-client restore ct/310/');
  await expect(page.getByRole('grid')).toHaveCount(0);
  await expectAccessible(page);

  await page.goto('/datastores/store1/content?ns=prod%2Fdb');
  await grid.getByRole('row').filter({ hasText: 'vm/300' }).click();
  await grid.locator('[role="row"][aria-level="2"]').first().click();
  await page.getByRole('link', { name: 'Download drive-scsi0.img.fidx' }).click();
  const files = page.getByRole('region', { name: 'Download whole files' });
  await expect(files).toContainText('File-level restore of a VM disk happens in Proxmox VE');
  const disk = files.getByRole('listitem').filter({ hasText: 'drive-scsi0.img.fidx' });
  await expect(disk).toContainText('Encrypted: only the key holder can restore it, with proxmox-backup-client');
  await expect(disk.getByRole('button')).toHaveCount(0);
  await expectAccessible(page);
});
