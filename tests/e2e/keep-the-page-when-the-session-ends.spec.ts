import { test, expect, logIn } from './fixtures';

test('when PBS stops accepting the ticket, the user logs in again over the same page', async ({ page, deck }) => {
  await logIn(page, 'root@pam');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.goto('/datastores/store1');
  await expect(page.getByRole('heading', { level: 1, name: /store1/ })).toBeVisible();
  await expect(page.getByTestId('chart').first()).toBeVisible();

  // PBS stops accepting the ticket this page holds, as when its lifetime runs out.
  await deck.sim('expire-tickets', {});
  await page.getByLabel('Timeframe').selectOption('week');

  const dialog = page.getByRole('alertdialog', { name: /session has ended/i });
  await expect(dialog).toBeVisible({ timeout: 15_000 });
  // The page is still there below the dialog, on the same address, with the choice just made.
  await expect(page).toHaveURL(/\/datastores\/store1/);
  await expect(page.getByLabel('Timeframe')).toHaveValue('week');

  await dialog.getByLabel('Password').fill('demo');
  await dialog.getByRole('button', { name: 'Log in' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: /store1/ })).toBeVisible();
  await expect(page.getByLabel('Timeframe')).toHaveValue('week');
  await expect(page.getByTestId('chart').first()).toBeVisible();
});
