import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, setupTestServer } from '@/test/render-app';

// The summary page offers pruning a group by PBS's rule for it: Datastore.Modify, or Datastore.Prune as its owner.
const t = setupTestServer();
beforeEach(() => t.host.reset());

it("offers to prune a group the user's token owns, and not another's group, with Datastore.Prune alone", async () => {
  t.host.auth.addUser({ userid: 'ops@pbs', password: 'demo', enable: true, expire: 0 });
  // Audit to list every group, Prune and Backup as a power user: no Datastore.Modify
  for (const roleid of ['DatastoreAudit', 'DatastorePowerUser'])
    t.host.auth.addAcl({ path: '/datastore/store1', ugid: 'ops@pbs', roleid, propagate: true });
  t.host.auth.addToken({ tokenid: 'ops@pbs!nightly', secret: 'x', enable: true, expire: 0 });
  t.sim.changeOwner('store1', '', 'vm', '100', 'ops@pbs!nightly');
  await t.loginAs('ops@pbs');
  renderApp('/datastores/store1');
  const preview = await screen.findByRole('region', { name: 'Prune preview' }, { timeout: 15_000 });
  const user = userEvent.setup();
  const groupSelect = within(preview).getByLabelText('Group (root namespace)');
  await within(groupSelect).findByRole('option', { name: /^vm\/101/ }, { timeout: 10_000 });
  await user.type(within(preview).getByLabelText('Keep last'), '1');

  await user.selectOptions(groupSelect, 'vm/101');
  expect(
    await within(preview).findByText(/The server's dry run needs the right to prune this group/),
  ).toBeInTheDocument();
  expect(within(preview).queryByRole('button', { name: /^Prune vm\/101 now/ })).toBeNull();

  await user.selectOptions(groupSelect, 'vm/100');
  await waitFor(() => expect(within(preview).getByRole('button', { name: 'Prune vm/100 now' })).toBeInTheDocument(), {
    timeout: 10_000,
  });
  expect(within(preview).queryByText(/The server's dry run needs the right/)).toBeNull();
}, 60_000);
