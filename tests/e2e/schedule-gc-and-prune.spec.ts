import type { Locator, Page } from '@playwright/test';
import { test, expect, expectAccessible, logIn } from './fixtures';

interface GcJob {
  'next-run'?: number;
  'index-data-bytes': number;
  'disk-bytes': number;
  upid: string | null;
}
interface TaskRow {
  upid: string;
  starttime: number;
  endtime?: number;
  status?: string;
}

async function apiGet<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`/api2/json${path}`);
  expect(res.status(), path).toBe(200);
  return ((await res.json()) as { data: T }).data;
}

/** The value next to a figure's label (Figure renders dt/dd pairs). */
const figure = (scope: Locator, label: string) =>
  scope.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd');

/** Logs in and waits for the console, so a navigation right after cannot cut the login short. */
async function logInAsRoot(page: Page) {
  await logIn(page, 'root@pam');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
}

const dedup = (gc: GcJob) => (gc['disk-bytes'] > 0 ? gc['index-data-bytes'] / gc['disk-bytes'] : 1).toFixed(2);

test('a GC schedule fires on time and its result reaches the dashboard and the GC history', async ({ page, deck }) => {
  test.setTimeout(180_000);
  await logInAsRoot(page);
  const storeCard = page.getByRole('region', { name: 'Datastore store1' });
  const before = dedup(await apiGet<GcJob>(page, '/admin/datastore/store1/gc'));
  await expect(figure(storeCard, 'Deduplication factor')).toHaveText(before);

  // a weekly slot one to two days ahead in the server's zone: the nightly backups run before it fires
  const { time, timezone } = await apiGet<{ time: number; timezone: string }>(page, '/nodes/localhost/time');
  const weekday = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone: timezone })
    .format(new Date((time + 2 * 86400) * 1000))
    .toLowerCase();
  const schedule = `${weekday} 03:17`;

  await page.goto('/datastores/store1');
  const panel = page.getByRole('region', { name: 'Garbage collection schedule' });
  const field = panel.getByLabel('GC schedule', { exact: true });
  await expect(field).toHaveValue('daily');
  await field.fill(schedule);
  await panel.getByRole('button', { name: 'Save schedule' }).click();
  await expect(panel.getByText(`Schedule saved: ${schedule}.`)).toBeVisible();
  await expect(figure(panel, 'Schedule')).toHaveText(schedule);
  const job = await apiGet<GcJob>(page, '/admin/datastore/store1/gc');
  const nextRun = job['next-run']!;
  expect(nextRun - time).toBeGreaterThan(86400);
  expect(nextRun - time).toBeLessThan(2 * 86400 + 60);
  await expect(figure(panel, 'Next run').locator('time')).toHaveAttribute(
    'datetime',
    new Date(nextRun * 1000).toISOString(),
  );
  await expectAccessible(page);

  // Nightly backups and prunes keep the store in a steady state; an admin's thinning out makes the next GC
  // find much less data referenced, which moves the factor for sure.
  const session = JSON.parse((await page.evaluate(() => sessionStorage.getItem('pbs-deck.session'))) ?? '{}') as {
    csrfToken?: string;
  };
  const thinned = await page.request.post('/api2/json/admin/datastore/store1/prune-datastore', {
    headers: { CSRFPreventionToken: session.csrfToken ?? '' },
    form: { 'keep-last': '1' },
  });
  expect(thinned.status()).toBe(200);

  await deck.sim('clock', { set: nextRun + 3600 });

  // the GC ran at the announced minute, triggered by the schedule
  const [run] = await apiGet<TaskRow[]>(
    page,
    '/nodes/localhost/tasks?typefilter=garbage_collection&store=store1&limit=1',
  );
  expect(run?.starttime).toBe(nextRun);
  expect(run?.status).toMatch(/^(OK|WARNINGS: \d+)$/);
  const log = await apiGet<{ t: string }[]>(
    page,
    `/nodes/localhost/tasks/${encodeURIComponent(run!.upid)}/log?limit=0`,
  );
  expect(log.map((l) => l.t)).toContainEqual(expect.stringContaining(`task triggered by schedule '${schedule}'`));
  const after = dedup(await apiGet<GcJob>(page, '/admin/datastore/store1/gc'));
  expect(after).not.toBe(before);

  await page.goto('/');
  await expect(figure(storeCard, 'Deduplication factor')).toHaveText(after);
  await expectAccessible(page);

  await page.goto('/datastores/store1');
  const history = page.getByRole('region', { name: 'Garbage collection history' });
  await expect(history.getByTestId('gc-history-summary')).toContainText(`latest: dedup factor ${after}`);
  await expect(
    history.getByRole('img', { name: 'Deduplication factor after each garbage collection run' }),
  ).toBeVisible();
  await history.getByText('Runs as a table').click();
  const newest = history.getByRole('row').nth(1);
  await expect(newest).toContainText(after);
  await expect(newest).toContainText('(scheduled)');
  await expect(newest.getByRole('link')).toHaveAttribute('href', `/tasks/${encodeURIComponent(run!.upid)}`);
  await expectAccessible(page);
});

test('a prune policy previews which rule keeps each snapshot, and pruning leaves exactly those', async ({ page }) => {
  test.setTimeout(120_000);
  await logInAsRoot(page);
  await page.goto('/datastores/store1');
  const preview = page.getByRole('region', { name: 'Prune preview' });
  await preview.getByLabel('Group (root namespace)').selectOption('vm/100');
  await preview.getByLabel('Keep last').fill('2');
  await preview.getByLabel('Keep daily').fill('3');
  await expect(preview.getByText("The server's dry run agrees with the local preview.")).toBeVisible();

  const snapshots = await apiGet<{ 'backup-time': number }[]>(
    page,
    '/admin/datastore/store1/snapshots?backup-type=vm&backup-id=100',
  );
  const rows = preview.getByTestId('prune-preview-row');
  await expect(rows).toHaveCount(snapshots.length);
  await expect(rows.nth(0)).toContainText('kept by keep-last');
  await expect(rows.nth(1)).toContainText('kept by keep-last');
  await expect(rows.nth(2)).toContainText('kept by keep-daily');
  await expect(rows.nth(snapshots.length - 1)).toContainText('removed: no rule keeps it');
  // rows are newest first: the snapshots the rules keep, by time
  const newestFirst = snapshots.map((s) => s['backup-time']).sort((a, b) => b - a);
  const texts = await rows.allTextContents();
  const kept = newestFirst.filter((_, i) => texts[i]?.includes('kept'));
  expect(kept.length).toBeGreaterThanOrEqual(3);
  expect(kept.length).toBeLessThan(snapshots.length);
  await expectAccessible(page);

  await preview.getByRole('button', { name: 'Prune vm/100 now' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Prune group vm/100?' });
  await expect(dialog).toContainText(`keeps ${kept.length} snapshots`);
  await expectAccessible(page);
  await dialog.getByRole('button', { name: `Prune ${snapshots.length - kept.length} snapshots` }).click();
  await expect(
    preview.getByText(`Pruned vm/100: removed ${snapshots.length - kept.length}, kept ${kept.length}.`),
  ).toBeVisible();
  await expect(rows).toHaveCount(kept.length);

  const remaining = await apiGet<{ 'backup-time': number }[]>(
    page,
    '/admin/datastore/store1/snapshots?backup-type=vm&backup-id=100',
  );
  expect(remaining.map((s) => s['backup-time']).sort((a, b) => b - a)).toEqual(kept);
  await expectAccessible(page);
});

test('the prune job form is reachable and accessible', async ({ page }) => {
  await logInAsRoot(page);
  await page.goto('/datastores/store1');
  const jobs = page.getByRole('region', { name: 'Prune jobs' });
  await expect(jobs.getByRole('rowheader', { name: /s-6b1f0c2e-a3d4/ })).toBeVisible();
  await jobs.getByRole('button', { name: 'Edit prune job s-6b1f0c2e-a3d4' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit prune job s-6b1f0c2e-a3d4' });
  await expect(dialog.getByLabel('Prune schedule', { exact: true })).toHaveValue('05:15');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});
