// The space view for users who may not read everything: an auditor (Datastore.Audit: lists all, downloads nothing)
// is told which privilege is missing where, and a Datastore.Backup owner, who sees only its own groups, gets figures
// that say "at most".
import { screen, within } from '@testing-library/react';
import { formatBytes } from '@/lib/format-bytes';
import { recordDownloads } from '@/test/downloads';
import { renderApp, setupTestServer } from '@/test/render-app';

const t = setupTestServer({ speed: 0 });
beforeEach(() => t.host.reset());

const downloads = () => recordDownloads(t.server);

describe('the space view for a user who may not read everything', () => {
  it('tells an auditor which privilege on which path counting needs, after the first refused download', async () => {
    await t.loginAs('audit@pbs');
    const { seen, stop } = downloads();
    try {
      renderApp('/datastores/store1/space');
      const alert = await screen.findByRole('alert', {}, { timeout: 30_000 });
      expect(alert).toHaveTextContent('You may not count this datastore');
      expect(alert).toHaveTextContent(
        'Reading the index files needs Datastore.Read on /datastore/store1, or Datastore.Backup there and ownership of the group.',
      );
      expect(within(alert).getByRole('button', { name: 'Start again' })).toBeEnabled();
      // the first refusal ends the account: no figure is shown and nothing more is asked
      expect(seen).toHaveLength(1);
      expect(screen.queryByRole('table', { name: /^Groups/ })).toBeNull();
    } finally {
      stop();
    }
  }, 60_000);

  it('counts only the groups a Datastore.Backup user owns, and says the figures are upper bounds', async () => {
    t.host.auth.addUser({ userid: 'ops@pbs', password: 'demo', enable: true, expire: 0 });
    t.host.auth.addAcl({ path: '/datastore/store1', ugid: 'ops@pbs', roleid: 'DatastoreBackup', propagate: true });
    t.host.auth.addToken({ tokenid: 'ops@pbs!nightly', secret: 'x', enable: true, expire: 0 });
    t.sim.changeOwner('store1', '', 'vm', '100', 'ops@pbs');
    t.sim.changeOwner('store1', '', 'vm', '101', 'ops@pbs!nightly');
    await t.loginAs('ops@pbs');
    const truth = t.sim.spaceTruth('store1');
    const mine = (s: { ns: string; type: string; id: string }) =>
      s.ns === '' && s.type === 'vm' && (s.id === '100' || s.id === '101');
    renderApp('/datastores/store1/space');

    const table = await screen.findByRole('table', { name: /^Groups/ }, { timeout: 60_000 });
    expect(screen.getByText(/^You see only your own groups in/)).toHaveTextContent(
      'You see only your own groups in /datastore/store1 and the namespaces below it (Datastore.Backup without Datastore.Audit there). Groups you cannot see may use the same chunks: what forgetting frees is at most the figure shown, what is shared at least.',
    );
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^vm\/100/), expect.stringMatching(/^vm\/101/)]),
    );
    expect(rows).toHaveLength(2);
    for (const id of ['100', '101']) {
      const row = rows.find((r) => within(r).getByRole('rowheader').textContent?.startsWith(`vm/${id}`))!;
      const group = (s: { ns: string; type: string; id: string }) => s.ns === '' && s.type === 'vm' && s.id === id;
      // unique against what the user sees, which can only be as much as or more than against the whole store
      const seen = truth.set(group, mine).unique;
      expect(seen.bytes).toBeGreaterThanOrEqual(truth.set(group).unique.bytes);
      const frees = within(row).getAllByRole('cell')[1]!;
      expect(frees).toHaveTextContent(`at most ${formatBytes(seen.bytes)}`);
      expect(frees).toHaveTextContent(`at most ${seen.chunks.toLocaleString('en')} chunks`);
      expect(within(row).getAllByRole('cell')[3]).toHaveTextContent(/^at least /);
    }
  }, 90_000);
});
