import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, setupTestServer } from '@/test/render-app';

const t = setupTestServer();
beforeEach(() => t.host.reset());

async function openJobs(path = '/jobs') {
  await t.loginAs('root@pam');
  renderApp(path);
  const table = await screen.findByRole('table', { name: /jobs/i }, { timeout: 15_000 });
  await within(table).findByRole('row', { name: 'Verify job v-3fa2b1c9-7d10' }, { timeout: 10_000 });
  return { table, user: userEvent.setup() };
}

describe('verify jobs', () => {
  it('creates a job from PBS defaults after the schedule is fixed', async () => {
    const { table, user } = await openJobs('/datastores/store1/jobs');
    await user.click(screen.getByRole('button', { name: 'Add verify job' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add verify job' });
    expect(within(dialog).getByLabelText('Datastore')).toHaveValue('store1');
    expect(within(dialog).getByLabelText('Re-verify after (days)')).toHaveValue('30');
    expect(within(dialog).getByLabelText('Skip snapshots already verified')).toBeChecked();
    await user.type(within(dialog).getByLabelText('Job ID'), 'nightly-check');
    const schedule = within(dialog).getByLabelText('Schedule');
    await user.clear(schedule);
    await user.type(schedule, 'mon..fri 25:61');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(schedule).toHaveAccessibleDescription(/Not a schedule PBS accepts/);
    expect(t.sim.jobs.listVerify().map((j) => j.id)).not.toContain('nightly-check');

    await user.clear(schedule);
    await user.type(schedule, 'mon..fri 02:30');
    expect(schedule).toHaveAccessibleDescription(/^Next run: \d{4}-\d\d-\d\d \d\d:30:00/);
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(table).findByRole('row', { name: 'Verify job nightly-check' })).toHaveTextContent(
      'mon..fri 02:30',
    );
    expect(t.sim.jobs.readVerify('nightly-check')).toMatchObject({
      store: 'store1',
      schedule: 'mon..fri 02:30',
      'ignore-verified': true,
      'outdated-after': 30,
    });
  }, 60_000);

  it("shows the server's parameter error at its field", async () => {
    const { user } = await openJobs();
    await user.click(screen.getByRole('button', { name: 'Add verify job' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add verify job' });
    await user.selectOptions(within(dialog).getByLabelText('Datastore'), 'store1');
    await user.type(within(dialog).getByLabelText('Job ID'), 'v-3fa2b1c9-7d10');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() =>
      expect(within(dialog).getByLabelText('Job ID')).toHaveAccessibleDescription(
        "job 'v-3fa2b1c9-7d10' already exists.",
      ),
    );
  }, 60_000);

  it('refuses to overwrite a change someone else saved meanwhile, then saves after a reload', async () => {
    const { table, user } = await openJobs();
    await user.click(within(table).getByRole('button', { name: 'Edit verify job v-3fa2b1c9-7d10' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit verify job v-3fa2b1c9-7d10' });
    const comment = await within(dialog).findByLabelText('Comment');
    expect(comment).toHaveValue('Weekly verify');
    await user.clear(comment);
    await user.type(comment, 'mine');
    // another admin saves the job while this form is open
    t.sim.jobs.updateVerify('v-3fa2b1c9-7d10', { comment: 'theirs' }, [], t.sim.verifyConfigDigest(), () => {});
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await within(dialog).findByText('This job was changed by someone else since you opened it'),
    ).toBeInTheDocument();
    expect(t.sim.jobs.readVerify('v-3fa2b1c9-7d10').comment).toBe('theirs');

    await user.click(within(dialog).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(within(dialog).getByLabelText('Comment')).toHaveValue('theirs'));
    await user.clear(within(dialog).getByLabelText('Comment'));
    await user.type(within(dialog).getByLabelText('Comment'), 'mine');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(t.sim.jobs.readVerify('v-3fa2b1c9-7d10')).toMatchObject({
      comment: 'mine',
      schedule: 'sat 05:30',
      'outdated-after': 30,
    });
  }, 60_000);

  it('runs a job and lists the snapshots its run could not verify, linked to the content view', async () => {
    // the next Wednesday midday, whenever the simulator started: no scheduled run of this Sunday job follows
    t.toQuietNoon(3);
    const { table, user } = await openJobs();
    t.sim.corruptChunks('offsite', 20);
    await user.click(within(table).getByRole('button', { name: 'Run Verify job v-8c41e0d2-19ab now' }));
    await within(table).findByRole('link', { name: 'Task started: show its log' });
    t.sim.advance(6 * 3600);
    await user.click(within(table).getByRole('button', { name: 'Runs of verify job v-8c41e0d2-19ab' }));
    const runs = await screen.findByRole('list', { name: 'Runs of verify job v-8c41e0d2-19ab' }, { timeout: 10_000 });
    await within(runs).findByText('Failed', {}, { timeout: 15_000 });
    const links = await within(runs).findAllByRole('link', { name: /^(vm|ct|host)\// }, { timeout: 10_000 });
    expect(links.length).toBeGreaterThan(0);
    const href = new URL(links[0]!.getAttribute('href') ?? '', 'http://x');
    expect(href.pathname).toBe('/datastores/offsite/content');
    expect(href.searchParams.get('q')).toMatch(/^(vm|ct|host)\/[^/]+$/);
    // every linked snapshot is one the simulator marked failed
    const failed = links.map((l) => l.textContent ?? '');
    for (const text of failed) expect(text).toMatch(/\/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  }, 90_000);

  it('removes a job after asking', async () => {
    const { table, user } = await openJobs();
    await user.click(within(table).getByRole('button', { name: 'Remove verify job v-3fa2b1c9-7d10' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Remove verify job v-3fa2b1c9-7d10?' });
    expect(t.sim.jobs.listVerify().map((j) => j.id)).toContain('v-3fa2b1c9-7d10');
    await user.click(within(confirm).getByRole('button', { name: 'Remove job' }));
    await waitFor(() => expect(within(table).queryByRole('row', { name: 'Verify job v-3fa2b1c9-7d10' })).toBeNull());
    expect(t.sim.jobs.listVerify().map((j) => j.id)).not.toContain('v-3fa2b1c9-7d10');
  }, 60_000);

  it('does not remove a job that someone changed after the question opened', async () => {
    const { table, user } = await openJobs();
    await user.click(within(table).getByRole('button', { name: 'Remove verify job v-3fa2b1c9-7d10' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Remove verify job v-3fa2b1c9-7d10?' });
    await waitFor(() => expect(within(confirm).getByRole('button', { name: 'Remove job' })).toBeEnabled());
    // another admin edits the job meanwhile
    t.sim.jobs.updateVerify('v-3fa2b1c9-7d10', { comment: 'changed elsewhere' }, [], undefined, () => undefined);
    await user.click(within(confirm).getByRole('button', { name: 'Remove job' }));
    expect(await within(confirm).findByRole('alert')).toHaveTextContent(/changed/i);
    expect(t.sim.jobs.listVerify().map((j) => j.id)).toContain('v-3fa2b1c9-7d10');
  }, 60_000);
});
