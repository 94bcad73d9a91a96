import { test, expect, expectAccessible, logIn } from './fixtures';

test('find the guest whose backups stopped and open its group', async ({ page }) => {
  await logIn(page, 'root@pam');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.goto('/guests');
  await expect(page.getByRole('heading', { level: 1, name: 'Guests' })).toBeVisible();
  const table = page.getByRole('table');
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(41);
  // stale guests come first
  await expect(rows.nth(1).getByText('Stale')).toBeVisible();
  await expectAccessible(page);

  // fileserver's offsite backups stopped some days ago, while its main ones go on
  await page.getByRole('searchbox', { name: 'Search by name or id' }).fill('fileserver');
  await expect(rows).toHaveCount(3);
  const row = rows.nth(1);
  await expect(row.getByText('Stale')).toBeVisible();
  await expect(row).toContainText('offsite');
  await expect(row).toContainText(/\d days ago/);
  await expect(rows.nth(2).getByText('Fresh')).toBeVisible();
  await expect(page).toHaveURL(/[?&]q=fileserver/);
  await expectAccessible(page);

  await row.getByRole('link', { name: 'fileserver' }).click();
  await expect(page).toHaveURL(/\/datastores\/offsite\/content\?q=201/);
  await expect(page.getByRole('treegrid').getByRole('row').filter({ hasText: 'vm/201' })).toBeVisible();
  await expectAccessible(page);
});

test('the guests page on a phone and in the dark', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await logIn(page, 'root@pam');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.goto('/guests');
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(41);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expectAccessible(page);
});
