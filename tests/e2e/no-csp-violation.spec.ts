import { test, expect, quietNoon } from './fixtures';
import {
  CspWatch,
  chooseTheme,
  consoleRoutes,
  describeViolation,
  dialogSources,
  embedRoutes,
  expectTheme,
  logInAsRoot,
  paramValues,
  recipes,
  uncoveredDialogs,
  visitConsole,
  visitEmbed,
  type Theme,
} from './crawler';

test('every dialog in the source is opened by a crawler recipe', () => {
  const sources = dialogSources();
  // the scan does find the dialogs it is meant to find
  expect(sources).toEqual(
    expect.arrayContaining(['src/app/relogin-dialog.tsx', 'src/features/restore/guest-restore-dialog.tsx']),
  );
  expect(uncoveredDialogs(), 'dialogs no recipe in tests/e2e/crawler.ts opens').toEqual([]);
});

test('no page, embed view or dialog breaks the Content Security Policy, in light and in dark', async ({
  page,
  deck,
}) => {
  // two passes over every page and dialog on a busy two-core machine
  test.setTimeout(420_000);
  await quietNoon(deck);
  const watch = await CspWatch.on(page);

  // The watch does see a violation: a style element added by a script is refused.
  watch.at('probe');
  await page.goto('/');
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = 'body { outline: 1px solid red }';
    document.head.append(style);
  });
  await expect.poll(() => watch.found.map((v) => `${v.via} ${v.directive}`)).toContain('event style-src-elem');
  watch.found.length = 0;

  watch.at('login');
  await logInAsRoot(page);
  const values = await paramValues(page);

  for (const theme of ['light', 'dark'] as Theme[]) {
    const step = async (label: string, body: () => Promise<void>) => {
      const where = `${theme}: ${label}`;
      watch.at(where);
      await test.step(where, body);
    };
    await step('theme switch', async () => {
      await page.goto('/');
      await chooseTheme(page, theme);
    });
    for (const route of consoleRoutes(values))
      await step(route.label, async () => {
        await visitConsole(page, route);
        await expectTheme(page, theme);
      });
    for (const route of embedRoutes(values, theme)) await step(route.label, () => visitEmbed(page, route, theme));
    for (const recipe of recipes)
      await step(`dialog ${recipe.name}`, async () => {
        await recipe.open({ page, deck, values, theme });
        await expectTheme(page, theme);
      });
  }

  expect(watch.found.map(describeViolation), 'Content Security Policy violations').toEqual([]);
});
