import { test, expect, expectAccessible, logIn } from './fixtures';

const rows = (page: import('@playwright/test').Page) => page.getByRole('treegrid').getByRole('row');

test('browse a datastore: switch namespace, find a guest by name, open its snapshots and one snapshot', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await logIn(page, 'root@pam');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.goto('/datastores/store1');
  await page.getByRole('navigation', { name: 'Datastore store1' }).getByRole('link', { name: 'Content' }).click();

  const tree = page.getByRole('treegrid', { name: 'Backups in store1' });
  await expect(tree).toBeVisible();
  await expect(rows(page).filter({ hasText: 'vm/100' })).toHaveAttribute('aria-level', '1');
  await expectAccessible(page);

  // Another namespace, through the switcher; it lands in the URL.
  await page.getByRole('combobox', { name: 'Namespace', exact: true }).selectOption('prod');
  await expect(page).toHaveURL(/[?&]ns=prod(&|$)/);
  await expect(page.getByRole('treegrid', { name: 'Backups in store1 / prod' })).toBeVisible();
  await expect(rows(page).filter({ hasText: 'erp-app' })).toBeVisible();
  await expectAccessible(page);

  // A guest by its name, in a namespace below this one, typed key by key: no key is lost while the URL follows.
  const search = page.getByRole('searchbox');
  await search.pressSequentially('pg-replica', { delay: 40 });
  await expect(search).toHaveValue('pg-replica');
  const group = rows(page).filter({ hasText: 'vm/301' });
  await expect(group).toHaveAttribute('aria-level', '2');
  await expect(group.locator('mark')).toHaveText('pg-replica');
  await expect(rows(page).filter({ hasText: 'vm/200' })).toHaveCount(0);
  await expect(page).toHaveURL(/[?&]q=pg-replica/);
  await expectAccessible(page);

  // Its snapshots, then the newest one's detail.
  await group.click();
  await expect(group).toHaveAttribute('aria-expanded', 'true');
  const snapshots = page.getByRole('treegrid').locator('[role="row"][aria-level="3"]');
  await expect(snapshots.first()).toBeVisible();
  await expect(snapshots.first()).toContainText('Encrypted');
  await snapshots.first().click();
  const detail = page.getByRole('region', { name: /^Snapshot ns\/prod\/ns\/db\/vm\/301\// });
  await expect(detail).toBeVisible();
  await expect(detail.getByText(/^store1:backup\/vm\/301\/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)).toBeVisible();
  await expect(detail.getByText('Signed by the client key')).toBeVisible();
  await expect(detail.getByRole('button', { name: 'Copy Proxmox VE volume id' })).toBeVisible();
  await expectAccessible(page);

  // The keyboard alone: from the group down into its snapshots, select one, open it, back up and close.
  await group.focus();
  await page.keyboard.press('ArrowDown');
  const second = snapshots.nth(0);
  await expect(second).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(snapshots.nth(1)).toBeFocused();
  await page.keyboard.press('Space');
  await expect(snapshots.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Selected snapshots' })).toContainText('1 snapshot selected');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]detail=/);
  await page.keyboard.press('ArrowLeft');
  await expect(group).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(group).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Home');
  await expect(page.getByRole('treegrid').locator('[role="row"][aria-level]').first()).toBeFocused();
  await expectAccessible(page);
});

test('the content view works on a phone and in the dark', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await logIn(page, 'root@pam');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.goto('/datastores/store1/content');
  const group = rows(page).filter({ hasText: 'vm/101' });
  await expect(group).toBeVisible();
  await group.click();
  await expect(page.getByRole('treegrid').locator('[role="row"][aria-level="2"]').first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expectAccessible(page);
});

test('a datastore that does not exist says so', async ({ page }) => {
  await logIn(page, 'root@pam');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.goto('/datastores/nosuch/content');
  await expect(page.getByRole('alert')).toContainText('Datastore nosuch does not exist');
  await expectAccessible(page);
});
