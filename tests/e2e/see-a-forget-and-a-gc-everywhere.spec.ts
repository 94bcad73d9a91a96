import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, logIn, quietNoon } from './fixtures';

// What one view changes, every other view shows at once: no reload, within 5 s of the change finishing.
const SOON = { timeout: 5_000 };

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const tree = (page: Page) => page.getByRole('treegrid');
const snapshotRows = (page: Page) => tree(page).locator('[role="row"][aria-level="2"]');
const storeCard = (page: Page) => page.getByRole('region', { name: 'Datastore store1' });
const guestRow = (page: Page) =>
  page.getByRole('table').getByRole('row').filter({ hasText: 'pve-gw' }).filter({ hasText: 'store1' });
const snapshotsCell = (page: Page) => guestRow(page).getByRole('cell').nth(7);

async function previewOfVm100(page: Page) {
  await nav(page).getByRole('link', { name: 'store1' }).click();
  const preview = page.getByRole('region', { name: 'Prune preview' });
  await preview.getByLabel(/^Group/).selectOption('vm/100');
  return preview.getByRole('status').first();
}

test('a forgotten snapshot and a finished GC show in the guests view, the dashboard and the datastore page without a reload', async ({
  page,
  deck,
}) => {
  test.setTimeout(180_000);
  await quietNoon(deck);
  await logIn(page, 'root@pam');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  // set once; a reload would lose it
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  // Before: what the seed gives store1 and pve-gw (vm/100) on Thursday 3 December 2026, 11:00 UTC.
  await expect(storeCard(page).getByText(/^374 in 31 groups$/)).toBeVisible();
  await nav(page).getByRole('link', { name: 'Guests' }).click();
  await page.getByRole('searchbox', { name: 'Search by name or id' }).fill('pve-gw');
  await expect(snapshotsCell(page)).toHaveText('12');
  await expect(await previewOfVm100(page)).toContainText('of 12 snapshots.');

  // Forget the newest snapshot of vm/100 in the content view.
  await page.getByRole('link', { name: 'Content', exact: true }).click();
  await page.getByRole('searchbox').fill('pve-gw');
  const group = tree(page).getByRole('row').filter({ hasText: 'vm/100' }).and(tree(page).locator('[aria-level="1"]'));
  if ((await group.getAttribute('aria-expanded')) !== 'true') await group.click();
  await expect(snapshotRows(page)).toHaveCount(12);
  await snapshotRows(page)
    .first()
    .getByRole('button', { name: /^Actions for snapshot vm\/100\// })
    .click();
  await page.getByRole('menuitem', { name: 'Forget…' }).click();
  const dialog = page.getByRole('alertdialog', { name: /^Forget snapshot vm\/100\// });
  await dialog.getByRole('button', { name: 'Forget snapshot' }).click();
  await expect(dialog).toBeHidden();
  await expect(snapshotRows(page)).toHaveCount(11);

  // Every other view has the new count.
  await nav(page).getByRole('link', { name: 'Guests' }).click();
  await page.getByRole('searchbox', { name: 'Search by name or id' }).fill('pve-gw');
  await expect(snapshotsCell(page)).toHaveText('11', SOON);
  await nav(page).getByRole('link', { name: 'Dashboard' }).click();
  await expect(storeCard(page).getByText(/^373 in 31 groups$/)).toBeVisible(SOON);
  await expect(await previewOfVm100(page)).toContainText('of 11 snapshots.', SOON);

  // A GC started on the datastore page: its history and the dashboard's GC figures follow once it stops.
  const history = page.getByRole('region', { name: 'Garbage collection history' });
  await expect(history.getByTestId('gc-history-summary')).toContainText('20 runs');
  await history.getByText('Runs as a table').click();
  await expect(history.getByRole('row').nth(1)).toContainText('2026-12-02 23:00');
  await page.getByRole('button', { name: 'Start garbage collection' }).click();
  await expect(page.getByRole('link', { name: 'Garbage collection task' })).toBeVisible();
  await deck.sim('clock', { advance: 3600 });
  await expect(history.getByRole('row').nth(1)).toContainText('2026-12-03 11:', { timeout: 15_000 });
  await expectAccessible(page);
  await nav(page).getByRole('link', { name: 'Dashboard' }).click();
  await expect(
    storeCard(page).getByRole('term').filter({ hasText: 'Last garbage collection' }).locator('xpath=..'),
  ).toContainText('2026-12-03 11:', SOON);

  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
});
