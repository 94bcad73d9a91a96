import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SnapshotItem } from '@/api/schemas/content';
import { setupTestServer } from '@/test/render-app';
import { GroupActions } from './group-actions';
import { SnapshotActions } from './snapshot-actions';
import { granted, renderAction } from './test-wrapper';

const t = setupTestServer({ seed: 7, historyDays: 20 });
const ALL = granted();
const NONE = granted(['Datastore.Audit'], 'audit@pbs');

const newest = (type: 'vm' | 'ct', id: string): SnapshotItem => t.sim.listSnapshots('store1', '', type, id).at(-1)!;

describe('snapshot actions', () => {
  it('verifies a snapshot with a corrupt chunk: it fails and its log is one click away', async () => {
    await t.loginAs('root@pam');
    // enough damage that the newest snapshot of every guest references a bad chunk
    expect(t.sim.corruptChunks('store1', 600)).toBeGreaterThan(0);
    const snapshot = newest('vm', '100');
    renderAction(<SnapshotActions store="store1" ns="" permissions={ALL} snapshot={snapshot} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /^Actions for snapshot vm\/100\// }));
    await user.click(await screen.findByRole('menuitem', { name: 'Verify now' }));
    const link = await screen.findByRole('link', { name: 'Verification task log' });
    expect(decodeURIComponent(link.getAttribute('href') ?? '')).toMatch(
      /^\/tasks\/UPID:.*:verify_snapshot:store1\\x3a-vm-100-[0-9A-F]{8}:root@pam:$/,
    );
    t.sim.advance(3600);
    await waitFor(
      () =>
        expect(screen.getByRole('status')).toHaveTextContent(
          'Verification failed: verification failed - please check the log for details',
        ),
      { timeout: 10_000 },
    );
    const after = t.sim
      .listSnapshots('store1', '', 'vm', '100')
      .find((s) => s['backup-time'] === snapshot['backup-time']);
    expect(after?.verification?.state).toBe('failed');
  });

  it('protects and unprotects, and offers no forget while protected', async () => {
    await t.loginAs('root@pam');
    const user = userEvent.setup();
    const { unmount } = renderAction(
      <SnapshotActions store="store1" ns="" permissions={ALL} snapshot={newest('ct', '110')} />,
    );
    await user.click(screen.getByRole('button', { name: /^Actions for snapshot ct\/110\// }));
    await user.click(await screen.findByRole('menuitem', { name: 'Protect' }));
    await waitFor(() => expect(newest('ct', '110').protected).toBe(true));
    unmount();
    renderAction(<SnapshotActions store="store1" ns="" permissions={ALL} snapshot={newest('ct', '110')} />);
    await user.click(screen.getByRole('button', { name: /^Actions for snapshot ct\/110\// }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).queryByRole('menuitem', { name: 'Forget…' })).toBeNull();
    await user.click(within(menu).getByRole('menuitem', { name: 'Remove protection' }));
    await waitFor(() => expect(newest('ct', '110').protected).toBe(false));
  });

  it('forgets an unprotected snapshot after asking', async () => {
    await t.loginAs('root@pam');
    const user = userEvent.setup();
    const snapshot = newest('ct', '112');
    renderAction(<SnapshotActions store="store1" ns="" permissions={ALL} snapshot={snapshot} />);
    await user.click(screen.getByRole('button', { name: /^Actions for snapshot ct\/112\// }));
    await user.click(await screen.findByRole('menuitem', { name: 'Forget…' }));
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Forget snapshot' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(t.sim.listSnapshots('store1', '', 'ct', '112').map((s) => s['backup-time'])).not.toContain(
      snapshot['backup-time'],
    );
  });

  it('offers nothing to a user who may do nothing', async () => {
    await t.loginAs('audit@pbs');
    renderAction(<SnapshotActions store="store1" ns="" permissions={NONE} snapshot={newest('vm', '100')} />);
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('forget group', () => {
  it('asks for the group name, then keeps exactly the protected snapshot and shows PBS message', async () => {
    await t.loginAs('root@pam');
    const user = userEvent.setup();
    const group = t.sim.listGroups('store1').find((g) => g['backup-id'] === '104')!;
    const before = t.sim.listSnapshots('store1', '', 'vm', '104');
    const kept = before.filter((s) => s.protected);
    expect(kept).toHaveLength(1);
    renderAction(<GroupActions store="store1" ns="" permissions={ALL} group={group} />);
    await user.click(screen.getByRole('button', { name: 'Actions for group vm/104' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Forget group…' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Forget group vm/104 (dc01)?' });
    expect(
      await within(dialog).findByText(
        `${before.length - 1} snapshots of vm/104 will be removed for good, with their notes. 1 protected snapshot will stay, as PBS keeps them, and so will the group.`,
      ),
    ).toBeInTheDocument();
    const confirm = within(dialog).getByRole('button', { name: 'Forget group' });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByRole('textbox', { name: /to confirm/ }), 'vm/104');
    await user.click(confirm);
    expect(
      await within(dialog).findByText('group only partially deleted due to protected snapshots'),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('status')).toHaveTextContent('1 protected snapshot stayed, as PBS keeps them.');
    expect(t.sim.listSnapshots('store1', '', 'vm', '104')).toEqual(kept);
  });
});
