import { test, expect, quietNoon } from './fixtures';
import {
  CspWatch,
  chooseTheme,
  consoleRoutes,
  describeViolation,
  dialogSources,
  embedRoutes,
  expectTheme,
  inspectDialogsWith,
  logInAsRoot,
  paramValues,
  recipes,
  uncoveredDialogs,
  visitConsole,
  visitEmbed,
  type Theme,
} from './crawler';
import { FocusWatch, PHONE_WIDTH, axeFindings, sidewaysAtPhoneWidth } from './view-checks';
import { crawlSection, expectSection, type CrawlRow } from './reliability-sections';

// the light and the dark pass take minutes each: two workers take one each
test.describe.configure({ mode: 'parallel' });

test('every dialog in the source is opened by a crawler recipe', () => {
  const sources = dialogSources();
  // the scan does find the dialogs it is meant to find
  expect(sources).toEqual(
    expect.arrayContaining(['src/app/relogin-dialog.tsx', 'src/features/restore/guest-restore-dialog.tsx']),
  );
  expect(uncoveredDialogs(), 'dialogs no recipe in tests/e2e/crawler.ts opens').toEqual([]);
});

for (const theme of ['light', 'dark'] as Theme[])
  test(`every page, embed view and dialog in ${theme}: no CSP violation, no serious axe finding, no sideways scroll at 360 px, focus back where it was`, async ({
    page,
    deck,
  }) => {
    // every page and dialog on a busy two-core machine, with axe-core at each
    test.setTimeout(600_000);
    await quietNoon(deck);
    const watch = await CspWatch.on(page);
    const focus = await FocusWatch.on(page);
    const found = { axe: [] as string[], sideways: [] as string[], focus: [] as string[] };
    let where = 'start';
    const note = (list: string[], items: (string | null)[]) => {
      for (const item of items) if (item) list.push(`${where}: ${item}`);
    };

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

    // So does the width check: a page made wider than a phone is caught, and named.
    await page.evaluate(() => {
      const wide = document.createElement('div');
      wide.setAttribute('data-testid', 'too-wide');
      wide.style.width = '500px';
      wide.style.height = '1px';
      document.body.append(wide);
    });
    expect(await sidewaysAtPhoneWidth(page)).toEqual([expect.stringContaining('div[too-wide]')]);

    inspectDialogsWith({
      async open(p, dialog) {
        note(found.focus, [await focus.entered(p)]);
        const id = await dialog.evaluate((el) => {
          el.setAttribute('data-crawl-open', '');
          return '[data-crawl-open]';
        });
        note(found.axe, await axeFindings(p, id));
        note(found.sideways, await sidewaysAtPhoneWidth(p, dialog));
      },
      async closed(p) {
        note(found.focus, [await focus.returned(p)]);
      },
    });

    watch.at('login');
    await logInAsRoot(page);
    const values = await paramValues(page);

    const rows: CrawlRow[] = [];
    const step = async (label: string, run: () => Promise<void>, kind?: CrawlRow['kind']) => {
      where = `${theme}: ${label}`;
      watch.at(where);
      await test.step(where, run);
      if (!kind) return;
      const here = (list: string[]) => list.filter((f) => f.startsWith(`${where}: `)).length;
      rows.push({
        kind,
        label: kind === 'dialog' ? label.replace(/^dialog /, '') : label.replace(/^(page|embed) /, ''),
        csp: watch.found.filter((v) => v.where === where).length,
        axe: here(found.axe),
        sideways: here(found.sideways),
        ...(kind === 'dialog' ? { focus: here(found.focus) } : {}),
      });
    };
    const pageChecks = async () => {
      note(found.axe, await axeFindings(page));
      note(found.sideways, await sidewaysAtPhoneWidth(page));
    };
    await step('theme switch', async () => {
      await page.goto('/');
      await chooseTheme(page, theme);
    });
    for (const route of consoleRoutes(values))
      await step(
        route.label,
        async () => {
          await visitConsole(page, route);
          await expectTheme(page, theme);
          await pageChecks();
        },
        'page',
      );
    for (const route of embedRoutes(values, theme))
      await step(
        route.label,
        async () => {
          await visitEmbed(page, route, theme);
          await pageChecks();
        },
        'embed view',
      );
    for (const recipe of recipes)
      await step(
        `dialog ${recipe.name}`,
        async () => {
          await recipe.open({ page, deck, values, theme });
          await expectTheme(page, theme);
        },
        'dialog',
      );
    inspectDialogsWith(null);

    expect.soft(watch.found.map(describeViolation), 'Content Security Policy violations').toEqual([]);
    expect.soft(found.axe, 'serious or critical axe-core findings').toEqual([]);
    expect.soft(found.sideways, `sideways scrolling at ${PHONE_WIDTH} px`).toEqual([]);
    expect.soft(found.focus, 'focus not moved into a dialog, or not given back to its opener').toEqual([]);
    expectSection(`crawl-${theme}`, 'tests/e2e/crawl-every-view.spec.ts', crawlSection(theme, rows));
  });
