import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { accessQueries } from '@/api/queries/access';
import { defaultServer } from '@/api/queries/default-server';
import { parseUpid } from '@/api/upid';
import { renderApp, setupTestServer } from '@/test/render-app';

const t = setupTestServer();
beforeEach(() => t.host.reset());

const table = () => screen.findByRole('table', { name: /jobs/i }, { timeout: 15_000 });
const rowNames = (el: HTMLElement) =>
  within(el)
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.getAttribute('aria-label'));

describe('jobs page', () => {
  it('lists every GC, verify, prune and sync job of every datastore', async () => {
    await t.loginAs('root@pam');
    renderApp('/jobs');
    expect(await screen.findByRole('heading', { level: 1, name: 'Jobs' }, { timeout: 15_000 })).toBeInTheDocument();
    const el = await table();
    await waitFor(() => expect(rowNames(el)).toContain('Sync job s-branch-offsite'), { timeout: 10_000 });
    const names = rowNames(el);
    for (const store of t.sim.listDatastores().map((d) => d.store))
      expect(names).toContain(`Garbage collection of ${store}`);
    for (const job of t.sim.jobs.listVerify()) expect(names).toContain(`Verify job ${job.id}`);
    for (const job of t.sim.jobs.listPrune()) expect(names).toContain(`Prune job ${job.id}`);
    const verify = within(el).getByRole('row', { name: 'Verify job v-3fa2b1c9-7d10' });
    expect(verify).toHaveTextContent('sat 05:30');
    expect(verify).toHaveTextContent(/saturday/i);
    expect(within(verify).getByRole('button', { name: 'Run Verify job v-3fa2b1c9-7d10 now' })).toBeInTheDocument();
    // sync jobs are run here, not edited
    const sync = within(el).getByRole('row', { name: 'Sync job s-branch-offsite' });
    expect(within(sync).getByRole('button', { name: /Run .* now/ })).toBeInTheDocument();
    expect(within(sync).queryByRole('button', { name: /Edit/ })).toBeNull();
  }, 60_000);

  it("edits a datastore's GC schedule from its GC row, and the row shows the new schedule", async () => {
    await t.loginAs('root@pam');
    renderApp('/jobs');
    const el = await table();
    const gc = await within(el).findByRole('row', { name: 'Garbage collection of store1' }, { timeout: 10_000 });
    const user = userEvent.setup();
    await user.click(within(gc).getByRole('button', { name: 'Edit garbage collection schedule of store1' }));
    const dialog = await screen.findByRole('dialog', { name: 'Garbage collection schedule of store1' });
    const field = await within(dialog).findByLabelText('GC schedule', {}, { timeout: 10_000 });
    await user.clear(field);
    await user.type(field, 'sun 04:45');
    await user.click(within(dialog).getByRole('button', { name: 'Save schedule' }));
    expect(await within(dialog).findByText('Schedule saved: sun 04:45.')).toBeInTheDocument();
    expect(t.sim.datastoreConfig('store1')['gc-schedule']).toBe('sun 04:45');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() =>
      expect(within(el).getByRole('row', { name: 'Garbage collection of store1' })).toHaveTextContent('sun 04:45'),
    );
  }, 60_000);

  it('shows a kind PBS refuses as unavailable and keeps the rest', async () => {
    t.server.use(
      http.get(
        '*/api2/json/admin/sync',
        () => new HttpResponse("Path '/api2/json/admin/sync' not found.", { status: 404 }),
      ),
    );
    await t.loginAs('root@pam');
    renderApp('/jobs');
    expect(
      await screen.findByText(/Sync jobs are unavailable here: Path/, {}, { timeout: 15_000 }),
    ).toBeInTheDocument();
    const el = await table();
    await waitFor(() => expect(rowNames(el)).toContain('Verify job v-3fa2b1c9-7d10'));
    expect(rowNames(el).some((n) => n?.startsWith('Sync job'))).toBe(false);
  }, 60_000);

  it("shows one datastore's jobs under its tabs", async () => {
    await t.loginAs('root@pam');
    renderApp('/datastores/offsite/jobs');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Jobs of offsite' }, { timeout: 15_000 }),
    ).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Datastore offsite' })).toBeInTheDocument();
    const el = await table();
    await waitFor(() => expect(rowNames(el)).toContain('Verify job v-8c41e0d2-19ab'), { timeout: 10_000 });
    for (const row of within(el).getAllByRole('row').slice(1)) expect(row).toHaveTextContent('offsite');
    expect(rowNames(el)).not.toContain('Verify job v-3fa2b1c9-7d10');
  }, 60_000);

  it('puts a failed job first and links the log of its last run', async () => {
    // The next Wednesday midday, whenever the simulator started: the job (Sundays 06:00, ignore-verified) has the
    // nightly snapshots since to check, which the corrupt chunks below hit, and no scheduled run follows this one.
    t.toQuietNoon(3);
    await t.loginAs('root@pam');
    renderApp('/jobs');
    const el = await table();
    const user = userEvent.setup();
    t.sim.corruptChunks('offsite', 20);
    await user.click(
      await within(el).findByRole('button', { name: 'Run Verify job v-8c41e0d2-19ab now' }, { timeout: 10_000 }),
    );
    const started = await within(el).findByRole('link', { name: 'Task started: show its log' });
    const runUpid = decodeURIComponent((started.getAttribute('href') ?? '').replace('/tasks/', ''));
    // ten minutes at a time until this run has stopped
    for (let i = 0; i < 72 && t.sim.taskStatus(runUpid).status !== 'stopped'; i++) t.sim.advance(600);
    expect(t.sim.taskStatus(runUpid)).toMatchObject({
      status: 'stopped',
      exitstatus: 'verification failed - please check the log for details',
    });
    // first while it runs, and still first once the page has seen it fail
    await waitFor(
      () => {
        expect(rowNames(el)[0]).toBe('Verify job v-8c41e0d2-19ab');
        expect(within(el).getByRole('row', { name: 'Verify job v-8c41e0d2-19ab' })).toHaveTextContent(
          'Failed: verification failed',
        );
      },
      { timeout: 15_000 },
    );
    const row = within(el).getByRole('row', { name: 'Verify job v-8c41e0d2-19ab' });
    const log = within(row).getByRole('link', { name: 'Log of the last run of Verify job v-8c41e0d2-19ab' });
    const upid = parseUpid(decodeURIComponent((log.getAttribute('href') ?? '').replace('/tasks/', '')));
    expect(upid).toMatchObject({ type: 'verificationjob', id: 'offsite:v-8c41e0d2-19ab', user: 'root@pam' });
  }, 60_000);

  it("edits prune jobs with the prune feature's dialog", async () => {
    await t.loginAs('root@pam');
    renderApp('/jobs');
    const el = await table();
    const user = userEvent.setup();
    await user.click(
      await within(el).findByRole('button', { name: 'Edit prune job s-6b1f0c2e-a3d4' }, { timeout: 10_000 }),
    );
    expect(await screen.findByRole('dialog', { name: 'Edit prune job s-6b1f0c2e-a3d4' })).toBeInTheDocument();
  }, 60_000);

  it('shows the audit user every run, edit and add disabled, each saying what PBS needs', async () => {
    await t.loginAs('audit@pbs');
    const { queryClient } = renderApp('/jobs');
    const el = await table();
    await waitFor(() =>
      expect(
        queryClient.getQueryState(accessQueries.permissions(defaultServer, 'audit@pbs', '/datastore/store1').queryKey)
          ?.status,
      ).toBe('success'),
    );
    await waitFor(() => expect(rowNames(el)).toContain('Verify job v-3fa2b1c9-7d10'));
    const verify = within(el).getByRole('row', { name: 'Verify job v-3fa2b1c9-7d10' });
    const refused = (button: HTMLElement, reason: string) => {
      expect(button).toHaveAttribute('aria-disabled', 'true');
      expect(button).toHaveAccessibleDescription(reason);
    };
    await waitFor(() =>
      refused(
        within(verify).getByRole('button', { name: 'Run Verify job v-3fa2b1c9-7d10 now' }),
        'Needs Datastore.Verify on /datastore/store1',
      ),
    );
    refused(
      within(verify).getByRole('button', { name: 'Edit verify job v-3fa2b1c9-7d10' }),
      'Needs Datastore.Verify on /datastore/store1',
    );
    const prune = within(el).getByRole('row', { name: 'Prune job s-6b1f0c2e-a3d4' });
    refused(
      within(prune).getByRole('button', { name: 'Remove prune job s-6b1f0c2e-a3d4' }),
      'Needs Datastore.Modify on /datastore/store1',
    );
    // every run button there is stays disabled: none starts a job
    const runs = within(el).getAllByRole('button', { name: /Run .* now/ });
    for (const run of runs) expect(run).toHaveAttribute('aria-disabled', 'true');
    await waitFor(() =>
      refused(
        screen.getByRole('button', { name: 'Add verify job' }),
        'Needs Datastore.Verify on a datastore or namespace',
      ),
    );
    // the GC schedule can still be looked at on the datastore's summary
    expect(within(el).getByRole('link', { name: 'Garbage collection schedule of store1' })).toHaveAttribute(
      'href',
      '/datastores/store1',
    );
    refused(
      within(el).getByRole('button', { name: 'Edit garbage collection schedule of store1' }),
      'Needs Datastore.Modify on /datastore/store1',
    );
  }, 60_000);
});
