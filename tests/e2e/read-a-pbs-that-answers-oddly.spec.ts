import { test as base, expect } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { startDeck, stopDeck } from '../../scripts/deck-process.mjs';
import { expectAccessible, logIn } from './fixtures';
import { startOddPbs } from './odd-pbs';

const root = fileURLToPath(new URL('../..', import.meta.url));

const test = base.extend<{ deckUrl: string }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object
  deckUrl: async ({}, use) => {
    const pbs = await startOddPbs();
    const deck = await startDeck(root, { PBS_URL: pbs.url });
    await use(deck.url);
    await stopDeck(deck.proc);
    await pbs.close();
  },
  baseURL: async ({ deckUrl }, use) => use(deckUrl),
});

test('the dashboard renders every datastore of a real-shaped PBS and says what it does not know', async ({ page }) => {
  await logIn(page, 'root@pam');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  const card = (store: string) => page.getByRole('region', { name: `Datastore ${store}` });
  for (const store of ['grows', 'flat', 'shrinks', 'young', 'tank', 'broken']) await expect(card(store)).toBeVisible();

  await expect(card('grows')).toContainText(/in 3 months/);
  await expect(card('flat')).toContainText(/never/i);
  await expect(card('shrinks')).toContainText(/never/i);
  await expect(card('young')).toContainText(/not enough data/i);
  await expect(card('broken')).toContainText('No such file or directory');
  // GC stats: 10 TiB referenced in 2 TiB on disk; no GC yet means 1.00, as PBS shows it.
  await expect(card('grows')).toContainText('5.00');
  await expect(card('flat')).toContainText('1.00');
  await expect(card('shrinks')).toContainText('1.00');
  // A GC that is running has no end time yet.
  await expect(card('tank')).toContainText(/running/i);
  // The task with a UPID that does not parse is still listed, as it came.
  await expect(
    page
      .getByText('UPID:redacted')
      .or(page.getByText(/something odd happened/))
      .first(),
  ).toBeVisible();
  await expectAccessible(page);
});
