import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, setupTestServer } from '@/test/render-app';

// Jobs are offered as PBS decides them: each job on its own path (config/prune.rs, config/verify.rs and their
// admin/ runs), a sync run by check_sync_job_modify_access with the remote's Remote.Read, and a new verify job
// wherever the user holds Datastore.Verify. What PBS would refuse stays in place, disabled, saying what it needs.
// Not swept: what is offered follows users, ACLs and job paths, none of which depend on when the simulator starts.
const t = setupTestServer();
beforeEach(() => t.host.reset());
vi.setConfig({ testTimeout: 60_000 });

function addUser(userid: string, acl: [string, string][]) {
  t.host.auth.addUser({ userid, password: 'demo', enable: true, expire: 0 });
  for (const [path, roleid] of acl) t.host.auth.addAcl({ path, ugid: userid, roleid, propagate: true });
}

const LAB_JOB = 'p-lab-nightly';
function addLabPruneJob() {
  t.sim.jobs.createPrune({ id: LAB_JOB, store: 'store1', ns: 'lab', schedule: '03:00', 'keep-last': 3 }, () => {});
}

/** The control is there and disabled, and says what PBS needs. */
function expectRefused(el: HTMLElement, reason: string | RegExp) {
  expect(el).toHaveAttribute('aria-disabled', 'true');
  expect(el).toHaveAccessibleDescription(reason);
}

const pruneJobs = () => screen.findByRole('region', { name: 'Prune jobs' }, { timeout: 15_000 });

describe("a datastore summary's prune jobs", () => {
  it("are run, edited and removed by the privileges on each job's own namespace", async () => {
    // Datastore.Modify on lab only: its job is theirs to change, the datastore's own job is not
    addUser('labadmin@pbs', [
      ['/datastore/store1', 'DatastoreAudit'],
      ['/datastore/store1/lab', 'DatastoreAdmin'],
    ]);
    addLabPruneJob();
    await t.loginAs('labadmin@pbs');
    renderApp('/datastores/store1');
    const card = await pruneJobs();
    const user = userEvent.setup();
    const run = await within(card).findByRole('button', { name: `Run prune job ${LAB_JOB} now` }, { timeout: 10_000 });
    expect(run).not.toHaveAttribute('aria-disabled');
    expect(within(card).getByRole('button', { name: `Edit prune job ${LAB_JOB}` })).toBeEnabled();
    const needs = 'Needs Datastore.Modify on /datastore/store1';
    expectRefused(within(card).getByRole('button', { name: 'Run prune job s-6b1f0c2e-a3d4 now' }), needs);
    expectRefused(within(card).getByRole('button', { name: 'Edit prune job s-6b1f0c2e-a3d4' }), needs);
    expectRefused(within(card).getByRole('button', { name: 'Remove prune job s-6b1f0c2e-a3d4' }), needs);
    expectRefused(within(card).getByRole('button', { name: 'Add prune job' }), needs);
    // and PBS takes the run
    await user.click(run);
    expect(await within(card).findByRole('status')).toHaveTextContent(`Prune job ${LAB_JOB} started`);
  });

  it('are refused on a namespace where a narrower ACL entry takes Datastore.Modify away', async () => {
    addUser('storeadmin@pbs', [
      ['/datastore/store1', 'DatastoreAdmin'],
      ['/datastore/store1/lab', 'DatastoreAudit'],
    ]);
    addLabPruneJob();
    await t.loginAs('storeadmin@pbs');
    renderApp('/datastores/store1');
    const card = await pruneJobs();
    const run = await within(card).findByRole('button', { name: `Run prune job ${LAB_JOB} now` }, { timeout: 10_000 });
    expectRefused(run, 'Needs Datastore.Modify on /datastore/store1/lab');
    expectRefused(
      within(card).getByRole('button', { name: `Remove prune job ${LAB_JOB}` }),
      'Needs Datastore.Modify on /datastore/store1/lab',
    );
    expect(within(card).getByRole('button', { name: 'Run prune job s-6b1f0c2e-a3d4 now' })).not.toHaveAttribute(
      'aria-disabled',
    );
    expect(within(card).getByRole('button', { name: 'Add prune job' })).not.toHaveAttribute('aria-disabled');
  });
});

const table = () => screen.findByRole('table', { name: /jobs/i }, { timeout: 15_000 });

describe('adding a verify job from the page of all jobs', () => {
  it('is offered to a user with Datastore.Verify on one datastore, for that datastore only', async () => {
    addUser('verifier@pbs', [['/datastore/offsite', 'DatastoreReader']]);
    await t.loginAs('verifier@pbs');
    renderApp('/jobs');
    const user = userEvent.setup();
    const add = await screen.findByRole('button', { name: 'Add verify job' }, { timeout: 15_000 });
    expect(add).not.toHaveAttribute('aria-disabled');
    await user.click(add);
    const dialog = await screen.findByRole('dialog', { name: 'Add verify job' });
    const store = within(dialog).getByLabelText('Datastore');
    expect(
      within(store)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['offsite']);
    expect(store).toHaveValue('offsite');
  });

  it('leaves out a namespace where NoAccess takes Datastore.Verify away', async () => {
    addUser('nested@pbs', [['/datastore/store1', 'DatastoreReader']]);
    t.host.auth.addAcl({ path: '/datastore/store1/lab', ugid: 'nested@pbs', roleid: 'NoAccess', propagate: true });
    await t.loginAs('nested@pbs');
    renderApp('/jobs');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add verify job' }, { timeout: 15_000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Add verify job' });
    const ns = within(dialog).getByLabelText('Namespace');
    // the namespaces PBS lists to this user, each asked about on its own path
    await within(ns).findByRole('option', { name: 'prod' }, { timeout: 10_000 });
    await waitFor(() =>
      expect(
        within(ns)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['Root namespace', 'prod', 'prod/db']),
    );
    expect(t.sim.listNamespaces('store1').map((n) => n.ns)).toContain('lab');
  });

  it('is offered for a namespace where alone the user may verify, and PBS takes the job there', async () => {
    addUser('labverify@pbs', [['/datastore/store1/lab', 'DatastoreReader']]);
    await t.loginAs('labverify@pbs');
    renderApp('/jobs');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add verify job' }, { timeout: 15_000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Add verify job' });
    expect(within(dialog).getByLabelText('Datastore')).toHaveValue('store1');
    const ns = within(dialog).getByLabelText('Namespace');
    // the root namespace is refused: the field says why and nothing can be sent
    expect(
      await within(dialog).findByText(
        'PBS would refuse a job here: Needs Datastore.Verify on /datastore/store1.',
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Create' })).toBeDisabled();
    await within(ns).findByRole('option', { name: 'lab' }, { timeout: 10_000 });
    await user.selectOptions(ns, 'lab');
    expect(
      within(ns)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['lab']);
    await user.type(within(dialog).getByLabelText(/^Job ID/), 'v-lab-weekly');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 10_000 });
    expect(t.sim.jobs.listVerify().find((j) => j.id === 'v-lab-weekly')).toMatchObject({ store: 'store1', ns: 'lab' });
  });

  it('is shown disabled, saying what it needs, to a user who may verify nowhere', async () => {
    await t.loginAs('audit@pbs');
    renderApp('/jobs');
    await table();
    await waitFor(() =>
      expectRefused(
        screen.getByRole('button', { name: 'Add verify job' }),
        'Needs Datastore.Verify on a datastore or namespace',
      ),
    );
  });
});

describe('running a sync job', () => {
  const run = async () => {
    const el = await table();
    const row = await within(el).findByRole('row', { name: 'Sync job s-branch-offsite' }, { timeout: 10_000 });
    return within(row).findByRole('button', { name: 'Run Sync job s-branch-offsite now' }, { timeout: 10_000 });
  };

  it("needs Remote.Read on the remote's datastore besides the rights on the local one", async () => {
    // owner or not, Datastore.Modify on offsite covers the job's owner; Remote.Audit only lists the job
    addUser('syncer@pbs', [
      ['/datastore/offsite', 'DatastoreAdmin'],
      ['/remote/pbs-branch', 'RemoteAudit'],
    ]);
    await t.loginAs('syncer@pbs');
    renderApp('/jobs');
    expectRefused(await run(), 'Needs Remote.Read on /remote/pbs-branch/branch');
  });

  it('is offered with Remote.Read on the remote, and PBS starts it', async () => {
    addUser('syncer@pbs', [
      ['/datastore/offsite', 'DatastoreAdmin'],
      ['/remote/pbs-branch', 'RemoteSyncOperator'],
    ]);
    await t.loginAs('syncer@pbs');
    renderApp('/jobs');
    const button = await run();
    expect(button).not.toHaveAttribute('aria-disabled');
    await userEvent.setup().click(button);
    expect(await screen.findByRole('link', { name: 'Task started: show its log' })).toBeInTheDocument();
  });

  it('says everything a datastore-side privilege lacks too', async () => {
    addUser('watcher@pbs', [
      ['/datastore/offsite', 'DatastoreAudit'],
      ['/remote/pbs-branch', 'RemoteAudit'],
    ]);
    await t.loginAs('watcher@pbs');
    renderApp('/jobs');
    expectRefused(
      await run(),
      "Needs Datastore.Backup, Datastore.Modify (the job's owner is someone else) on /datastore/offsite, and Remote.Read on /remote/pbs-branch/branch",
    );
  });
});
