import { act, screen, waitFor, within } from '@testing-library/react';
import { treeRow } from '@/test/tree-row';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { giveElementsASize } from '@/test/element-size';
import { renderApp, setupTestServer } from '@/test/render-app';

// What each user is offered in a datastore's content, as PBS's privileges on the namespace in view decide.
// Not swept: what is offered follows users, ACLs and owners, none of which depend on when the simulator starts.
const t = setupTestServer();
beforeEach(() => t.host.reset());
vi.setConfig({ testTimeout: 60_000 });

giveElementsASize();

const tree = () => screen.findByRole('treegrid', {}, { timeout: 15_000 });
const groupRow = async (name: string) => treeRow(await tree(), name);

function addUser(userid: string, acl: [path: string, role: string][]) {
  t.host.auth.addUser({ userid, password: 'demo', enable: true, expire: 0 });
  for (const [path, roleid] of acl) t.host.auth.addAcl({ path, ugid: userid, roleid, propagate: true });
}

describe('what the content view offers', () => {
  it('offers the audit user no restore and no row actions, and says what restoring needs', async () => {
    const newest = t.sim.listSnapshots('store1', '', 'vm', '100').at(-1)!;
    await t.loginAs('audit@pbs');
    renderApp(`/datastores/store1/content?detail=${encodeURIComponent(`:vm/100/${newest['backup-time']}`)}`);
    const detail = await screen.findByRole('region', { name: /^Snapshot vm\/100\// }, { timeout: 15_000 });
    expect(
      await within(detail).findByText(
        'Restoring: Needs Datastore.Read on /datastore/store1, or Datastore.Backup there and ownership of the group.',
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(within(detail).queryByRole('link', { name: 'Restore…' })).toBeNull();
    const row = await groupRow('vm/100');
    expect(within(row).queryByRole('button', { name: /^Actions for/ })).toBeNull();
    expect(screen.queryByRole('menuitem', { name: /Forget/ })).toBeNull();
  });

  it('offers the admin Restore… and Forget', async () => {
    const newest = t.sim.listSnapshots('store1', '', 'vm', '100').at(-1)!;
    await t.loginAs('root@pam');
    renderApp(`/datastores/store1/content?detail=${encodeURIComponent(`:vm/100/${newest['backup-time']}`)}`);
    const detail = await screen.findByRole('region', { name: /^Snapshot vm\/100\// }, { timeout: 15_000 });
    expect(await within(detail).findByRole('link', { name: 'Restore…' }, { timeout: 10_000 })).toBeInTheDocument();
    const row = await groupRow('vm/100');
    const user = userEvent.setup();
    await user.click(await within(row).findByRole('button', { name: 'Actions for group vm/100' }));
    expect(await screen.findByRole('menuitem', { name: 'Forget group…' })).not.toHaveAttribute('aria-disabled');
  });

  it('shows why a namespace with NoAccess shows nothing, though the datastore above is granted', async () => {
    addUser('lab@pbs', [
      ['/datastore/store1', 'DatastoreAdmin'],
      ['/datastore/store1/prod', 'NoAccess'],
    ]);
    await t.loginAs('lab@pbs');
    renderApp('/datastores/store1/content?ns=prod');
    const alert = await screen.findByRole('alert', {}, { timeout: 15_000 });
    expect(alert).toHaveTextContent('No access to this namespace');
    expect(alert).toHaveTextContent(
      'You hold no privilege on /datastore/store1/prod: viewing its content needs Datastore.Audit there, or Datastore.Backup for your own groups.',
    );
    expect(within(alert).getByRole('link', { name: 'Back to the parent namespace' })).toHaveAttribute(
      'href',
      '/datastores/store1/content',
    );
    expect(screen.queryByRole('treegrid')).toBeNull();
  });

  it("counts a group owned by the user's own token as the user's", async () => {
    addUser('ops@pbs', [['/datastore/store1', 'DatastoreBackup']]);
    t.host.auth.addToken({ tokenid: 'ops@pbs!nightly', secret: 'x', enable: true, expire: 0 });
    t.sim.changeOwner('store1', '', 'vm', '100', 'ops@pbs!nightly');
    await t.loginAs('ops@pbs');
    renderApp('/datastores/store1/content');
    const row = await groupRow('vm/100');
    const user = userEvent.setup();
    await user.click(await within(row).findByRole('button', { name: 'Actions for group vm/100' }));
    // Datastore.Backup as the owner: verify, notes and owner changes between the user and its tokens
    for (const name of ['Verify group now', 'Edit group notes', 'Change owner…'])
      expect(await screen.findByRole('menuitem', { name })).not.toHaveAttribute('aria-disabled');
    // forgetting needs Datastore.Prune as the owner, which DatastoreBackup lacks
    const forget = screen.getByRole('menuitem', { name: /^Forget group…/ });
    expect(forget).toHaveAttribute('aria-disabled', 'true');
    expect(forget).toHaveAccessibleDescription(
      'Needs Datastore.Modify on /datastore/store1, or Datastore.Prune there and ownership of the group',
    );
  });

  it("shows a group owned by someone else's token to a Datastore.Backup user not at all", async () => {
    addUser('ops@pbs', [['/datastore/store1', 'DatastoreBackup']]);
    addUser('other@pbs', []);
    t.host.auth.addToken({ tokenid: 'other@pbs!nightly', secret: 'x', enable: true, expire: 0 });
    t.host.auth.addToken({ tokenid: 'ops@pbs!nightly', secret: 'y', enable: true, expire: 0 });
    t.sim.changeOwner('store1', '', 'vm', '100', 'ops@pbs!nightly');
    t.sim.changeOwner('store1', '', 'vm', '101', 'other@pbs!nightly');
    await t.loginAs('ops@pbs');
    renderApp('/datastores/store1/content');
    await groupRow('vm/100');
    const grid = await tree();
    expect(within(grid).queryByText('vm/101')).toBeNull();
  });
});

describe('the requests it costs', () => {
  it('asks about each namespace once per session, and nothing while the view is idle', async () => {
    vi.useFakeTimers({
      shouldAdvanceTime: true,
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
    const asked: string[] = [];
    let idle: number | null = null;
    const count = ({ request }: { request: Request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/access/permissions')) asked.push(url.searchParams.get('path') ?? '(all)');
      if (idle !== null) idle++;
    };
    t.server.events.on('request:start', count);
    try {
      await t.loginAs('root@pam');
      const { router } = renderApp('/datastores/store1/content');
      await groupRow('vm/100');
      await act(() => router.navigate('/datastores/store1/content?ns=prod'));
      await waitFor(() => expect(asked).toContain('/datastore/store1/prod'));
      await tree();
      await act(() => router.navigate('/datastores/store1/content'));
      await groupRow('vm/100');
      await act(() => vi.advanceTimersByTimeAsync(90_000));
      idle = 0;
      const before = asked.length;
      for (let minute = 0; minute < 3; minute++) await act(() => vi.advanceTimersByTimeAsync(60_000));
      expect(asked.slice(before)).toEqual([]);
      // the budget of DESIGN.md: at most 6 requests a minute while the user does nothing
      expect(idle / 3).toBeLessThanOrEqual(6);
      expect(asked.filter((p) => p.startsWith('/datastore/')).sort()).toEqual([
        '/datastore/store1',
        '/datastore/store1/prod',
      ]);
    } finally {
      t.server.events.removeListener('request:start', count);
      vi.useRealTimers();
    }
  });
});

describe('a refusal PBS does not explain', () => {
  it('names the privilege and the path when PBS answers only "permission check failed"', async () => {
    t.server.use(
      http.post('*/api2/json/admin/datastore/:store/gc', () =>
        HttpResponse.text('permission check failed', { status: 403 }),
      ),
    );
    await t.loginAs('root@pam');
    renderApp('/datastores/store1');
    const start = await screen.findByRole('button', { name: 'Start garbage collection' }, { timeout: 15_000 });
    await userEvent.setup().click(start);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Garbage collection did not start');
    expect(alert).toHaveTextContent(
      'Not allowed: starting garbage collection needs Datastore.Modify on /datastore/store1.',
    );
  });
});
