import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, logIn } from './fixtures';

// Starts a verify of every snapshot of a datastore as the logged-in console session would (the session keeps its
// CSRF token). PBS skips verified snapshots unless told otherwise, and the demo's weekly verify job has run.
async function startVerify(page: Page, store: string): Promise<string> {
  return page.evaluate(async (name) => {
    const session = JSON.parse(sessionStorage.getItem('pbs-deck.session') ?? '{}') as { csrfToken?: string };
    const res = await fetch(`/api2/json/admin/datastore/${name}/verify?ignore-verified=0`, {
      method: 'POST',
      headers: { CSRFPreventionToken: session.csrfToken ?? '' },
      credentials: 'same-origin',
    });
    if (!res.ok) throw new Error(`verify: HTTP ${res.status} ${await res.text()}`);
    return ((await res.json()) as { data: string }).data;
  }, store);
}

test('follow a failing verify live, see the failure in the header, find it in the task list and download its log', async ({
  page,
  deck,
}) => {
  // A long walk through the simulated verify, on a busy two-core machine.
  test.setTimeout(180_000);
  await deck.sim('faults', { corruptChunks: { store: 'store1', count: 2 } });
  await logIn(page, 'root@pam');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  const upid = await startVerify(page, 'store1');

  // The list shows it running; its link opens the log as a panel over the list.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
  const row = page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: 'Verify datastore store1' }) })
    .first();
  await expect(row).toContainText('Running');
  await row.getByRole('link', { name: 'Verify datastore store1' }).click();
  const panel = page.getByRole('dialog', { name: 'Verify datastore store1' });
  await expect(panel).toBeVisible();
  await expect(page).toHaveURL(`/tasks/${encodeURIComponent(upid)}`);
  await expect(panel.getByText('Running', { exact: true })).toBeVisible();
  await expectAccessible(page);

  // The simulated verify moves on; the panel follows its log and its progress.
  await deck.sim('clock', { advance: 300 });
  const bar = panel.getByRole('progressbar');
  await expect(bar).toBeVisible();
  await expect(panel.getByRole('region', { name: 'Task log lines' })).toContainText('percentage done:');
  const failed = panel.getByRole('alert').filter({ hasText: 'The task failed' });
  // Ten simulated minutes at a time until the verify has failed; the viewer polls and shows it.
  await expect(async () => {
    await deck.sim('clock', { advance: 600 });
    await expect(failed).toBeVisible({ timeout: 2_500 });
  }).toPass({ timeout: 60_000 });
  await expect(failed).toContainText('verification failed - please check the log for details');
  await expect(panel.getByRole('region', { name: 'Task log lines' }).getByRole('listitem').last()).toHaveText(
    /TASK ERROR: verification failed - please check the log for details$/,
  );
  await expect(panel.getByRole('button', { name: 'Stop task' })).toHaveCount(0);

  // The failure is loud in the header.
  const indicator = page.getByRole('button', { name: /^\d+ failed jobs?, not yet seen$/ });
  await expect(indicator).toBeVisible();
  await expectAccessible(page);

  // Download the whole log, built in the browser.
  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download log' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^task-[^:]+-verify-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.txt$/);
  const text = await readFile((await download.path())!, 'utf8');
  expect(text).toContain('verify datastore store1');
  expect(text.trimEnd().split('\n').at(-1)).toMatch(
    /TASK ERROR: verification failed - please check the log for details$/,
  );

  // Closing returns to the list as it was.
  await panel.getByRole('button', { name: 'Close task' }).click();
  await expect(panel).toBeHidden();
  await expect(page).toHaveURL(/\/tasks$/);

  // The header lists the failure with a link to its log; mark it seen and it goes quiet.
  await indicator.click();
  const failures = page.getByRole('dialog', { name: /failed jobs?$/ });
  await expect(failures.getByRole('link', { name: 'Verify datastore store1' }).first()).toBeVisible();
  await expectAccessible(page);
  await failures.getByRole('button', { name: 'Mark all seen' }).click();
  await expect(indicator).toHaveCount(0);

  // Filter the list by status error: the failed verify is there.
  // A click, not check(): the box follows the URL, so it shows checked once the navigation lands.
  await page.getByRole('checkbox', { name: 'Errors' }).click();
  await expect(page.getByRole('checkbox', { name: 'Errors' })).toBeChecked();
  await expect(page).toHaveURL(/\/tasks\?status=error$/);
  const failedRow = page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: 'Verify datastore store1' }) })
    .first();
  await expect(failedRow).toContainText('Error: verification failed');
  await expectAccessible(page);

  // A direct visit shows the task as a page of its own.
  await page.goto(`/tasks/${encodeURIComponent(upid)}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Verify datastore store1' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('alert').filter({ hasText: 'The task failed' })).toBeVisible();
  await expectAccessible(page);
});
