// The space view over the simulator: it reads every index file of the datastore (here in this thread: jsdom has no
// Web Worker) and ranks the groups by what forgetting them frees, which must be the simulator's ground truth.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { formatBytes } from '@/lib/format-bytes';
import { renderApp, setupTestServer } from '@/test/render-app';

const t = setupTestServer({ speed: 0 });

function setHidden(hidden: boolean) {
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    get: () => (hidden ? 'hidden' : 'visible'),
  });
  document.dispatchEvent(new Event('visibilitychange'));
}

const downloads = () => {
  const seen: string[] = [];
  const count = ({ request }: { request: Request }) => {
    if (new URL(request.url).pathname.endsWith('/download')) seen.push(request.url);
  };
  t.server.events.on('request:start', count);
  return { seen, stop: () => t.server.events.removeListener('request:start', count) };
};

describe('the space view', () => {
  afterEach(() => setHidden(false));

  it('ranks the groups by what forgetting them frees, as the simulator counts it', async () => {
    await t.loginAs('root@pam');
    const truth = t.sim.spaceTruth('store1');
    const { seen, stop } = downloads();
    try {
      renderApp('/datastores/store1/space');
      expect(
        await screen.findByRole('heading', { level: 1, name: 'Space of store1' }, { timeout: 15_000 }),
      ).toBeInTheDocument();
      expect(screen.getByRole('link', { name: 'Space' })).toHaveAttribute('aria-current', 'page');
      const table = await screen.findByRole('table', { name: /^Groups/ }, { timeout: 90_000 });
      const rows = within(table).getAllByRole('row').slice(1);
      const groups = new Map(
        truth.snapshots.map((s) => [`${s.type}/${s.id}|${s.ns}`, { ns: s.ns, type: s.type, id: s.id }]),
      );
      const want = [...groups.values()]
        .map((g) => ({ ...g, u: truth.set((s) => s.ns === g.ns && s.type === g.type && s.id === g.id).unique }))
        .sort((a, b) => b.u.bytes - a.u.bytes);
      expect(rows).toHaveLength(want.length);
      for (const [i, w] of want.slice(0, 3).entries()) {
        const row = rows[i]!;
        expect(within(row).getByRole('rowheader')).toHaveTextContent(`${w.type}/${w.id}`);
        expect(row).toHaveTextContent(formatBytes(w.u.bytes));
        expect(row).toHaveTextContent(`${w.u.chunks.toLocaleString('en')} chunks`);
      }
      // one download per index file of every finished snapshot
      expect(seen.length).toBeGreaterThan(truth.snapshots.length);
      expect(screen.getByRole('status')).toHaveTextContent(`${truth.snapshots.length} snapshots read`);
    } finally {
      stop();
    }
  }, 120_000);

  it('waits while the tab is hidden, and can be cancelled', async () => {
    await t.loginAs('root@pam');
    setHidden(true);
    // every answer 50 ms late: the account takes long enough to be cancelled half-way
    t.sim.faults.latencyMs = 50;
    const { seen, stop } = downloads();
    try {
      renderApp('/datastores/store1/space');
      expect(
        await screen.findByText(/Reading index files: 0 of \d+ snapshots/, undefined, { timeout: 15_000 }),
      ).toBeInTheDocument();
      await new Promise((r) => setTimeout(r, 300));
      expect(seen).toEqual([]);
      setHidden(false);
      await screen.findByText(/Reading index files: [1-9]\d* of/, undefined, { timeout: 15_000 });
      await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
      expect(await screen.findByText(/^Cancelled after \d+ of \d+ snapshots: no figures\.$/)).toBeInTheDocument();
      const after = seen.length;
      await new Promise((r) => setTimeout(r, 300));
      expect(seen.length).toBeLessThanOrEqual(after + 1);
      expect(screen.getByRole('button', { name: 'Count again' })).toBeInTheDocument();
    } finally {
      stop();
      t.sim.faults.latencyMs = 0;
    }
  }, 60_000);
});
