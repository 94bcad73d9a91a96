// Once the space view has counted a datastore, the dashboard lists the ten guests that free the most if forgotten,
// with the simulator's own figures; before any count it lists none and counts nothing itself.
import { cleanup, screen, within } from '@testing-library/react';
import { formatBytes } from '@/lib/format-bytes';
import { renderApp, setupTestServer } from '@/test/render-app';

const t = setupTestServer({ speed: 0 });

describe("the dashboard's largest unique costs", () => {
  it('appear once a space account exists, costliest first', async () => {
    localStorage.clear();
    await t.loginAs('root@pam');
    renderApp('/');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Dashboard' }, { timeout: 15_000 }),
    ).toBeInTheDocument();
    await screen.findAllByRole('region', { name: /^Datastore / }, { timeout: 15_000 });
    expect(screen.queryByRole('region', { name: 'Largest unique cost' })).toBeNull();
    cleanup();

    renderApp('/datastores/store1/space');
    await screen.findByRole('table', { name: /^Groups/ }, { timeout: 90_000 });
    cleanup();

    renderApp('/');
    const card = await screen.findByRole('region', { name: 'Largest unique cost' }, { timeout: 15_000 });
    const truth = t.sim.spaceTruth('store1');
    const groups = new Map(truth.snapshots.map((s) => [`${s.ns}|${s.type}/${s.id}`, s]));
    const want = [...groups.values()]
      .map((g) => ({ ...g, u: truth.set((s) => s.ns === g.ns && s.type === g.type && s.id === g.id).unique }))
      .sort((a, b) => b.u.bytes - a.u.bytes)
      .slice(0, 10);
    const rows = within(card).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(want.length);
    for (const [i, w] of want.entries()) {
      expect(within(rows[i]!).getByRole('rowheader')).toHaveTextContent(`${w.type}/${w.id}`);
      expect(rows[i]).toHaveTextContent(formatBytes(w.u.bytes));
      expect(rows[i]).toHaveTextContent(`${w.u.chunks.toLocaleString('en')} chunks`);
    }
    expect(within(rows[0]!).getByRole('link', { name: 'store1' })).toHaveAttribute('href', '/datastores/store1/space');
  }, 150_000);
});
