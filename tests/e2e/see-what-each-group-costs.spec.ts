// The space view in Chromium, its engine in a Web Worker: open it from the datastore's tabs, follow the progress, and
// find the three groups that free the most ranked first with the figures of the simulator's own count
// (GET /__sim/space-truth, from its chunk model, never from the index files it serves).
import type { Page } from '@playwright/test';
import { formatBytes } from '../../src/lib/format-bytes';
import { test, expect, expectAccessible, logIn, quietNoon, rootApi } from './fixtures';

interface Space {
  chunks: number;
  bytes: number;
}
interface Truth {
  groups: { ns: string; type: string; id: string; unique: Space }[];
  snapshots: { ns: string; type: string; id: string; time: number; unique: Space }[];
}

/** Opens store1's space view from its tabs, sees the progress, and checks the three costliest groups. */
async function topThreeAgainstTruth(page: Page, truth: Truth) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'store1' }).click();
  await page.getByRole('navigation', { name: 'Datastore store1' }).getByRole('link', { name: 'Space' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Space of store1' })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Snapshots read' })).toBeVisible();
  await expect(page.getByText(/^Reading index files: \d+ of \d+ snapshots read/)).toBeVisible();

  const table = page.getByRole('table', { name: /^Groups/ });
  await expect(table).toBeVisible({ timeout: 180_000 });
  await expect(page.getByRole('status').filter({ hasText: 'snapshots read' })).toContainText(
    `${truth.snapshots.length} snapshots read`,
  );
  const want = [...truth.groups].sort((a, b) => b.unique.bytes - a.unique.bytes).slice(0, 3);
  const rows = table.getByRole('row');
  for (const [i, g] of want.entries()) {
    const row = rows.nth(i + 1);
    await expect(row.getByRole('rowheader')).toContainText(`${g.type}/${g.id}`);
    await expect(row).toContainText(formatBytes(g.unique.bytes));
    await expect(row).toContainText(`${g.unique.chunks.toLocaleString('en')} chunks`);
  }
}

test('the space view ranks the groups by what forgetting them frees, as the simulator counts it', async ({
  page,
  deck,
}) => {
  test.setTimeout(240_000);
  await quietNoon(deck);
  const truth = (await deck.sim('space-truth?store=store1')) as Truth;
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));

  await logIn(page, 'root@pam');
  await topThreeAgainstTruth(page, truth);
  expect(workers.some((url) => /space-worker/.test(url))).toBe(true);

  // counted again, every index file comes from this browser's cache: not one download
  const downloads: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.endsWith('/download')) downloads.push(r.url());
  });
  await page.getByRole('button', { name: 'Count again' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'snapshots read' })).toContainText(
    /from this browser's cache, 0 downloaded\./,
    { timeout: 120_000 },
  );
  expect(downloads).toEqual([]);
  await expectAccessible(page);
});

test('what a forget dialog promises, the garbage collection it names removes', async ({ page, deck }) => {
  test.setTimeout(300_000);
  await quietNoon(deck);
  // Nothing but backups runs on store1 from now on. Two nights later the nightly GCs have swept every chunk the last
  // prunes left (this morning's are still marked by last night's GC, so the second night removes them): the only
  // garbage from then on is what this test forgets.
  const { ticket, call } = await rootApi(deck.url);
  const get = async (path: string) => {
    const r = await fetch(`${deck.url}/api2/json${path}`, {
      headers: { cookie: `PBSAuthCookie=${encodeURIComponent(ticket)}` },
    });
    expect(r.status, path).toBe(200);
    return ((await r.json()) as { data: unknown }).data;
  };
  for (const job of (await get('/config/prune')) as { id: string; store: string }[]) {
    if (job.store === 'store1') await call('DELETE', `/config/prune/${job.id}`);
  }
  await deck.sim('clock', { advance: 2 * 24 * 3600 });
  const truth = (await deck.sim('space-truth?store=store1')) as Truth;

  // 1–2: the space view, its progress, the top three against the simulator's count
  await logIn(page, 'root@pam');
  await topThreeAgainstTruth(page, truth);

  // 3: the forget dialog of vm/100's snapshot that holds the most chunks alone states them and the GC that frees them
  const listed = (await get('/admin/datastore/store1/snapshots?backup-type=vm&backup-id=100')) as {
    'backup-time': number;
    protected?: boolean;
  }[];
  const candidates = truth.snapshots.filter(
    (s) =>
      s.ns === '' &&
      s.type === 'vm' &&
      s.id === '100' &&
      listed.some((l) => l['backup-time'] === s.time && !l.protected),
  );
  const target = candidates.sort((a, b) => b.unique.chunks - a.unique.chunks)[0]!;
  expect(target.unique.chunks).toBeGreaterThan(0);
  await page.getByRole('navigation', { name: 'Datastore store1' }).getByRole('link', { name: 'Content' }).click();
  const tree = page.getByRole('treegrid');
  const group = tree.getByRole('row').filter({ hasText: 'vm/100' }).and(tree.locator('[aria-level="1"]'));
  if ((await group.getAttribute('aria-expanded')) !== 'true') await group.click();
  const name = new Date(target.time * 1000).toISOString().replace(/\.000Z$/, 'Z');
  await tree.getByRole('button', { name: `Actions for snapshot vm/100/${name}` }).click();
  await page.getByRole('menuitem', { name: 'Forget…' }).click();
  const dialog = page.getByRole('alertdialog', { name: /^Forget snapshot vm\/100\// });
  const note = dialog.getByRole('status', { name: 'What this frees' });
  await expect(note).toContainText(
    `Frees ${target.unique.chunks.toLocaleString('en')} chunks, ${formatBytes(target.unique.bytes)} of data`,
    { timeout: 120_000 },
  );
  const named = /Removed by the garbage collection at (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)/.exec(
    (await note.textContent()) ?? '',
  );
  expect(named).not.toBeNull();
  // the browser runs in UTC (playwright.config.ts)
  const at = Date.parse(`${named![1]!.replace(' ', 'T')}Z`) / 1000;
  await expectAccessible(page);

  // 4: forget
  await dialog.getByRole('button', { name: 'Forget snapshot' }).click();
  await expect(dialog).toBeHidden();

  // 5: the simulator's clock to the GC the dialog named, which runs by the store's schedule
  const gcStatus = async () => (await get('/admin/datastore/store1/gc')) as { upid: string; 'removed-chunks': number };
  await deck.sim('clock', { set: at - 60 });
  const before = await gcStatus();
  await deck.sim('clock', { set: at + 3600 });
  const after = await gcStatus();
  expect(after.upid).not.toBe(before.upid);
  expect(parseInt(after.upid.split(':')[5]!, 16)).toBe(at);

  // 6: the promised chunks are what that GC removed; the GC before it removed none of them
  expect(before['removed-chunks']).toBe(0);
  expect(after['removed-chunks']).toBe(target.unique.chunks);
});

test('a hidden tab waits: its space account asks for nothing until the tab is shown again', async ({ page, deck }) => {
  test.setTimeout(180_000);
  await quietNoon(deck);
  const asked: { at: number; what: string }[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api2/')) asked.push({ at: Date.now(), what: `${r.method()} ${url.pathname}` });
  });
  const visibility = (hidden: boolean) =>
    page.evaluate((h) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);

  await logIn(page, 'root@pam');
  await page.goto('/datastores/store1/space');
  await expect(page.getByText(/^Reading index files: [1-9]\d* of \d+ snapshots read/)).toBeVisible({ timeout: 60_000 });
  await visibility(true);
  // a download already on its way may still come back; from then on nothing is asked
  await page.waitForTimeout(500);
  const from = Date.now();
  const progress = await page.getByText(/^Reading index files:/).textContent();
  await page.waitForTimeout(5_000);
  const whileHidden = asked.filter((r) => r.at >= from && r.what !== 'POST /api2/json/access/ticket');
  expect(whileHidden, whileHidden.map((r) => r.what).join(', ')).toEqual([]);
  await expect(page.getByText(/^Reading index files:/)).toHaveText(progress!);

  // shown again, the account goes on where it stopped
  await visibility(false);
  await expect(page.getByText(/^Reading index files:/)).not.toHaveText(progress!, { timeout: 30_000 });
  expect(asked.some((r) => r.at > from && r.what.endsWith('/download'))).toBe(true);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText(/^Cancelled after \d+ of \d+ snapshots: no figures\.$/)).toBeVisible();
});
