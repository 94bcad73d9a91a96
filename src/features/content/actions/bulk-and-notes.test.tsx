import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupTestServer } from '@/test/render-app';
import { BulkActions } from './bulk-actions';
import { NotesDialog } from './notes-dialog';
import { SnapshotNotes } from './snapshot-notes';
import { granted, renderAction } from './test-wrapper';
import { UploadStats } from './upload-stats';

const t = setupTestServer({ seed: 7, historyDays: 20 });
const ALL = granted();

describe('multi-select', () => {
  it('summarises first, skips protected snapshots, then reports each outcome', async () => {
    await t.loginAs('root@pam');
    const list = t.sim.listSnapshots('store1', '', 'vm', '100').slice(-3);
    const [a, b, c] = list.map((s) => s['backup-time']) as [number, number, number];
    t.sim.setProtected('store1', '', 'vm', '100', a, true);
    const selected = t.sim.listSnapshots('store1', '', 'vm', '100').slice(-3);
    const onDone = vi.fn();
    renderAction(<BulkActions store="store1" ns="" permissions={ALL} selected={selected} onDone={onDone} />);
    const user = userEvent.setup();
    await user.click(
      within(screen.getByRole('group', { name: 'Actions on the selected snapshots' })).getByRole('button', {
        name: 'Forget…',
      }),
    );
    const dialog = await screen.findByRole('alertdialog', { name: 'Forget 3 selected snapshots' });
    expect(dialog).toHaveTextContent('2 snapshots will be forgotten for good. 1 snapshot will be skipped.');
    expect(within(dialog).getByRole('list', { name: 'Skipped' })).toHaveTextContent('protected: PBS keeps it');
    // one of them disappears before the action runs: its failure is reported, the other goes
    t.sim.forgetSnapshot('store1', '', 'vm', '100', b);
    await user.click(within(dialog).getByRole('button', { name: 'Forget 2' }));
    const status = await within(dialog).findByRole('status');
    expect(status).toHaveTextContent('Done: 1. Failed: 1.');
    expect(within(status).getByRole('list', { name: 'Failed' })).toHaveTextContent(/ENOENT|No such/);
    expect(t.sim.listSnapshots('store1', '', 'vm', '100').map((s) => s['backup-time'])).toEqual(
      expect.arrayContaining([a]),
    );
    expect(t.sim.listSnapshots('store1', '', 'vm', '100').map((s) => s['backup-time'])).not.toContain(c);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(onDone).toHaveBeenCalledOnce();
  });

  it('verifies several snapshots, one task each with its log link', async () => {
    await t.loginAs('root@pam');
    const selected = t.sim.listSnapshots('store1', '', 'ct', '110').slice(-2);
    renderAction(<BulkActions store="store1" ns="" permissions={ALL} selected={selected} onDone={() => {}} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Verify…' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog).toHaveTextContent('2 snapshots will be verified, one verify task each.');
    await user.click(within(dialog).getByRole('button', { name: 'Verify 2' }));
    const tasks = await within(dialog).findByRole('list', { name: 'Tasks started' });
    expect(within(tasks).getAllByRole('link')).toHaveLength(2);
  });
});

describe('notes', () => {
  it('shows notes as Markdown with nothing from them running, and edits them with a preview', async () => {
    await t.loginAs('root@pam');
    const s = t.sim.listSnapshots('store1', '', 'vm', '101').at(-1)!;
    const evil =
      '# Restored OK\n\n<script>window.__ran=1</script>\n\n<img src=x onerror="window.__ran=1">\n\n[click](javascript:window.__ran=1)';
    t.sim.setSnapshotNotes('store1', '', 'vm', '101', s['backup-time'], evil);
    const { container } = renderAction(<SnapshotNotes store="store1" ns="" permissions={ALL} snapshot={s} />);
    expect(await screen.findByRole('heading', { name: 'Restored OK' })).toBeInTheDocument();
    expect(container.querySelector('script, img')).toBeNull();
    expect(screen.getByText('click').getAttribute('href')).toBeNull();
    expect((window as { __ran?: number }).__ran).toBeUndefined();

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Edit notes' }));
    const dialog = await screen.findByRole('dialog');
    const box = within(dialog).getByRole('textbox');
    await user.clear(box);
    await user.type(box, 'checked by **ops**');
    await user.click(within(dialog).getByRole('tab', { name: 'Preview' }));
    expect(await within(dialog).findByText('ops')).toHaveProperty('tagName', 'STRONG');
    await user.click(within(dialog).getByRole('button', { name: 'Save notes' }));
    await waitFor(() =>
      expect(t.sim.snapshotNotes('store1', '', 'vm', '101', s['backup-time'])).toBe('checked by **ops**'),
    );
  });

  it("edits a group's full notes in the same dialog", async () => {
    await t.loginAs('root@pam');
    t.sim.setGroupNotes('store1', '', 'vm', '101', 'web01\nbehind the proxy');
    const onClose = vi.fn();
    renderAction(<NotesDialog target={{ store: 'store1', ns: '', type: 'vm', id: '101' }} onClose={onClose} />);
    const dialog = await screen.findByRole('dialog', { name: 'Notes of group vm/101' });
    const box = within(dialog).getByRole('textbox', { name: 'Notes (Markdown; the first line is the comment)' });
    expect(box).toHaveValue('web01\nbehind the proxy');
    const user = userEvent.setup();
    await user.type(box, ', port 8443');
    await user.click(within(dialog).getByRole('button', { name: 'Save notes' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(t.sim.groupNotes('store1', '', 'vm', '101')).toBe('web01\nbehind the proxy, port 8443');
  });
});

describe('upload statistics', () => {
  it('shows the manifest totals and the per-archive lines of the backup log', async () => {
    await t.loginAs('root@pam');
    const s = t.sim.listSnapshots('store1', '', 'vm', '102').at(-1)!;
    renderAction(<UploadStats store="store1" ns="" permissions={ALL} snapshot={s} />);
    const section = screen.getByRole('region', { name: 'Upload statistics' });
    expect(await within(section).findByText('Uploaded (new since the previous backup)')).toBeInTheDocument();
    const table = await within(section).findByRole('table');
    expect(within(table).getByText('drive-scsi0.img.fidx')).toBeInTheDocument();
    expect(within(section).getByRole('link', { name: 'Backup task log' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/tasks\/UPID/),
    );
  });

  it("reads the manifest of a group the user's token owns with Datastore.Backup alone, as PBS lets an owner", async () => {
    // a new user and a group handed over: the next tests get the seed's simulator back
    onTestFinished(() => t.host.reset());
    t.host.auth.addUser({ userid: 'ops@pbs', password: 'demo', enable: true, expire: 0 });
    t.host.auth.addAcl({ path: '/datastore/store1', ugid: 'ops@pbs', roleid: 'DatastoreBackup', propagate: true });
    t.host.auth.addToken({ tokenid: 'ops@pbs!nightly', secret: 'x', enable: true, expire: 0 });
    t.sim.changeOwner('store1', '', 'vm', '102', 'ops@pbs!nightly');
    await t.loginAs('ops@pbs');
    const s = t.sim.listSnapshots('store1', '', 'vm', '102').at(-1)!;
    renderAction(
      <UploadStats store="store1" ns="" permissions={granted(['Datastore.Backup'], 'ops@pbs')} snapshot={s} />,
    );
    const section = screen.getByRole('region', { name: 'Upload statistics' });
    expect(await within(section).findByText('Uploaded (new since the previous backup)')).toBeInTheDocument();
    expect(within(section).queryByText(/^Unknown: reading the manifest/)).toBeNull();
  });

  it('says what reading the manifest needs where PBS would refuse it', async () => {
    await t.loginAs('audit@pbs');
    const s = t.sim.listSnapshots('store1', '', 'vm', '102').at(-1)!;
    // Datastore.Backup without owning the group is not enough
    renderAction(
      <UploadStats store="store1" ns="" permissions={granted(['Datastore.Backup'], 'audit@pbs')} snapshot={s} />,
    );
    expect(
      screen.getByText(
        'Unknown: reading the manifest: Needs Datastore.Read on /datastore/store1, or Datastore.Backup there and ownership of the group.',
      ),
    ).toBeInTheDocument();
  });
});
