/*
 * Hostile data in every free-text field the console shows: the corpus (src/mocks/sim/hostile-corpus.ts) is planted
 * with POST /__sim/hostile, then the spec visits every console page and embed view, opens the dialogs and views where
 * the fields show through the crawler's recipes, and the few views no recipe reaches. At every stop nothing of the
 * corpus ran (window.__pwned in every frame, requests to /__pwned) and no CSP violation fired; where a field shows,
 * its payloads are on screen as text. What it found renders the "Hostile data" section of docs/reliability.md
 * (UPDATE_DOCS=1, or `npm run docs:update`, rewrites it).
 */
import { resolve } from 'node:path';
import type { Locator } from '@playwright/test';
import { test, expect, quietNoon } from './fixtures';
import {
  CspWatch,
  consoleRoutes,
  describeViolation,
  embedRoutes,
  inspectDialogsWith,
  logInAsRoot,
  openGroup,
  paramValues,
  recipes,
  root,
  settle,
  snapshotRows,
  visitConsole,
  visitEmbed,
} from './crawler';
import { PwnedWatch, inspectStop, screenText, type Expected } from './hostile-watch';
import { renderHostileSection } from './hostile-doc';
import { RELIABILITY_DOC, sectionCheck } from '../../src/test/reliability/doc-sections';
import { HOSTILE_CORPUS, HOSTILE_FIELDS, type HostileField } from '../../src/mocks/sim/hostile-corpus';
import type { HostilePlacement } from '../../src/mocks/sim/hostile-plant';

// wide enough for every column of the content tree (the owner's among them)
test.use({ viewport: { width: 1920, height: 1080 } });

interface Planted {
  planted: Record<HostileField, number>;
  total: number;
  placements: HostilePlacement[];
}

const V = {
  dashboard: '/ (dashboard)',
  summary: (store: string) => `/datastores/${store}`,
  content: '/datastores/store1/content',
  storeJobs: '/datastores/store1/jobs',
  guests: '/guests',
  jobs: '/jobs',
  tasks: '/tasks',
  task: '/tasks/<UPID of the task holding the log lines>',
  embedTasks: '/embed/tasks',
  group: 'content of store1 with group vm/102 open',
  snapshot: "details of vm/102's newest snapshot",
  groupNotes: 'notes of group vm/102, Preview tab',
  restore:
    "restore of vm/101's newest snapshot into Proxmox VE (dialog; the target VMID set to each named guest in turn)",
  files: "file browser, top of ct/110's root.pxar.didx",
};

/** Where each field must be on screen as text; `ids` omitted: all its payloads. */
const EXPECTED: Expected[] = [
  { view: V.summary('store1'), field: 'datastore-comment', ids: ['ds-script'] },
  { view: V.summary('offsite'), field: 'datastore-comment', ids: ['ds-img'] },
  { view: V.summary('archive'), field: 'datastore-comment', ids: ['ds-attr'] },
  { view: V.content, field: 'group-comment' },
  { view: V.guests, field: 'group-comment' },
  // the prune preview's group choice
  { view: V.summary('store1'), field: 'group-comment' },
  { view: V.groupNotes, field: 'group-notes' },
  { view: V.group, field: 'snapshot-comment' },
  { view: V.snapshot, field: 'snapshot-comment', ids: ['sc-script'] },
  { view: V.snapshot, field: 'snapshot-notes' },
  { view: V.content, field: 'owner' },
  { view: V.guests, field: 'owner' },
  { view: V.dashboard, field: 'worker-id' },
  { view: V.tasks, field: 'worker-id' },
  { view: V.task, field: 'worker-id', ids: ['wi-script'] },
  // failures only: every hostile task but the one holding the log lines failed
  { view: V.embedTasks, field: 'worker-id', ids: ['wi-img', 'wi-quote', 'wi-jsurl', 'wi-long'] },
  { view: V.task, field: 'task-log' },
  { view: V.files, field: 'file-name' },
  { view: V.jobs, field: 'job-comment' },
  { view: V.storeJobs, field: 'job-comment', ids: ['jc-img', 'jc-angular'] },
  { view: V.summary('store1'), field: 'job-comment', ids: ['jc-angular'] },
  { view: V.summary('offsite'), field: 'job-comment', ids: ['jc-iframe'] },
  { view: V.restore, field: 'pve-guest-name' },
  { view: V.restore, field: 'pve-storage-name' },
];

/**
 * The crawler's recipes whose dialogs or views show a field of the corpus: the prune preview's group choice (group
 * comments), the job forms (job comments), the restore dialog (PVE guest and storage names), the file browser (file
 * names). The others open dialogs of groups and tasks that hold none.
 */
const RECIPES = [
  'prune',
  'edit a verify job and a prune job',
  'restore, with the Proxmox VE login first',
  'file browser',
];

/** The console page's view name: its path, the task page by what it shows. */
const pageView = (label: string, url: string) =>
  label === 'page /tasks/:upid' ? V.task : url === '/' ? V.dashboard : url;

test('hostile text in every free-text field is shown as text: nothing runs, no CSP violation', async ({
  page,
  deck,
}) => {
  // some 40 stops on a busy two-core machine: two to four minutes
  test.setTimeout(480_000);
  await quietNoon(deck);
  const planted = (await deck.sim('hostile', {})) as Planted;
  expect(planted.total).toBe(HOSTILE_CORPUS.length);
  const placed = (field: HostileField) => planted.placements.filter((p) => p.field === field);
  const csp = await CspWatch.on(page);
  const pwned = new PwnedWatch(page.context());
  const seen = new Map<string, string[]>();
  const stop = (view: string, only?: string[]) => inspectStop(page, view, EXPECTED, pwned, seen, only);
  let where = 'start';
  const step = async (label: string, run: () => Promise<void>) => {
    where = label;
    csp.at(label);
    pwned.at(label);
    await test.step(label, run);
  };

  await step('probe', async () => {
    // The checks can fail: a value set in the page, a request to /__pwned and a refused style are each caught.
    await page.goto('/');
    await page.evaluate(() => {
      (window as unknown as { __pwned?: string }).__pwned = 'probe';
    });
    await pwned.check(page);
    await page.evaluate(() => fetch('/__pwned?probe').catch(() => undefined));
    await expect
      .poll(() => pwned.found)
      .toEqual(['probe: window.__pwned = "probe"', expect.stringMatching(/^probe: request .*\/__pwned\?probe$/)]);
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body { outline: 1px solid red }';
      document.head.append(style);
    });
    await expect.poll(() => csp.found.map((v) => `${v.via} ${v.directive}`)).toContain('event style-src-elem');
    // and markup the page parsed is not text on screen: only its words are
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<b id="hx-probe">hx probe</b>'));
    const text = await screenText(page);
    expect(text).toContain('hx probe');
    expect(text).not.toContain('<b id="hx-probe">');
    pwned.found.length = 0;
    csp.found.length = 0;
  });

  await step('login', () => logInAsRoot(page));
  const values = { ...(await paramValues(page)), upid: placed('task-log')[0]!.place.upid! };

  inspectDialogsWith({
    async open(_page, dialog) {
      if (!/^Restore (VM|CT) /.test(await dialogName(dialog))) return stop(`${where} (dialog)`);
      // each named guest shows once the target VMID is its id
      for (const g of placed('pve-guest-name')) {
        await dialog.getByRole('textbox', { name: 'Target VMID' }).fill(String(g.place.vmid));
        await stop(V.restore, [g.id]);
      }
    },
    async closed(p) {
      await pwned.check(p);
    },
    async view(_p, name) {
      await stop(name === 'file browser: the top of root.pxar.didx' ? V.files : `${where}: ${name}`);
    },
  });

  const routes = consoleRoutes(values);
  for (const route of routes)
    await step(route.label, async () => {
      await visitConsole(page, route);
      await stop(pageView(route.label, route.url));
    });
  for (const store of ['offsite', 'archive']) {
    const route = consoleRoutes({ ...values, store }).find((r) => r.label === 'page /datastores/:store')!;
    await step(`${route.label} (${store})`, async () => {
      await visitConsole(page, route);
      await stop(V.summary(store));
    });
  }
  const embeds = embedRoutes(values, 'light');
  for (const route of embeds)
    await step(route.label, async () => {
      await visitEmbed(page, route, 'light');
      await stop(route.label.replace(/^embed /, ''));
    });

  await step('group vm/102', async () => {
    await openGroup(page, 'store1', 'vm/102', 'vm/102');
    await stop(V.group);
    await snapshotRows(page).first().click();
    await expect(page.getByRole('region', { name: /^Snapshot vm\/102\// })).toBeVisible();
    await settle(page);
    await stop(V.snapshot);
    await page.getByRole('button', { name: 'Actions for group vm/102' }).click();
    await page.getByRole('menuitem', { name: 'Edit group notes' }).click();
    const notes = page.getByRole('dialog', { name: 'Notes of group vm/102' });
    await notes.getByRole('tab', { name: 'Preview' }).click();
    await stop(V.groupNotes);
    await notes.getByRole('button', { name: 'Cancel' }).click();
    await expect(notes).toBeHidden();
  });

  const visited = recipes.filter((r) => RECIPES.includes(r.name));
  expect(
    visited.map((r) => r.name),
    'the recipes, by name',
  ).toEqual(RECIPES);
  for (const recipe of visited)
    await step(`dialog ${recipe.name}`, async () => {
      await recipe.open({ page, deck, values, theme: 'light' });
      await pwned.check(page);
    });
  inspectDialogsWith(null);

  expect(pwned.found, 'what ran of the hostile corpus').toEqual([]);
  expect(csp.found.map(describeViolation), 'Content Security Policy violations').toEqual([]);
  // every field shows somewhere, but the namespace comment, which the console does not show
  for (const field of HOSTILE_FIELDS) {
    const ids = new Set(HOSTILE_CORPUS.filter((p) => p.field === field).map((p) => p.id));
    const anywhere = [...seen.values()].some((found) => found.some((id) => ids.has(id)));
    expect(anywhere, `a payload of ${field} shown as text somewhere`).toBe(field !== 'namespace-comment');
  }

  const section = renderHostileSection({
    placements: planted.placements,
    expected: EXPECTED,
    seen,
    ran: pwned.found,
    violations: csp.found.map(describeViolation),
    stops: { pages: routes.length, embeds: embeds.length, recipes: RECIPES, more: 5 },
  });
  const { committed, expected } = sectionCheck(resolve(root, RELIABILITY_DOC), 'hostile', section);
  expect(
    committed,
    'docs/reliability.md is not what the hostile-data test found: run `npm run docs:update` and commit the file',
  ).toBe(expected);
});

const dialogName = (dialog: Locator) =>
  dialog.evaluate((el) => {
    const by = el.getAttribute('aria-labelledby');
    return (by ? document.getElementById(by)?.textContent : el.textContent) ?? '';
  });
