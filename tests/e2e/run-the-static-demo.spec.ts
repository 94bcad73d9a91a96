import { test as base, expect, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './static-server';
import { testStartTime } from '../../src/mocks/sim/test-start';

const dist = fileURLToPath(new URL('../../dist-demo', import.meta.url));

// The demo build needs no deck server: a plain static file server, the simulator runs in the browser.
const test = base.extend<{ site: { url: string; apiRequests: () => number } }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object
  site: async ({}, use) => {
    const site = await serveStatic(dist);
    await use(site);
    await site.close();
  },
});

/** Opens the demo at `url` and logs in as root@pam, as its login page says. */
async function logInToDemo(page: Page, url: string) {
  await page.goto(url);
  await page.getByLabel('User name').fill('root');
  await page.getByLabel('Realm').selectOption('pam');
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
}

test('the static demo logs in and shows the simulated datastores', async ({ page, site }) => {
  // The page builds its simulator (60 days of history) three times here: first load, reload, reset. Alone
  // that takes about 30 s on a 2-core machine, beside another worker up to 60 s: twice the usual time.
  test.setTimeout(120_000);
  // the page's simulator starts at the tests' fixed instant, not at the real time
  const start = new Date(testStartTime() * 1000).toISOString();
  await logInToDemo(page, `${site.url}/?start=${start}`);
  await expect(page.getByRole('region', { name: /^Datastore / }).first()).toBeVisible();
  await expect(page.getByRole('region', { name: /^Datastore / })).toHaveCount(3);
  // Every API answer came from the simulator in the page, none from the file server.
  expect(site.apiRequests()).toBe(0);

  // A garbage collection started in the demo is remembered across a reload in that browser.
  await page.goto(`${site.url}/datastores/store1?start=${start}`);
  await page.getByRole('button', { name: 'Start garbage collection' }).click();
  const task = page.getByRole('link', { name: 'Garbage collection task' });
  const upid = await task.getAttribute('title');
  expect(upid).toMatch(/^UPID:.*:garbage_collection:store1:root@pam:$/);
  const tasks = async () =>
    page.evaluate(async () => {
      const r = await fetch('/api2/json/nodes/localhost/tasks?typefilter=garbage_collection&limit=0');
      return ((await r.json()) as { data: { upid: string }[] }).data.map((t) => t.upid);
    });
  expect(await tasks()).toContain(upid);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: /store1/ })).toBeVisible();
  expect(await tasks()).toContain(upid);

  // "Reset demo data" starts over from the seed: that task is gone.
  await page.getByRole('button', { name: /user menu/i }).click();
  await page.getByRole('menuitem', { name: 'Reset demo data' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /store1/ })).toBeVisible();
  await expect.poll(tasks).not.toContain(upid);
  expect(site.apiRequests()).toBe(0);
});

test("the static demo counts a datastore's space, keeps the index files for the next count, and states what a forget frees", async ({
  page,
  site,
}) => {
  test.setTimeout(240_000);
  const start = new Date(testStartTime() * 1000).toISOString();
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await logInToDemo(page, `${site.url}/?start=${start}`);

  // from the datastore's tabs, without reloading the page (and its simulator)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'offsite' }).click();
  await page.getByRole('navigation', { name: 'Datastore offsite' }).getByRole('link', { name: 'Space' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Space of offsite' })).toBeVisible();
  const table = page.getByRole('table', { name: /^Groups/ });
  await expect(table).toBeVisible({ timeout: 120_000 });
  const status = page.getByRole('status').filter({ hasText: 'snapshots read' });
  await expect(status).toContainText(/\d+ index files downloaded\./);
  await expect(page.getByRole('status', { name: 'Index files kept in this browser' })).toContainText(
    /^This browser keeps .* of index files for the next count \(at most 1 GiB\)\.$/,
  );
  expect(workers.some((url) => /space-worker/.test(url))).toBe(true);
  await expect(table.getByRole('row')).toHaveCount(6);

  // the second count reads every file from this browser's cache
  await page.getByRole('button', { name: 'Count again' }).click();
  await expect(status).toContainText(/from this browser's cache, 0 downloaded\./, { timeout: 120_000 });

  // what forgetting vm/100's newest backup frees, as the view counts it...
  await page.getByRole('button', { name: 'Show growth of vm/100' }).click();
  const newest = page.getByRole('table', { name: 'Backups of vm/100, oldest first' }).getByRole('row').last();
  const when = (await newest.getByRole('rowheader').textContent())!.trim();
  const frees = (await newest.getByRole('cell').nth(1).textContent())!;
  const chunks = /([\d,]+) chunks/.exec(frees)![1]!;

  // ...is what its forget dialog states, with the garbage collection that removes them
  await page.getByRole('navigation', { name: 'Datastore offsite' }).getByRole('link', { name: 'Content' }).click();
  const tree = page.getByRole('treegrid');
  const group = tree.getByRole('row').filter({ hasText: 'vm/100' }).and(tree.locator('[aria-level="1"]'));
  if ((await group.getAttribute('aria-expanded')) !== 'true') await group.click();
  const name = `${when.replace(' ', 'T')}Z`;
  await tree.getByRole('button', { name: `Actions for snapshot vm/100/${name}` }).click();
  await page.getByRole('menuitem', { name: 'Forget…' }).click();
  const note = page.getByRole('alertdialog').getByRole('status', { name: 'What this frees' });
  await expect(note).toContainText(`Frees ${chunks} chunks`, { timeout: 120_000 });
  await expect(note).toContainText(/Removed by the garbage collection at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);
  expect(site.apiRequests()).toBe(0);
});
