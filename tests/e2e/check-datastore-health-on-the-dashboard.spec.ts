import { test, expect, expectAccessible, logIn } from './fixtures';

const exact = (n: number) => `${new Intl.NumberFormat('en-US').format(n)} bytes`;

interface UsageItem {
  store: string;
  used?: number;
  total?: number;
  avail?: number;
  error?: string;
}

test('every datastore shows the figures the server reports', async ({ page }) => {
  await logIn(page, 'root@pam');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  const res = await page.request.get('/api2/json/status/datastore-usage');
  expect(res.status()).toBe(200);
  const usage = ((await res.json()) as { data: UsageItem[] }).data;
  expect(usage.length).toBeGreaterThanOrEqual(3);

  for (const item of usage) {
    const card = page.getByRole('region', { name: `Datastore ${item.store}` });
    await expect(card).toBeVisible();
    if (item.error) {
      await expect(card).toContainText(item.error);
      continue;
    }
    await expect(card.getByTitle(exact(item.used!)).first()).toBeVisible();
    await expect(card.getByTitle(exact(item.total!)).first()).toBeVisible();
    await expect(card.getByTitle(exact(item.avail!)).first()).toBeVisible();
    await expect(card).toContainText(/Deduplication/i);
  }
  await expect(page.getByRole('heading', { name: /server/i }).first()).toBeVisible();
  await expectAccessible(page);

  // Each task of the last 24 hours opens its log.
  const tasks = page.getByRole('region', { name: /tasks of the last 24 hours/i });
  const first = tasks.getByRole('link').first();
  const name = (await first.textContent()) ?? '';
  await first.click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Task log lines' }).getByRole('listitem').last()).toHaveText(
    /TASK (OK|WARNINGS: \d+|ERROR: .+)$/,
  );
});

test('a datastore that fails shows its error while the others keep their figures', async ({ page, deck }) => {
  await deck.sim('faults', { failDatastore: { store: 'store1', message: 'datastore lookup failed: EIO' } });
  await logIn(page, 'root@pam');

  const failing = page.getByRole('region', { name: 'Datastore store1' });
  await expect(failing).toContainText('EIO');
  const res = await page.request.get('/api2/json/status/datastore-usage');
  const others = ((await res.json()) as { data: UsageItem[] }).data.filter((d) => d.store !== 'store1' && !d.error);
  expect(others.length).toBeGreaterThan(0);
  for (const item of others) {
    await expect(
      page
        .getByRole('region', { name: `Datastore ${item.store}` })
        .getByTitle(exact(item.used!))
        .first(),
    ).toBeVisible();
  }
  await expectAccessible(page);
});

test('the summary shows the RRD charts and what a client needs to connect', async ({ page }) => {
  await logIn(page, 'root@pam');
  await page.getByRole('region', { name: 'Datastore store1' }).getByRole('link', { name: 'store1' }).click();
  await expect(page).toHaveURL(/\/datastores\/store1$/);
  await expect(page.getByRole('heading', { level: 1, name: /store1/ })).toBeVisible();

  await expect(page.getByTestId('chart').first()).toBeVisible();
  await expect(page.getByText(/root@pam@127\.0\.0\.1:\d+:store1|root@pam@[\w.-]+:store1/).first()).toBeVisible();
  await expect(page.getByText(/pvesm add pbs/)).toBeVisible();
  await expect(page.getByText(/([0-9a-f]{2}:){31}[0-9a-f]{2}/i).first()).toBeVisible();
  await expectAccessible(page);
});

test('garbage collection started from the summary runs and its task can be opened', async ({ page }) => {
  await logIn(page, 'root@pam');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.goto('/datastores/store1');
  await page.getByRole('button', { name: /start garbage collection/i }).click();
  const progress = page
    .getByRole('status')
    .filter({ has: page.getByRole('link', { name: 'Garbage collection task' }) });
  await expect(progress.getByRole('link')).toHaveAttribute(
    'href',
    /^\/tasks\/UPID%3A[^/]+%3Agarbage_collection%3Astore1%3Aroot%40pam%3A$/,
  );
  // The simulator runs the GC on its clock; the badge follows the task to its end.
  await expect(progress).toContainText('OK', { timeout: 30_000 });

  // Its log reads as PBS writes it, to the last line.
  await progress.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: /garbage collection/i })).toBeVisible();
  const log = page.getByRole('region', { name: 'Task log lines' });
  await expect(log).toContainText('starting garbage collection on store store1');
  await expect(log).toContainText(/Deduplication factor: \d+\.\d\d/);
  await expect(log.getByRole('listitem').last()).toHaveText(/TASK OK$/);
  await expectAccessible(page);
});
