import { test, expect, expectAccessible, logIn, quietNoon } from './fixtures';

// Long flows on a busy two-core machine: each walks several pages with an axe check on each.
test.describe.configure({ timeout: 150_000 });

test('create a verify job, run it into a corrupt chunk, and see its failure', async ({ page, deck }) => {
  await logIn(page, 'root@pam');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.goto('/datastores/offsite/jobs');
  const table = page.getByRole('table', { name: /Jobs of offsite/ });
  await expect(table.getByRole('row', { name: 'Verify job v-8c41e0d2-19ab' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Add verify job' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add verify job' });
  await expect(dialog.getByLabel('Datastore')).toHaveValue('offsite');
  await dialog.getByLabel('Job ID').fill('check-offsite');
  const schedule = dialog.getByLabel('Schedule', { exact: true });
  await schedule.fill('fri 18:61');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(schedule).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText(/Not a schedule PBS accepts/)).toBeVisible();
  await expectAccessible(page);

  await schedule.fill('fri 18:15');
  await expect(dialog.getByText(/^Next run: \d{4}-\d\d-\d\d \d\d:15:00/)).toBeVisible();
  await dialog.getByText('Next 10 runs').click();
  await expect(dialog.getByRole('table', { name: 'Next runs of fri 18:15' }).getByRole('row')).toHaveCount(11);
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Create' }).click();
  const row = table.getByRole('row', { name: 'Verify job check-offsite' });
  await expect(row).toContainText('fri 18:15');

  // A corrupt chunk, then a run now: the task log shows the failure. The clock first moves to a quiet
  // hour, so no scheduled job of the demo runs in the six hours the verify is given.
  await quietNoon(deck);
  await deck.sim('faults', { corruptChunks: { store: 'offsite', count: 5 } });
  await row.getByRole('button', { name: 'Run Verify job check-offsite now' }).click();
  const started = row.getByRole('link', { name: 'Task started: show its log' });
  await expect(started).toBeVisible();
  await deck.sim('clock', { advance: 6 * 3600 });
  await started.click();
  await expect(page).toHaveURL(/\/tasks\/UPID/);
  await expect(page.getByText(/TASK ERROR: verification failed - please check the log for details/)).toBeVisible();
  await expect(page.getByText(/corrupted chunk renamed to/).first()).toBeVisible();
  await expectAccessible(page);

  // Back on the jobs page the failed job comes first.
  await page.goto('/jobs');
  const all = page.getByRole('table', { name: /All jobs/ });
  await expect(all.getByRole('row').nth(1)).toHaveAccessibleName('Verify job check-offsite');
  await expect(all.getByRole('row', { name: 'Verify job check-offsite' })).toContainText('Failed: verification failed');
  await all.getByRole('button', { name: 'Runs of verify job check-offsite' }).click();
  const runs = page.getByRole('list', { name: 'Runs of verify job check-offsite' });
  await expect(runs.getByRole('link', { name: /^(vm|ct|host)\// }).first()).toBeVisible();
  await expectAccessible(page);
});

test('a second save of the same verify job from another page is refused as a conflict', async ({ page, context }) => {
  const other = await context.newPage();
  for (const p of [page, other]) {
    await logIn(p, 'root@pam');
    await expect(p.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await p.goto('/jobs');
    await p.getByRole('button', { name: 'Edit verify job v-3fa2b1c9-7d10' }).click();
    await expect(p.getByRole('dialog', { name: 'Edit verify job v-3fa2b1c9-7d10' }).getByLabel('Comment')).toHaveValue(
      'Weekly verify',
    );
  }
  await expectAccessible(page);

  const first = page.getByRole('dialog', { name: 'Edit verify job v-3fa2b1c9-7d10' });
  await first.getByLabel('Comment').fill('from the first page');
  await first.getByRole('button', { name: 'Save' }).click();
  await expect(first).toBeHidden();
  await expect(page.getByRole('row', { name: 'Verify job v-3fa2b1c9-7d10' })).toContainText('from the first page');

  const second = other.getByRole('dialog', { name: 'Edit verify job v-3fa2b1c9-7d10' });
  await second.getByLabel('Comment').fill('from the second page');
  await second.getByRole('button', { name: 'Save' }).click();
  await expect(second.getByText('This job was changed by someone else since you opened it')).toBeVisible();
  await expectAccessible(other);

  await second.getByRole('button', { name: 'Reload' }).click();
  await expect(second.getByLabel('Comment')).toHaveValue('from the first page');
  await page.reload();
  await expect(page.getByRole('row', { name: 'Verify job v-3fa2b1c9-7d10' })).toContainText('from the first page');
});
