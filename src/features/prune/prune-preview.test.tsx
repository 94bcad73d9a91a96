import { accessQueries } from '@/api/queries/access';
import { defaultServer } from '@/api/queries/default-server';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { formatBytes } from '@/lib/format-bytes';
import { renderApp, setupTestServer } from '@/test/render-app';

const t = setupTestServer();
// prune removes snapshots and jobs change: each test starts from the seeded simulator
beforeEach(() => t.host.reset());

async function openPreview() {
  await t.loginAs('root@pam');
  renderApp('/datastores/store1');
  const preview = await screen.findByRole('region', { name: 'Prune preview' }, { timeout: 15_000 });
  return { preview, user: userEvent.setup() };
}

describe('prune preview', () => {
  it('shows which rule keeps each snapshot, agrees with the server’s dry run, and prunes exactly those', async () => {
    const { preview, user } = await openPreview();
    const groupSelect = within(preview).getByLabelText('Group (root namespace)');
    await within(groupSelect).findByRole('option', { name: /^vm\/100/ }, { timeout: 10_000 });
    await user.selectOptions(groupSelect, 'vm/100');
    await user.type(within(preview).getByLabelText('Keep last'), '2');
    await user.type(within(preview).getByLabelText('Keep daily'), '3');

    const dry = t.sim.pruneGroup(
      'store1',
      { type: 'vm', id: '100', keep: { 'keep-last': 2, 'keep-daily': 3 }, dryRun: true },
      'root@pam',
    ).list;
    const kept = dry.filter((m) => m.keep).map((m) => m['backup-time']);
    expect(kept.length).toBeGreaterThan(2);
    expect(kept.length).toBeLessThan(dry.length);

    expect(
      await within(preview).findByText("The server's dry run agrees with the local preview.", {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    const rows = within(preview).getAllByTestId('prune-preview-row');
    expect(rows).toHaveLength(dry.length);
    // newest first: the two newest are kept by keep-last, the next days by keep-daily
    expect(rows[0]).toHaveTextContent('kept by keep-last');
    expect(rows[1]).toHaveTextContent('kept by keep-last');
    expect(rows.filter((r) => r.textContent?.includes('kept by keep-daily'))).toHaveLength(kept.length - 2);
    expect(within(preview).getByText(/^The local rules keep/)).toHaveTextContent(
      `keep ${kept.length} and remove ${dry.length - kept.length} of ${dry.length}`,
    );
    // what removing them frees, as the simulator counts it
    const gone = new Set(dry.filter((m) => !m.keep).map((m) => m['backup-time']));
    const frees = t.sim
      .spaceTruth('store1')
      .set((s) => s.ns === '' && s.type === 'vm' && s.id === '100' && gone.has(s.time)).unique;
    const note = await within(preview).findByRole('status', { name: 'What this frees' }, { timeout: 10_000 });
    await waitFor(() => expect(note).toHaveTextContent(/^Frees /), { timeout: 60_000 });
    expect(note).toHaveTextContent(
      `Frees ${frees.chunks.toLocaleString('en')} chunks, ${formatBytes(frees.bytes)} of data`,
    );

    await user.click(within(preview).getByRole('button', { name: 'Prune vm/100 now' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Prune group vm/100?' });
    await user.click(within(dialog).getByRole('button', { name: `Prune ${dry.length - kept.length} snapshots` }));
    expect(
      await within(preview).findByText(/Pruned vm\/100: removed \d+, kept \d+\./, {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(
      t.sim
        .listSnapshots('store1', undefined, 'vm', '100')
        .map((s) => s['backup-time'])
        .sort(),
    ).toEqual([...kept].sort());
    await waitFor(() => expect(within(preview).getAllByTestId('prune-preview-row')).toHaveLength(kept.length));
  }, 60_000);

  it('previews a whole namespace with the local rules', async () => {
    const { preview, user } = await openPreview();
    await user.type(within(preview).getByLabelText('Keep last'), '1');
    // what the server's own dry runs say, group by group
    const marks = t.sim
      .listGroups('store1')
      .flatMap(
        (g) =>
          t.sim.pruneGroup(
            'store1',
            { type: g['backup-type'], id: g['backup-id'], keep: { 'keep-last': 1 }, dryRun: true },
            'root@pam',
          ).list,
      );
    const kept = marks.filter((m) => m.keep).length;
    await waitFor(
      () =>
        expect(within(preview).getByText(/^The local rules keep/)).toHaveTextContent(
          `keep ${kept} and remove ${marks.length - kept} of ${marks.length} snapshots`,
        ),
      { timeout: 10_000 },
    );
    expect(within(preview).queryByRole('columnheader', { name: 'Server dry run' })).toBeNull();
  }, 60_000);
});

describe('prune jobs', () => {
  it('creates a job, shows the server’s parameter error at its field, and refuses a stale edit', async () => {
    await t.loginAs('root@pam');
    renderApp('/datastores/store1');
    const jobs = await screen.findByRole('region', { name: 'Prune jobs' }, { timeout: 15_000 });
    expect(
      await within(jobs).findByRole('rowheader', { name: /s-6b1f0c2e-a3d4/ }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    const user = userEvent.setup();

    await user.click(within(jobs).getByRole('button', { name: 'Add prune job' }));
    let dialog = await screen.findByRole('dialog', { name: 'New prune job' });
    const id = within(dialog).getByLabelText('Job ID');
    await user.clear(id);
    await user.type(id, 's-6b1f0c2e-a3d4');
    await user.type(within(dialog).getByLabelText('Keep daily'), '7');
    await user.click(within(dialog).getByRole('button', { name: 'Create prune job' }));
    await waitFor(() =>
      expect(within(dialog).getByLabelText('Job ID')).toHaveAccessibleDescription(
        "job 's-6b1f0c2e-a3d4' already exists.",
      ),
    );
    await user.clear(within(dialog).getByLabelText('Job ID'));
    await user.type(within(dialog).getByLabelText('Job ID'), 'nightly-7');
    await user.click(within(dialog).getByRole('button', { name: 'Create prune job' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(t.sim.jobs.pruneStatus('store1').find((j) => j.id === 'nightly-7')).toMatchObject({
      schedule: 'hourly',
      'keep-daily': 7,
    });
    expect(await within(jobs).findByRole('rowheader', { name: /nightly-7/ })).toBeInTheDocument();

    await user.click(within(jobs).getByRole('button', { name: 'Edit prune job nightly-7' }));
    dialog = await screen.findByRole('dialog', { name: 'Edit prune job nightly-7' });
    const weekly = await within(dialog).findByLabelText('Keep weekly', {}, { timeout: 10_000 });
    await user.type(weekly, '4');
    // someone else changes prune.cfg meanwhile
    t.sim.jobs.updatePrune('nightly-7', { comment: 'theirs' }, [], undefined, () => undefined);
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Not saved: the prune jobs changed meanwhile');
    const job = t.sim.jobs.pruneStatus('store1').find((j) => j.id === 'nightly-7');
    expect(job?.comment).toBe('theirs');
    expect(job?.['keep-weekly']).toBeUndefined();
  }, 90_000);
});

describe('for the audit user', () => {
  it('shows schedules, jobs and the local preview, but nothing that changes PBS', async () => {
    await t.loginAs('audit@pbs');
    const { queryClient } = renderApp('/datastores/store1');
    const jobs = await screen.findByRole('region', { name: 'Prune jobs' }, { timeout: 15_000 });
    expect(
      await within(jobs).findByRole('rowheader', { name: /s-6b1f0c2e-a3d4/ }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(
        queryClient.getQueryState(accessQueries.permissions(defaultServer, 'audit@pbs', '/datastore/store1').queryKey)
          ?.status,
      ).toBe('success'),
    );
    // each job action stays in place, disabled, saying what PBS needs
    const buttons = await within(jobs).findAllByRole('button');
    expect(buttons.map((b) => b.getAttribute('aria-label') ?? b.textContent?.trim())).toEqual([
      'Add prune job',
      'Run prune job s-6b1f0c2e-a3d4 now',
      'Edit prune job s-6b1f0c2e-a3d4',
      'Remove prune job s-6b1f0c2e-a3d4',
    ]);
    for (const b of buttons) {
      expect(b).toHaveAttribute('aria-disabled', 'true');
      expect(b).toHaveAccessibleDescription('Needs Datastore.Modify on /datastore/store1');
    }
    const schedule = screen.getByRole('region', { name: 'Garbage collection schedule' });
    expect(within(schedule).queryByLabelText('GC schedule')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Start garbage collection' })).toBeNull();

    const preview = screen.getByRole('region', { name: 'Prune preview' });
    const user = userEvent.setup();
    const groupSelect = within(preview).getByLabelText('Group (root namespace)');
    await within(groupSelect).findByRole('option', { name: /^vm\/100/ }, { timeout: 10_000 });
    await user.selectOptions(groupSelect, 'vm/100');
    await user.type(within(preview).getByLabelText('Keep last'), '1');
    expect(
      await within(preview).findByText(/only the local rules are shown/, undefined, { timeout: 15_000 }),
    ).toBeInTheDocument();
    // what pruning would free cannot be counted without reading the index files, and the preview says why
    expect(
      await within(preview).findByText(
        /Cannot count what this frees: .*Datastore\.Read on \/datastore\/store1/,
        undefined,
        {
          timeout: 30_000,
        },
      ),
    ).toBeInTheDocument();
    expect(within(preview).queryByRole('button', { name: /Prune vm\/100 now/ })).toBeNull();
    expect(within(preview).queryByRole('columnheader', { name: 'Server dry run' })).toBeNull();
  }, 60_000);
});
