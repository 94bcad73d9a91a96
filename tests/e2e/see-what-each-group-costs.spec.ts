// The space view in Chromium, its engine in a Web Worker: open it from the datastore's tabs, follow the progress, and
// find the three groups that free the most ranked first with the figures of the simulator's own count
// (GET /__sim/space-truth, from its chunk model, never from the index files it serves).
import { formatBytes } from '../../src/lib/format-bytes';
import { test, expect, expectAccessible, logIn, quietNoon } from './fixtures';

interface Truth {
  groups: { ns: string; type: string; id: string; unique: { chunks: number; bytes: number } }[];
  snapshots: unknown[];
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
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'store1' }).click();
  await page.getByRole('navigation', { name: 'Datastore store1' }).getByRole('link', { name: 'Space' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Space of store1' })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Snapshots read' })).toBeVisible();
  await expect(page.getByText(/^Reading index files: \d+ of \d+ snapshots read/)).toBeVisible();

  const table = page.getByRole('table', { name: /^Groups/ });
  await expect(table).toBeVisible({ timeout: 180_000 });
  expect(workers.some((url) => /space-worker/.test(url))).toBe(true);
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
  await expectAccessible(page);
});
