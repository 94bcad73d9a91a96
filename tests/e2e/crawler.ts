/*
 * The browser tests' crawler: every console page of src/app/pages.ts, every embed view of embedPaths, and the
 * console's dialogs, each opened from the UI by a recipe. A page added to either list is visited without a change
 * here; a dialog added to src/ is found by dialogSources() and reported until a recipe covers it.
 *
 * CspWatch collects what the browser refuses under the Content Security Policy: `securitypolicyviolation` events
 * (a listener on the document from an init script) and console messages naming the policy, each with the step it
 * happened on.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';
import { embedPaths } from '../../src/features/embed/embed-route';
import type { Deck } from './fixtures';
import { totp } from './totp';

export const root = fileURLToPath(new URL('../..', import.meta.url));

export type Theme = 'light' | 'dark';

export interface Violation {
  /** the theme and the step: a route or a dialog */
  where: string;
  directive: string;
  blockedURI: string;
  /** the script or style sheet that caused it, with line and column, as the browser names it */
  source: string;
  /** the event, or a console message */
  via: 'event' | 'console';
  sample: string;
}

export const describeViolation = (v: Violation) =>
  `${v.where}: ${v.directive || '(no directive)'} blocked ${v.blockedURI || '(no URI)'} from ${v.source || '(unknown source)'} [${v.via}]${v.sample ? ` ${JSON.stringify(v.sample.slice(0, 200))}` : ''}`;

type Reported = Omit<Violation, 'where'>;

/** Collects CSP violations of one page over all its navigations; `at` names the step that follows. */
export class CspWatch {
  readonly found: Violation[] = [];
  private where = 'start';

  private constructor() {}

  static async on(page: Page): Promise<CspWatch> {
    const watch = new CspWatch();
    await page.exposeFunction('__reportCspViolation', (v: Reported) => watch.found.push({ ...v, where: watch.where }));
    await page.addInitScript(() => {
      const w = window as unknown as { __cspViolations?: unknown[]; __reportCspViolation?: (v: unknown) => void };
      w.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        const v = {
          directive: e.effectiveDirective || e.violatedDirective,
          blockedURI: e.blockedURI,
          source: e.sourceFile ? `${e.sourceFile}:${e.lineNumber}:${e.columnNumber}` : '',
          via: 'event',
          sample: e.sample,
        };
        w.__cspViolations?.push(v);
        void w.__reportCspViolation?.(v);
      });
    });
    page.on('console', (m) => {
      const text = m.text();
      if (!/content security policy/i.test(text)) return;
      const loc = m.location();
      watch.found.push({
        where: watch.where,
        directive: /directive: "([^"]+)"/.exec(text)?.[1] ?? '',
        blockedURI: '',
        source: loc.url ? `${loc.url}:${loc.lineNumber}:${loc.columnNumber}` : '',
        via: 'console',
        sample: text,
      });
    });
    return watch;
  }

  at(where: string) {
    this.where = where;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Routes

/** Real values for the routes' parameters, read through the API with the page's login. */
export type ParamValues = Record<string, string>;

async function apiGet<T>(page: Page, apiPath: string): Promise<T> {
  const res = await page.request.get(`/api2/json${apiPath}`);
  expect(res.status(), apiPath).toBe(200);
  return ((await res.json()) as { data: T }).data;
}

export async function paramValues(page: Page): Promise<ParamValues> {
  const stores = await apiGet<{ store: string }[]>(page, '/admin/datastore');
  const store = stores.find((s) => s.store === 'store1')?.store ?? stores[0]?.store;
  const [task] = await apiGet<{ upid: string }[]>(page, '/nodes/localhost/tasks?limit=1');
  expect(store, 'a datastore to visit').toBeTruthy();
  expect(task?.upid, 'a task to visit').toBeTruthy();
  return { store: store!, upid: task!.upid };
}

export interface Route {
  label: string;
  url: string;
}

function fill(pattern: string, values: ParamValues): string {
  return pattern
    .split('/')
    .map((seg) => {
      if (!seg.startsWith(':')) return seg;
      const value = values[seg.slice(1)];
      if (value === undefined) throw new Error(`no value for ${seg} of ${pattern}: add one to paramValues()`);
      return encodeURIComponent(value);
    })
    .join('/');
}

/**
 * The paths of the `pages` list in src/app/pages.ts, read from its text: importing it would pull every page's module
 * into the browser tests' typecheck.
 */
export function pagePaths(): string[] {
  const text = readFileSync(path.join(root, 'src/app/pages.ts'), 'utf8');
  const list = /export const pages\b[^=]*=\s*\[([\s\S]*?)\n\];/.exec(text)?.[1] ?? '';
  const paths = [...list.matchAll(/\{\s*path:\s*'([^']*)'/g)].map((m) => m[1]!);
  if (paths.length === 0 || paths.length !== list.split('load:').length - 1)
    throw new Error('src/app/pages.ts: cannot read the paths of `pages`; update pagePaths() to its new form');
  return paths;
}

/** Each console page once; the catch-all is visited at a path no page has. */
export function consoleRoutes(values: ParamValues): Route[] {
  return pagePaths().map((p) =>
    p === '*'
      ? { label: 'page * (an unknown path)', url: '/no-such-page' }
      : { label: `page /${p}`, url: `/${fill(p, values)}` },
  );
}

/** Each embed view in a theme, and one unknown view. */
export function embedRoutes(values: ParamValues, theme: Theme): Route[] {
  return [...embedPaths, '/embed/no-such-view'].map((p) => ({
    label: `embed ${p}`,
    url: `${fill(p, values)}?theme=${theme}`,
  }));
}

/**
 * Waits until the page's requests have settled (lazy chunks, their styles, the first answers), as far as a page
 * that polls ever does: a page that keeps polling moves on after a short while.
 */
export async function settle(page: Page) {
  await page.waitForLoadState('networkidle', { timeout: 1_500 }).catch(() => undefined);
}

export async function visitConsole(page: Page, route: Route) {
  await page.goto(route.url);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await settle(page);
}

export async function visitEmbed(page: Page, route: Route, theme: Theme) {
  await page.goto(route.url);
  await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /\bdark\b/ : /^(?![\s\S]*\bdark\b)/);
  await expect(page.locator('#root')).not.toBeEmpty();
  await settle(page);
}

/** The console's own theme switch, and the system setting to match. */
export async function chooseTheme(page: Page, theme: Theme) {
  await page.emulateMedia({ colorScheme: theme });
  const button = page
    .getByRole('group', { name: 'Colour theme' })
    .getByRole('button', { name: theme === 'dark' ? 'Dark theme' : 'Light theme' });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expectTheme(page, theme);
}

export async function expectTheme(page: Page, theme: Theme) {
  if (theme === 'dark') await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  else await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
}

export async function logInAsRoot(page: Page) {
  await page.goto('/');
  await page.getByLabel('User name').fill('root');
  await page.getByLabel('Realm').selectOption('pam');
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
}

// ---------------------------------------------------------------------------------------------------------------
// Dialogs

export interface RecipeContext {
  page: Page;
  deck: Deck;
  values: ParamValues;
  theme: Theme;
}

export interface Recipe {
  name: string;
  /** the source files (from the repository's root) whose dialog this recipe opens */
  covers: string[];
  /** Opens the dialog from the UI, waits for it, and closes it again (leaving the data as it was). */
  open(ctx: RecipeContext): Promise<void>;
}

const tree = (page: Page) => page.getByRole('treegrid');
/** The snapshot rows of the content view's open groups. */
export const snapshotRows = (page: Page) => tree(page).locator('[role="row"][aria-level="2"]');

/** The content view with one guest's group open. */
export async function openGroup(page: Page, store: string, search: string, group: string, ns = ''): Promise<Locator> {
  await page.goto(`/datastores/${encodeURIComponent(store)}/content${ns ? `?ns=${encodeURIComponent(ns)}` : ''}`);
  await page.getByRole('searchbox').first().fill(search);
  const row = tree(page).getByRole('row').filter({ hasText: group }).and(tree(page).locator('[aria-level="1"]'));
  await expect(row).toBeVisible();
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
  await expect(snapshotRows(page).first()).toBeVisible();
  return row;
}

async function snapshotMenu(page: Page, item: string) {
  await snapshotRows(page)
    .first()
    .getByRole('button', { name: /^Actions for snapshot / })
    .click();
  await page.getByRole('menuitem', { name: item, exact: true }).click();
}

/**
 * What a spec checks of each dialog: `open` while it is shown and loaded, `closed` once it is gone. The crawl's
 * recipes call them for every dialog they open; a spec sets them with inspectDialogsWith(). `view`, where given,
 * is called at the views a recipe passes through that are not dialogs (the file browser's folders), with a name.
 */
export interface DialogHooks {
  open(page: Page, dialog: Locator): Promise<void>;
  closed(page: Page, dialog: Locator): Promise<void>;
  view?(page: Page, name: string): Promise<void>;
}
let hooks: DialogHooks | null = null;
export function inspectDialogsWith(h: DialogHooks | null) {
  hooks = h;
}

async function dialogShown(page: Page, dialog: Locator) {
  await expect(dialog).toBeVisible();
  await settle(page);
  await hooks?.open(page, dialog);
}

async function dialogGone(page: Page, dialog: Locator) {
  await expect(dialog).toBeHidden();
  await hooks?.closed(page, dialog);
}

/** Waits for the dialog, lets its content load, and cancels it. */
async function cancel(page: Page, dialog: Locator, button = 'Cancel') {
  await dialogShown(page, dialog);
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialogGone(page, dialog);
}

const content = 'src/features/content/actions';

/** The console's session as the page holds it: its CSRF token starts a task as the console would. */
async function startStoreVerify(page: Page, store: string) {
  await page.evaluate(async (name) => {
    const session = JSON.parse(sessionStorage.getItem('pbs-deck.session') ?? '{}') as { csrfToken?: string };
    const res = await fetch(`/api2/json/admin/datastore/${encodeURIComponent(name)}/verify?ignore-verified=0`, {
      method: 'POST',
      headers: { CSRFPreventionToken: session.csrfToken ?? '' },
      credentials: 'same-origin',
    });
    if (!res.ok) throw new Error(`verify: HTTP ${res.status} ${await res.text()}`);
  }, store);
}

export const recipes: Recipe[] = [
  {
    name: 'verify now',
    covers: [],
    async open({ page, values }) {
      await openGroup(page, values.store!, 'pve-gw', 'vm/100');
      await snapshotMenu(page, 'Verify now');
      await expect(snapshotRows(page).first().getByRole('status')).toContainText('Verification');
    },
  },
  {
    name: 'protect',
    covers: [],
    async open({ page, values }) {
      await openGroup(page, values.store!, 'pve-gw', 'vm/100');
      const first = snapshotRows(page).first();
      await snapshotMenu(page, 'Protect');
      await expect(first.getByText('Protected')).toBeAttached();
      await snapshotMenu(page, 'Remove protection');
      await expect(first.getByText('Protected')).toHaveCount(0);
    },
  },
  {
    name: 'forget',
    covers: [`${content}/forget-snapshot-dialog.tsx`],
    async open({ page, values }) {
      await openGroup(page, values.store!, 'pve-gw', 'vm/100');
      await snapshotMenu(page, 'Forget…');
      await cancel(page, page.getByRole('alertdialog', { name: /^Forget snapshot / }));
    },
  },
  {
    name: 'forget a group',
    covers: [`${content}/forget-group-dialog.tsx`],
    async open({ page, values }) {
      const group = await openGroup(page, values.store!, 'pve-gw', 'vm/100');
      await group.getByRole('button', { name: 'Actions for group vm/100' }).click();
      await page.getByRole('menuitem', { name: 'Forget group…' }).click();
      await cancel(page, page.getByRole('alertdialog', { name: /^Forget group vm\/100/ }));
    },
  },
  {
    name: 'bulk forget',
    covers: [`${content}/bulk-actions.tsx`],
    async open({ page, values }) {
      await openGroup(page, values.store!, 'web01', 'vm/101');
      for (let i = 0; i < 2; i++) await snapshotRows(page).nth(i).locator('[data-select-toggle]').click();
      const bar = page.getByRole('region', { name: 'Selected snapshots' });
      await expect(bar).toContainText('2 snapshots selected');
      await bar.getByRole('button', { name: 'Forget…' }).click();
      await cancel(page, page.getByRole('alertdialog', { name: 'Forget 2 selected snapshots' }));
    },
  },
  {
    name: 'notes',
    covers: [`${content}/notes-dialog.tsx`],
    async open({ page, values }) {
      await openGroup(page, values.store!, 'web01', 'vm/101');
      await snapshotRows(page).first().click();
      const detail = page.getByRole('region', { name: /^Snapshot vm\/101\// });
      await detail.getByRole('button', { name: 'Edit notes' }).click();
      const editor = page.getByRole('dialog', { name: /^Notes of vm\/101\// });
      await editor.getByRole('textbox').fill('# Restore tested\n\n*checked* on the test host');
      await editor.getByRole('tab', { name: 'Preview' }).click();
      await expect(editor.getByRole('heading', { name: 'Restore tested' })).toBeVisible();
      await cancel(page, editor);
    },
  },
  {
    name: 'change owner',
    covers: [`${content}/change-owner-dialog.tsx`],
    async open({ page, values }) {
      const group = await openGroup(page, values.store!, 'web01', 'vm/101');
      await group.getByRole('button', { name: 'Actions for group vm/101' }).click();
      await page.getByRole('menuitem', { name: 'Change owner…' }).click();
      await cancel(page, page.getByRole('dialog', { name: 'Change owner of vm/101' }));
    },
  },
  {
    name: 'new namespace',
    covers: [`${content}/create-namespace-dialog.tsx`],
    async open({ page, values }) {
      await page.goto(`/datastores/${encodeURIComponent(values.store!)}/content`);
      await page.getByRole('button', { name: 'Actions for root namespace' }).click();
      await page.getByRole('menuitem', { name: 'New namespace here…' }).click();
      await cancel(page, page.getByRole('dialog', { name: 'New namespace in the root namespace' }));
    },
  },
  {
    name: 'delete a namespace',
    covers: [`${content}/delete-namespace-dialog.tsx`],
    async open({ page, values }) {
      await page.goto(`/datastores/${encodeURIComponent(values.store!)}/content?ns=prod%2Fdb`);
      await page.getByRole('button', { name: 'Actions for namespace prod/db' }).click();
      await page.getByRole('menuitem', { name: 'Delete namespace…' }).click();
      await cancel(page, page.getByRole('alertdialog', { name: 'Delete namespace prod/db?' }));
    },
  },
  {
    name: 'prune',
    covers: ['src/features/prune/prune-group-dialog.tsx'],
    async open({ page, values }) {
      await page.goto(`/datastores/${encodeURIComponent(values.store!)}`);
      const preview = page.getByRole('region', { name: 'Prune preview' });
      await preview.getByLabel('Group (root namespace)').selectOption('vm/100');
      await preview.getByLabel('Keep last').fill('2');
      await expect(preview.getByText("The server's dry run agrees with the local preview.")).toBeVisible();
      await preview.getByRole('button', { name: 'Prune vm/100 now' }).click();
      await cancel(page, page.getByRole('alertdialog', { name: 'Prune group vm/100?' }));
    },
  },
  {
    name: 'GC schedule',
    covers: ['src/features/gc/edit-gc-schedule-button.tsx'],
    async open({ page, values }) {
      await page.goto('/jobs');
      await page.getByRole('button', { name: `Edit garbage collection schedule of ${values.store!}` }).click();
      await cancel(
        page,
        page.getByRole('dialog', { name: `Garbage collection schedule of ${values.store!}` }),
        'Close',
      );
    },
  },
  {
    name: 'add a verify job',
    covers: ['src/features/verify/verify-job-dialogs.tsx'],
    async open({ page, values }) {
      await page.goto(`/datastores/${encodeURIComponent(values.store!)}/jobs`);
      await page.getByRole('button', { name: 'Add verify job' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add verify job' });
      await dialog.getByLabel('Schedule', { exact: true }).fill('fri 18:15');
      await dialog.getByText('Next 10 runs').click();
      await expect(dialog.getByRole('table', { name: 'Next runs of fri 18:15' })).toBeVisible();
      await cancel(page, dialog);
    },
  },
  {
    name: 'add a prune job',
    covers: ['src/features/prune/prune-job-dialog.tsx'],
    async open({ page, values }) {
      await page.goto(`/datastores/${encodeURIComponent(values.store!)}`);
      await page.getByRole('region', { name: 'Prune jobs' }).getByRole('button', { name: 'Add prune job' }).click();
      await cancel(page, page.getByRole('dialog', { name: 'New prune job' }));
    },
  },
  {
    name: 'edit a verify job and a prune job',
    covers: ['src/features/verify/verify-job-dialogs.tsx', 'src/features/prune/prune-job-dialog.tsx'],
    async open({ page }) {
      await page.goto('/jobs');
      for (const kind of ['verify', 'prune']) {
        // the rows may still reorder as the job lists arrive: the button is clicked by the name read
        const edit = page.getByRole('button', { name: new RegExp(`^Edit ${kind} job `) }).first();
        const name = (await edit.getAttribute('aria-label')) ?? '';
        await page.getByRole('button', { name, exact: true }).click();
        await cancel(page, page.getByRole('dialog', { name }));
      }
    },
  },
  {
    name: 'remove a verify job and a prune job',
    covers: ['src/features/verify/delete-verify-job-button.tsx', 'src/features/prune/remove-job-dialog.tsx'],
    async open({ page }) {
      await page.goto('/jobs');
      for (const kind of ['verify', 'prune']) {
        const remove = page.getByRole('button', { name: new RegExp(`^Remove ${kind} job `) }).first();
        const name = (await remove.getAttribute('aria-label')) ?? '';
        await page.getByRole('button', { name, exact: true }).click();
        await cancel(page, page.getByRole('alertdialog', { name: `${name}?` }));
      }
    },
  },
  {
    name: 'restore, with the Proxmox VE login first',
    covers: ['src/features/restore/guest-restore-dialog.tsx'],
    async open({ page, values }) {
      await openGroup(page, values.store!, 'web01', 'vm/101');
      await snapshotRows(page).first().click();
      await page
        .getByRole('region', { name: /^Snapshot vm\/101\// })
        .getByRole('link', { name: 'Restore…' })
        .click();
      const dialog = page.getByRole('dialog', { name: /^Restore VM 101 from / });
      await expect(dialog.getByRole('heading', { name: 'Log in to Proxmox VE' })).toBeVisible();
      await settle(page);
      await dialog.getByRole('textbox', { name: 'User name' }).fill('root@pam');
      await dialog.getByLabel('Password').fill('demo');
      await dialog.getByRole('button', { name: 'Log in to Proxmox VE' }).click();
      await expect(dialog.getByText(/^Proxmox VE:/)).toHaveText('Proxmox VE: root@pam');
      await expect(dialog.getByTestId('restore-command')).toBeVisible();
      await dialogShown(page, dialog);
      // the next pass meets the login again
      await dialog.getByRole('button', { name: 'Log out of Proxmox VE' }).click();
      await expect(dialog.getByRole('heading', { name: 'Log in to Proxmox VE' })).toBeVisible();
      // the logout button is gone with its focus: Escape from inside the dialog closes it
      await dialog.getByRole('textbox', { name: 'User name' }).press('Escape');
      await dialogGone(page, dialog);
    },
  },
  {
    name: 'file browser',
    covers: [],
    async open({ page, values }) {
      await openGroup(page, values.store!, 'ct/110', 'ct/110');
      await snapshotRows(page).first().click();
      await page.getByRole('link', { name: 'Browse root.pxar.didx' }).click();
      await expect(page.getByRole('treegrid', { name: 'Directories of root.pxar.didx' })).toBeVisible();
      await expect(page.getByRole('grid', { name: 'Contents of root' })).toBeVisible();
      await settle(page);
      await hooks?.view?.(page, 'file browser: the top of root.pxar.didx');
      await page
        .getByRole('grid', { name: 'Contents of root' })
        .getByRole('button', { name: 'etc', exact: true })
        .click();
      await expect(page.getByRole('grid', { name: 'Contents of etc' })).toBeVisible();
      await page.getByRole('searchbox', { name: 'Search files by name' }).fill('sshd_config');
      await expect(page.getByRole('grid', { name: 'Files named like “sshd_config”' })).toBeVisible();
      await settle(page);
    },
  },
  {
    name: 'a large download into memory',
    covers: ['src/features/restore/downloads-panel.tsx'],
    async open({ page, values }) {
      await openGroup(page, values.store!, 'pve-gw', 'vm/100');
      // Without the save picker (as in Firefox or Safari) the page would hold the whole disk image in memory.
      await page.evaluate(() => {
        delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
      });
      await snapshotRows(page).first().click();
      await page.getByRole('link', { name: 'Download drive-scsi0.img.fidx' }).click();
      await page
        .getByRole('region', { name: 'Download whole files' })
        .getByRole('button', { name: 'Download drive-scsi0.img.fidx' })
        .click();
      await cancel(page, page.getByRole('dialog', { name: 'Download a large file into memory?' }));
    },
  },
  {
    name: 'task panel',
    covers: ['src/features/tasks/task-panel.tsx'],
    async open({ page }) {
      await page.goto('/tasks');
      const link = page
        .getByRole('main')
        .getByRole('link', { name: /^(Verify|Garbage|Prune|Sync|Backup)/ })
        .first();
      const name = (await link.textContent()) ?? '';
      await link.click();
      const panel = page.getByRole('dialog', { name });
      await expect(panel.getByRole('region', { name: 'Task log lines' })).toBeVisible();
      await cancel(page, panel, 'Close task');
    },
  },
  {
    name: 'failed jobs',
    covers: ['src/features/tasks/failure-indicator.tsx'],
    async open({ page, deck, values }) {
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
      const indicator = page.getByRole('button', { name: /^\d+ failed jobs?, not yet seen$/ });
      if ((await indicator.count()) === 0) {
        await deck.sim('faults', { corruptChunks: { store: values.store!, count: 2 } });
        await startStoreVerify(page, values.store!);
        await deck.sim('clock', { advance: 6 * 3600 });
      }
      await indicator.click();
      const failures = page.getByRole('dialog', { name: /failed jobs?$/ });
      await expect(failures.getByRole('link').first()).toBeVisible();
      await dialogShown(page, failures);
      // left unseen, for the next pass
      await page.keyboard.press('Escape');
      await dialogGone(page, failures);
    },
  },
  {
    name: 'relogin',
    covers: ['src/app/relogin-dialog.tsx'],
    async open({ page, deck, values }) {
      await page.goto(`/datastores/${encodeURIComponent(values.store!)}`);
      await expect(page.getByTestId('chart').first()).toBeVisible();
      await deck.sim('expire-tickets', {});
      await page.getByLabel('Timeframe').selectOption('week');
      const dialog = page.getByRole('alertdialog', { name: /session has ended/i });
      await expect(dialog).toBeVisible({ timeout: 15_000 });
      await dialogShown(page, dialog);
      await dialog.getByLabel('Password').fill('demo');
      await dialog.getByRole('button', { name: 'Log in' }).click();
      await dialogGone(page, dialog);
    },
  },
  {
    name: 'log in with TOTP',
    covers: [],
    async open({ page, theme }) {
      await page.goto('/');
      await page.getByRole('button', { name: /^User menu, logged in as / }).click();
      await page.getByRole('menuitem', { name: 'Log out' }).click();
      await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
      await expectTheme(page, theme);
      await page.getByLabel('User name').fill('totp');
      await page.getByLabel('Realm').selectOption('pbs');
      await page.getByLabel('Password').fill('demo');
      await page.getByRole('button', { name: 'Log in' }).click();
      const code = page.getByLabel('TOTP code');
      await expect(code).toBeVisible();
      // a code that is not the current one: PBS refuses it, and a real code may be used only once
      await code.fill(totp('JBSWY3DPEHPK3PXP') === '000000' ? '111111' : '000000');
      await page.getByRole('button', { name: 'Confirm' }).click();
      await expect(page.getByRole('alert')).toBeVisible();
      await settle(page);
      await logInAsRoot(page);
    },
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Which source files render a dialog

const DIALOG_USE = [
  // the console's shared dialog
  /from '@\/components\/ui\/dialog'/,
  // react-aria's own dialog and modal, as a panel or a popover
  /import\s*{[^}]*\b(Dialog|Modal|ModalOverlay)\b[^}]*}\s*from 'react-aria-components'/,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'mocks' || d.name === 'testing' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [full] : [];
  });
}

/** Files of src/ (from the repository's root) that render a dialog; the dialog component itself is not one. */
export function dialogSources(): string[] {
  return sourceFiles(path.join(root, 'src'))
    .map((f) => path.relative(root, f).split(path.sep).join('/'))
    .filter((f) => f !== 'src/components/ui/dialog.tsx')
    .filter((f) => DIALOG_USE.some((re) => re.test(readFileSync(path.join(root, f), 'utf8'))))
    .sort();
}

/** Dialog files no recipe opens. */
export function uncoveredDialogs(): string[] {
  const covered = new Set(recipes.flatMap((r) => r.covers));
  return dialogSources().filter((f) => !covered.has(f));
}
