import { test, expect, expectAccessible, logIn } from './fixtures';
import { totp } from './totp';

test('an admin logs in with a password and lands on the dashboard', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'PBS Deck' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  // The simulator offers demo logins on the login page.
  await expect(page.getByText('root@pam')).toBeVisible();
  await expectAccessible(page);

  await logIn(page, 'root@pam');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expectAccessible(page);
});

test('a wrong password is refused in place and the form keeps the user name', async ({ page }) => {
  await logIn(page, 'root@pam', 'not-the-password');
  await expect(page.getByRole('alert')).toContainText(/login failed/i);
  await expect(page.getByLabel('User name')).toHaveValue('root');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toHaveCount(0);
});

test('a user with TOTP needs the second factor, and a wrong code is refused', async ({ page }) => {
  await logIn(page, 'totp@pbs');
  const code = page.getByLabel('TOTP code');
  await expect(code).toBeVisible();
  await expectAccessible(page);

  await code.fill('000000' === totp('JBSWY3DPEHPK3PXP') ? '111111' : '000000');
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toHaveCount(0);

  await code.fill(totp('JBSWY3DPEHPK3PXP'));
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
});
