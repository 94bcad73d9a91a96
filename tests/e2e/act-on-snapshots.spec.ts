import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, logIn, quietNoon } from './fixtures';

const tree = (page: Page) => page.getByRole('treegrid');
const groupRow = (page: Page, name: string) =>
  tree(page).getByRole('row').filter({ hasText: name }).and(tree(page).locator('[aria-level="1"]'));
const snapshotRows = (page: Page) => tree(page).locator('[role="row"][aria-level="2"]');

async function openGuest(page: Page, search: string, group: string) {
  await page.getByRole('searchbox').fill(search);
  const row = groupRow(page, group);
  await expect(row).toBeVisible();
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
  await expect(snapshotRows(page).first()).toBeVisible();
  return row;
}

test('verify, protect, forget a group, forget three at once, and notes that cannot run anything', async ({
  page,
  deck,
}) => {
  // one walk through every action; the simulator jumps to a quiet hour first
  test.setTimeout(240_000);
  await quietNoon(deck);
  await deck.sim('faults', { corruptChunks: { store: 'store1', count: 600 } });
  page.on('dialog', (d) => {
    throw new Error(`a script from notes ran: ${d.message()}`);
  });
  await logIn(page, 'root@pam');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.goto('/datastores/store1/content');
  const group = await openGuest(page, 'pve-gw', 'vm/100');

  // Verify the newest snapshot: it references a corrupt chunk.
  const first = snapshotRows(page).first();
  const actions = first.getByRole('button', { name: /^Actions for snapshot vm\/100\// });
  const name = (await actions.getAttribute('aria-label')) ?? '';
  await actions.click();
  await expectAccessible(page);
  await page.getByRole('menuitem', { name: 'Verify now' }).click();
  const status = first.getByRole('status');
  await expect(status).toContainText('Verification');
  await deck.sim('clock', { advance: 600 });
  await expect(status).toContainText('Verification failed: verification failed - please check the log for details', {
    timeout: 20_000,
  });
  await expect(first.getByText('Failed', { exact: true })).toBeVisible();
  await expectAccessible(page);
  await first.getByRole('link', { name: 'Verification task log' }).click();
  await expect(page).toHaveURL(/\/tasks\/UPID/);
  await expect(page.getByText(/verification failed - please check the log for details/).first()).toBeVisible();
  await expectAccessible(page);
  await page.goBack();
  await openGuest(page, 'pve-gw', 'vm/100');

  // Protect it, then forget the whole group: exactly that snapshot stays, with PBS's message.
  const target = page.getByRole('button', { name });
  await target.click();
  await page.getByRole('menuitem', { name: 'Protect' }).click();
  await expect(snapshotRows(page).filter({ has: target }).getByText('Protected')).toBeAttached();
  await group.getByRole('button', { name: 'Actions for group vm/100' }).click();
  await page.getByRole('menuitem', { name: 'Forget group…' }).click();
  const dialog = page.getByRole('alertdialog', { name: /^Forget group vm\/100/ });
  await expect(dialog).toContainText('1 protected snapshot will stay, as PBS keeps them');
  await expectAccessible(page);
  await dialog.getByRole('textbox', { name: /to confirm/ }).fill('vm/100');
  await dialog.getByRole('button', { name: 'Forget group' }).click();
  await expect(dialog.getByRole('status')).toContainText('group only partially deleted due to protected snapshots');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(snapshotRows(page)).toHaveCount(1);
  await expect(snapshotRows(page).first().getByRole('button', { name })).toBeVisible();

  // Three snapshots of another guest, forgotten together after the summary.
  await openGuest(page, 'web01', 'vm/101');
  const before = await snapshotRows(page).count();
  for (let i = 0; i < 3; i++) await snapshotRows(page).nth(i).locator('[data-select-toggle]').click();
  const bar = page.getByRole('region', { name: 'Selected snapshots' });
  await expect(bar).toContainText('3 snapshots selected');
  await bar.getByRole('button', { name: 'Forget…' }).click();
  const bulk = page.getByRole('alertdialog', { name: 'Forget 3 selected snapshots' });
  await expect(bulk).toContainText('3 snapshots will be forgotten for good.');
  await expectAccessible(page);
  await bulk.getByRole('button', { name: 'Forget 3' }).click();
  await expect(bulk.getByRole('status')).toContainText('Done: 3. Failed: 0.');
  await bulk.getByRole('button', { name: 'Close' }).click();
  await expect(snapshotRows(page)).toHaveCount(before - 3);

  // Notes with a script, an image with onerror and a javascript: link: rendered, none runs.
  await snapshotRows(page).first().click();
  const detail = page.getByRole('region', { name: /^Snapshot vm\/101\// });
  await detail.getByRole('button', { name: 'Edit notes' }).click();
  const editor = page.getByRole('dialog', { name: /^Notes of vm\/101\// });
  await editor
    .getByRole('textbox')
    .fill(
      '# Restore tested\n\n<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[open me](javascript:alert(3))',
    );
  await editor.getByRole('tab', { name: 'Preview' }).click();
  await expect(editor.getByRole('heading', { name: 'Restore tested' })).toBeVisible();
  await expectAccessible(page);
  await editor.getByRole('button', { name: 'Save notes' }).click();
  await expect(editor).toBeHidden();
  const notes = detail.getByRole('region', { name: 'Notes' });
  await expect(notes.getByRole('heading', { name: 'Restore tested' })).toBeVisible();
  await expect(notes.locator('script, img')).toHaveCount(0);
  await expect(notes.getByText('open me')).not.toHaveAttribute('href');
  await notes.getByText('open me').click();
  await expect(page).toHaveURL(/\/datastores\/store1\/content/);
  await expectAccessible(page);
});
