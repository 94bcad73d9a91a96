import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { browseHref } from '@/lib/catalog-path';
import {
  IDENTITIES,
  loginAsMatrixUser,
  NS,
  OWN,
  ROOTS,
  ROWS,
  snapshotTimes,
  uiExpected,
  type Actor,
  type GroupRef,
  type Identity,
  type Offered,
} from '@/test/permission-matrix';
import { giveElementsASize } from '@/test/element-size';
import { renderApp, setupTestServer } from '@/test/render-app';

// The permission matrix, UI half: each user identity, built as the API half builds it, logs in to the console, and
// each action's control is probed on the route that offers it. Offered: the control is there and enabled; not
// offered: absent, or disabled with the reason as its description. The expectation is the API half's hand-written
// cell (offered exactly when PBS allows), apart from the known console bugs listed in UI_MISMATCHES of
// src/mocks/permission-matrix-expected.ts (shared with the doc; empty now), each cell flipped there, none skipped.
// The token is judged on the API half only: the console cannot log in as one.
// Not swept: which control is offered follows users, ACLs and owners, none of which depend on when the simulator
// starts (the API half, src/mocks/permission-matrix.test.ts, is swept).
const t = setupTestServer();
vi.setConfig({ testTimeout: 180_000 });
giveElementsASize();

const USERS = IDENTITIES.filter((i) => !i.includes('!'));
type Verdicts = Record<string, Offered>;
type App = ReturnType<typeof renderApp>;

// The content rows load their action menus lazily with no fallback, so an absent menu would not tell "not
// offered" from "not loaded yet": loaded up front, the lazy components resolve within one act() flush.
beforeAll(async () => {
  await Promise.all([
    import('@/features/content/actions/group-actions'),
    import('@/features/content/actions/snapshot-actions'),
    import('@/features/content/actions/namespace-actions'),
    import('@/features/content/snapshot-detail'),
  ]);
});

/**
 * Waits until `anchor` shows, no query is in flight and no skeleton is left, even after flushing what React had
 * pending (a lazy component that resolved may start queries of its own).
 */
async function settled(app: App, what: string, anchor: () => HTMLElement | null) {
  for (;;) {
    await waitFor(
      () => {
        expect(anchor(), `${what}: ${document.body.textContent?.slice(0, 600)}`).not.toBeNull();
        expect(app.queryClient.isFetching()).toBe(0);
        // a lazy part still loading shows a skeleton
        expect(screen.queryAllByRole('status').filter((x) => x.textContent?.startsWith('Loading'))).toEqual([]);
      },
      { timeout: 20_000 },
    );
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    if (app.queryClient.isFetching() === 0) return;
  }
}

/** A control is offered when it is there and enabled; disabled, it must say why. */
function offeredControl(el: HTMLElement | null | undefined): boolean {
  if (!el) return false;
  const disabled = el.getAttribute('aria-disabled') === 'true' || (el as HTMLButtonElement).disabled === true;
  if (disabled) expect(el).toHaveAccessibleDescription(/\S/);
  return !disabled;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const iso = (epoch: number) => new Date(epoch * 1000).toISOString().replace('.000Z', 'Z');
const groupName = (g: GroupRef) => `${g.type}/${g.id}`;

/** The content view once it shows something: its tree, an empty namespace, or an error. */
const content = () =>
  screen.queryByRole('treegrid') ?? screen.queryByRole('alert') ?? screen.queryByText(/^No backups in this namespace/);

function rowOf(text: string): HTMLElement | undefined {
  const grid = screen.queryByRole('treegrid');
  if (!grid) return undefined;
  return within(grid)
    .queryAllByRole('row')
    .find((r) => r.hasAttribute('aria-level') && (r.textContent ?? '').includes(text));
}

/** The menu items of the row menu named `trigger`, each offered or not; all not offered when the menu is absent. */
async function menu(user: UserEvent, trigger: string, items: string[]): Promise<boolean[]> {
  const button = screen.queryByRole('button', { name: trigger });
  if (!button) return items.map(() => false);
  await user.click(button);
  const opened = await screen.findByRole('menu');
  const got = items.map((label) =>
    offeredControl(within(opened).queryByRole('menuitem', { name: new RegExp(`^${esc(label)}`) })),
  );
  await user.keyboard('{Escape}');
  await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
  return got;
}

/** The API half hands the group to root@pam: offered when the owner dialog accepts that owner. */
async function handsToRoot(user: UserEvent, group: string): Promise<boolean> {
  await user.click(screen.getByRole('button', { name: `Actions for group ${group}` }));
  await user.click(await screen.findByRole('menuitem', { name: 'Change owner…' }));
  const dialog = await screen.findByRole('dialog', { name: `Change owner of ${group}` });
  const field = within(dialog).getByLabelText(/^New owner/);
  await user.clear(field);
  await user.type(field, 'root@pam');
  // refused, the confirmation is disabled and the field says why
  const offered = within(dialog).getByRole('button', { name: 'Change owner' }).hasAttribute('disabled') === false;
  if (!offered) expect(field).toHaveAccessibleDescription(/Datastore\.Modify/);
  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  return offered;
}

const contentHref = (detail?: string) =>
  `/datastores/store1/content?ns=${NS}${detail ? `&detail=${encodeURIComponent(detail)}` : ''}`;
async function detailOf(actor: Actor, g: GroupRef) {
  const times = await snapshotTimes(actor.root, g);
  return { times, detail: `${NS}:${groupName(g)}/${times.newest}` };
}

/** Group actions, snapshot actions and the snapshot detail's links in `lab` of store1, for one pair of groups. */
async function probeGroups(user: UserEvent, app: App, actor: Actor, groups: typeof ROOTS, v: Verdicts, tag: string) {
  const { snap, forget } = groups;
  const { times, detail } = await detailOf(actor, snap);
  if (app.router.state.location.search !== new URL(contentHref(detail), 'http://x').search)
    await act(() => app.router.navigate(contentHref(detail)));
  await settled(app, 'the content', content);
  const [notes, ownerItem] = await menu(user, `Actions for group ${groupName(snap)}`, [
    'Edit group notes',
    'Change owner…',
  ]);
  const owner = ownerItem && (await handsToRoot(user, groupName(snap)));
  const [forgetGroup] = await menu(user, `Actions for group ${groupName(forget)}`, ['Forget group…']);
  v[`group notes (${tag})`] = notes!;
  v[`change group owner (${tag})`] = owner!;
  v[`forget group (${tag})`] = forgetGroup!;
  const open = screen.queryByRole('region', { name: new RegExp(`^Snapshot (.*/)?${esc(groupName(snap))}/`) });
  v[`download (${tag})`] = !!(open && within(open).queryByRole('link', { name: 'Download index.json.blob' }));
  v[`download-decoded (${tag})`] = !!(open && within(open).queryByRole('link', { name: 'Browse root.pxar.didx' }));
  // the group's snapshots are rows of its own once it is opened
  const row = rowOf(groupName(snap));
  if (row) {
    if (row.getAttribute('aria-expanded') !== 'true') await user.click(row);
    await waitFor(() => expect(row).toHaveAttribute('aria-expanded', 'true'));
    const level = String(Number(row.getAttribute('aria-level')) + 1);
    const snapshotRow = () => screen.queryAllByRole('row').find((r) => r.getAttribute('aria-level') === level) ?? null;
    await settled(app, 'the snapshots', snapshotRow);
  }
  const newest = `Actions for snapshot ${groupName(snap)}/${iso(times.newest)}`;
  const [protect, snapNotes] = await menu(user, newest, ['Protect', 'Edit notes']);
  const [forgetSnap] = await menu(user, `Actions for snapshot ${groupName(snap)}/${iso(times.oldest)}`, ['Forget…']);
  v[`protect snapshot (${tag})`] = protect!;
  v[`snapshot notes (${tag})`] = snapNotes!;
  v[`forget snapshot (${tag})`] = forgetSnap!;
}

async function probeContent(user: UserEvent, actor: Actor, v: Verdicts) {
  const app = renderApp(contentHref((await detailOf(actor, ROOTS.snap)).detail));
  await settled(app, 'the content', content);
  v['create namespace'] = (await menu(user, `Actions for namespace ${NS}`, ['New namespace here…']))[0]!;
  await probeGroups(user, app, actor, ROOTS, v, "root's group");
  const own = OWN[actor.id];
  if (own) await probeGroups(user, app, actor, own, v, 'own group');
  await act(() => app.router.navigate(`/datastores/store1/content?ns=${NS}/spare`));
  await settled(app, 'the content', content);
  v['delete namespace'] = (await menu(user, `Actions for namespace ${NS}/spare`, ['Delete namespace…']))[0]!;
  app.unmount();
}

async function probeBrowse(user: UserEvent, actor: Actor, v: Verdicts, g: GroupRef, tag: string) {
  const time = (await snapshotTimes(actor.root, g)).newest;
  const ref = { ns: NS, type: g.type, id: g.id, time, archive: 'root.pxar.didx' };
  const app = renderApp(`${browseHref('store1', ref)}&path=/etc`);
  await settled(
    app,
    'the browse page',
    () => screen.queryByRole('grid', { name: 'Contents of etc' }) ?? screen.queryByRole('alert'),
  );
  const etc = screen.queryByRole('grid', { name: 'Contents of etc' });
  let offered = false;
  if (etc) {
    await user.click(within(within(etc).getByRole('row', { name: /^hostname/ })).getByRole('checkbox'));
    offered = offeredControl(
      within(screen.getByRole('toolbar', { name: 'Download' })).queryByRole('button', { name: 'Download' }),
    );
  }
  v[`pxar-file-download (${tag})`] = offered;
  app.unmount();
}

let gcForm = false;
async function probeSummary(v: Verdicts) {
  const app = renderApp(`/datastores/store1?prune-ns=${NS}`);
  await settled(app, 'the prune preview', () => screen.queryByRole('region', { name: 'Prune preview' }));
  v['start GC'] = offeredControl(screen.queryByRole('button', { name: 'Start garbage collection' }));
  // the schedule is edited in place here, and with a button on the jobs page (the verdict below)
  gcForm = screen.queryByRole('form', { name: 'Garbage collection schedule' }) !== null;
  v['add prune job'] = offeredControl(screen.queryByRole('button', { name: 'Add prune job' }));
  app.unmount();
}

async function probePrune(user: UserEvent, v: Verdicts, g: GroupRef, tag: string) {
  const app = renderApp(`/datastores/store1?prune-ns=${NS}`);
  await settled(app, 'the prune preview', () => screen.queryByRole('region', { name: 'Prune preview' }));
  const preview = screen.getByRole('region', { name: 'Prune preview' });
  const select = within(preview).getByLabelText(`Group (namespace ${NS})`);
  let offered = false;
  if (within(select).queryByRole('option', { name: new RegExp(`^${esc(groupName(g))}`) })) {
    await user.type(within(preview).getByLabelText('Keep last'), '3');
    await user.selectOptions(select, groupName(g));
    const pruneNow = () => within(preview).queryByRole('button', { name: `Prune ${groupName(g)} now` });
    await settled(app, 'the preview', () => pruneNow() ?? within(preview).queryByText(/dry run needs the right/));
    offered = offeredControl(pruneNow());
  }
  v[`prune group (${tag})`] = offered;
  app.unmount();
}

async function probeJobs(v: Verdicts) {
  const app = renderApp('/datastores/store1/jobs');
  await settled(app, 'the jobs', () => screen.queryByRole('table') ?? screen.queryByText(/^No jobs/));
  const button = (name: string | RegExp) => offeredControl(screen.queryByRole('button', { name }));
  v['add verify job'] = button('Add verify job');
  v['run verify job'] = button(/^Run .*v-3fa2b1c9-7d10 now$/);
  v['edit verify job'] = button('Edit verify job v-3fa2b1c9-7d10');
  v['remove verify job'] = button('Remove verify job v-3fa2b1c9-7d10');
  v['run prune job'] = button(/^Run .*s-6b1f0c2e-a3d4 now$/);
  v['edit prune job'] = button('Edit prune job s-6b1f0c2e-a3d4');
  v['remove prune job'] = button('Remove prune job s-6b1f0c2e-a3d4');
  v['edit GC schedule'] = button('Edit garbage collection schedule of store1');
  app.unmount();
  // the sync job pulls into offsite: it is listed on the page of all jobs
  const all = renderApp('/jobs');
  await settled(all, 'all jobs', () => screen.queryByRole('table') ?? screen.queryByText(/^No jobs/));
  v['run sync job'] = button(/^Run .*s-branch-offsite now$/);
  all.unmount();
}

async function probeTask(v: Verdicts, upid: string, key: string) {
  expect(t.sim.taskStatus(upid).status).toBe('running');
  const app = renderApp(`/tasks/${encodeURIComponent(upid)}`);
  await settled(app, 'the task', () => screen.queryByRole('region', { name: 'Task details' }));
  v[key] = offeredControl(screen.queryByRole('button', { name: 'Stop task' }));
  app.unmount();
}

describe.each(USERS)('%s', (id: Identity) => {
  it('is offered in the console what PBS allows it', async () => {
    const actor = await loginAsMatrixUser(t, id);
    const user = userEvent.setup();
    const v: Verdicts = {};
    await probeContent(user, actor, v);
    const own = OWN[id];
    await probeBrowse(user, actor, v, ROOTS.snap, "root's group");
    await probePrune(user, v, ROOTS.snap, "root's group");
    if (own) {
      await probeBrowse(user, actor, v, own.snap, 'own group');
      await probePrune(user, v, own.snap, 'own group');
    }
    await probeSummary(v);
    await probeJobs(v);
    await probeTask(v, actor.ownTask, 'stop own task');
    await probeTask(v, actor.rootTask, "stop root@pam's task");
    expect(gcForm, 'the summary offers the GC schedule as the jobs page does').toBe(v['edit GC schedule']);
    for (const name of ROWS.map((r) => r.name)) v[name] ??= 'n/a';
    expect(v).toEqual(uiExpected(id));
  });
});
