import { test, expect, expectAccessible, logIn } from './fixtures';

test('the audit user sees every datastore but no action that changes PBS', async ({ page }) => {
  await logIn(page, 'audit@pbs');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Datastore store1' })).toBeVisible();

  await page.goto('/datastores/store1');
  await expect(page.getByRole('heading', { level: 1, name: /store1/ })).toBeVisible();
  await expect(page.getByTestId('chart').first()).toBeVisible();
  await expect(page.getByRole('button', { name: /garbage collection/i })).toHaveCount(0);
  await expectAccessible(page);

  // The server refuses it too, as PBS does.
  const res = await page.request.post('/api2/json/admin/datastore/store1/gc', {
    headers: {
      CSRFPreventionToken: await page.evaluate(
        () =>
          (JSON.parse(sessionStorage.getItem('pbs-deck.session') ?? '{}') as { csrfToken?: string }).csrfToken ?? '',
      ),
    },
  });
  expect(res.status()).toBe(403);
  expect(await res.text()).toMatch(/^permission check failed/);
});
