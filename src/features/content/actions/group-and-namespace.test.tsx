import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupTestServer } from '@/test/render-app';
import { GroupActions } from './group-actions';
import { GroupUploadChart } from './group-upload-chart';
import { NamespaceActions } from './namespace-actions';
import { granted, renderAction } from './test-wrapper';

const t = setupTestServer({ seed: 7, historyDays: 20 });
const ALL = granted();

describe('group owner', () => {
  it('shows PBS refusing an owner that does not exist, then changes it', async () => {
    await t.loginAs('root@pam');
    const group = t.sim.listGroups('store1').find((g) => g['backup-id'] === '102')!;
    renderAction(<GroupActions store="store1" ns="" permissions={ALL} group={group} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Actions for group vm/102' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Change owner…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change owner of vm/102' });
    const box = within(dialog).getByRole('textbox', { name: /New owner/ });
    await user.clear(box);
    await user.type(box, 'not an id');
    expect(within(dialog).getByRole('button', { name: 'Change owner' })).toBeDisabled();
    await user.clear(box);
    await user.type(box, 'ghost@pbs');
    await user.click(within(dialog).getByRole('button', { name: 'Change owner' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent("user 'ghost@pbs' is inactive or non-existent");
    await user.clear(box);
    await user.type(box, 'audit@pbs');
    await user.click(within(dialog).getByRole('button', { name: 'Change owner' }));
    await waitFor(() => expect(t.sim.owner('store1', '', 'vm', '102')).toBe('audit@pbs'));
  });
});

describe('namespace actions', () => {
  it('creates a namespace below the current one', async () => {
    await t.loginAs('root@pam');
    const onCreated = vi.fn();
    renderAction(
      <NamespaceActions
        store="store1"
        ns="lab"
        permissions={granted(undefined, 'root@pam', 'lab')}
        onCreated={onCreated}
      />,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Actions for namespace lab' }));
    await user.click(await screen.findByRole('menuitem', { name: 'New namespace here…' }));
    const dialog = await screen.findByRole('dialog', { name: 'New namespace in lab' });
    await user.type(within(dialog).getByRole('textbox'), 'scratch');
    await user.click(within(dialog).getByRole('button', { name: 'Create namespace' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith('lab/scratch'));
    expect(t.sim.listNamespaces('store1').map((n) => n.ns)).toContain('lab/scratch');
  });

  it('shows PBS refusing to delete a namespace that still holds groups, then deletes it with them', async () => {
    await t.loginAs('root@pam');
    const onDeleted = vi.fn();
    renderAction(
      <NamespaceActions
        store="store1"
        ns="prod/db"
        permissions={granted(undefined, 'root@pam', 'prod/db')}
        onDeleted={onDeleted}
      />,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Actions for namespace prod/db' }));
    // PBS checks the removal on the parent namespace, asked for separately
    const remove = await screen.findByRole('menuitem', { name: /^Delete namespace…/ });
    await waitFor(() => expect(remove).not.toHaveAttribute('aria-disabled'));
    await user.click(remove);
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete namespace prod/db?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete namespace' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'only partially deleted due to existing groups but `delete-groups` not true',
    );
    await user.click(within(dialog).getByRole('checkbox'));
    const confirm = within(dialog).getByRole('button', { name: 'Delete namespace' });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByRole('textbox', { name: /to confirm/ }), 'prod/db');
    await user.click(confirm);
    await waitFor(() => expect(onDeleted).toHaveBeenCalledWith('prod'));
    expect(t.sim.listNamespaces('store1').map((n) => n.ns)).not.toContain('prod/db');
  });

  it('never offers to delete the root namespace', async () => {
    await t.loginAs('root@pam');
    renderAction(<NamespaceActions store="store1" ns="" permissions={ALL} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Actions for root namespace' }));
    const menu = await screen.findByRole('menu');
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((m) => m.textContent),
    ).toEqual(['Verify root namespace now', 'New namespace here…']);
  });
});

describe('group upload chart', () => {
  it("draws the chart of a group the user's token owns from Datastore.Backup alone", async () => {
    // a new user and a group handed over: the next tests get the seed's simulator back
    onTestFinished(() => t.host.reset());
    t.host.auth.addUser({ userid: 'ops@pbs', password: 'demo', enable: true, expire: 0 });
    t.host.auth.addAcl({ path: '/datastore/store1', ugid: 'ops@pbs', roleid: 'DatastoreBackup', propagate: true });
    t.host.auth.addToken({ tokenid: 'ops@pbs!nightly', secret: 'x', enable: true, expire: 0 });
    t.sim.changeOwner('store1', '', 'ct', '110', 'ops@pbs!nightly');
    await t.loginAs('ops@pbs');
    const group = t.sim.listGroups('store1').find((g) => g['backup-id'] === '110')!;
    renderAction(
      <GroupUploadChart store="store1" ns="" permissions={granted(['Datastore.Backup'], 'ops@pbs')} group={group} />,
    );
    expect(
      await screen.findByRole(
        'img',
        { name: /^New bytes per backup of ct\/110, last \d+ backups$/ },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    // another's group: Datastore.Backup alone does not read its manifests
    const other = t.sim.listGroups('store1').find((g) => g['backup-id'] === '102')!;
    renderAction(
      <GroupUploadChart store="store1" ns="" permissions={granted(['Datastore.Backup'], 'ops@pbs')} group={other} />,
    );
    expect(
      screen.getByText(
        'New bytes per backup unknown: reading manifests: Needs Datastore.Read on /datastore/store1, or Datastore.Backup there and ownership of the group.',
      ),
    ).toBeInTheDocument();
  });

  it('draws new bytes per backup from the manifests', async () => {
    await t.loginAs('root@pam');
    const group = t.sim.listGroups('store1').find((g) => g['backup-id'] === '110')!;
    renderAction(<GroupUploadChart store="store1" ns="" permissions={ALL} group={group} />);
    expect(
      await screen.findByRole(
        'img',
        { name: /^New bytes per backup of ct\/110, last \d+ backups$/ },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
  });
});
