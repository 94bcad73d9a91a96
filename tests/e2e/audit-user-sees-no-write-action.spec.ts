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

test("the audit user's space view names what counting needs: PBS refuses it the index files", async ({ page }) => {
  await logIn(page, 'audit@pbs');
  const downloads: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.endsWith('/download')) downloads.push(r.url());
  });
  await page.goto('/datastores/store1/space');
  // the account runs in a Web Worker; the refusal comes back with the privilege and the path
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('You may not count this datastore');
  await expect(alert).toContainText(
    'Reading the index files needs Datastore.Read on /datastore/store1, or Datastore.Backup there and ownership of the group.',
  );
  expect(downloads).toHaveLength(1);
  await expect(page.getByRole('table', { name: /^Groups/ })).toHaveCount(0);
});
