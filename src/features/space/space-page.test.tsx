// The space view over the simulator: it reads every index file of the datastore (here in this thread: jsdom has no
// Web Worker) and ranks the groups by what forgetting them frees, which must be the simulator's ground truth.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { formatBytes } from '@/lib/format-bytes';
import { recordDownloads } from '@/test/downloads';
import { renderApp, setupTestServer } from '@/test/render-app';

const t = setupTestServer({ speed: 0 });

function setHidden(hidden: boolean) {
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    get: () => (hidden ? 'hidden' : 'visible'),
  });
  document.dispatchEvent(new Event('visibilitychange'));
}

const downloads = () => recordDownloads(t.server);

/** The store's groups and what each holds alone, by hand from the simulator's truth: the most first. */
function groupsByUnique(truth: ReturnType<typeof t.sim.spaceTruth>) {
  const keys = [...new Set(truth.snapshots.map((s) => JSON.stringify([s.ns, s.type, s.id])))];
  return keys
    .map((k) => {
      const [ns, type, id] = JSON.parse(k) as [string, string, string];
      return { ns, type, id, unique: truth.set((s) => s.ns === ns && s.type === type && s.id === id).unique.bytes };
    })
    .sort((a, b) => b.unique - a.unique);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
      expect(screen.getByRole('status', { name: 'Account' })).toHaveTextContent(
        `${truth.snapshots.length} snapshots read`,
      );
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

  it('splits the data between the largest groups and what they share, and exports the groups table', async () => {
    // a deck that proxies a PBS names it in the export
    t.server.use(http.get('/deck/config', () => HttpResponse.json({ pbs: { host: 'pbs.example', port: 8007 } })));
    await t.loginAs('root@pam');
    const truth = t.sim.spaceTruth('store1');
    renderApp('/datastores/store1/space');
    const parts = await screen.findByRole('table', { name: /^Parts of the data/ }, { timeout: 90_000 });
    expect(
      screen.getByRole('img', { name: /^Split of the .* of distinct data of store1, in logical bytes/ }),
    ).toBeVisible();

    // by hand: every group's unique bytes from the simulator, the largest eight named, the rest summed
    const groups = groupsByUnique(truth);
    const all = truth.set(() => true).distinct.bytes;
    const shared = all - groups.reduce((sum, g) => sum + g.unique, 0);
    const top = groups[0]!;
    const topName = top.ns ? `${top.type}/${top.id} in ${top.ns}` : `${top.type}/${top.id}`;
    expect(within(parts).getByRole('row', { name: new RegExp(`^${escape(topName)} `) })).toHaveTextContent(
      formatBytes(top.unique),
    );
    expect(within(parts).getByRole('row', { name: /^Shared by several groups/ })).toHaveTextContent(
      formatBytes(shared),
    );
    if (groups.length > 8)
      expect(
        within(parts).getByRole('row', { name: new RegExp(`^${groups.length - 8} other groups`) }),
      ).toHaveTextContent(formatBytes(groups.slice(8).reduce((sum, g) => sum + g.unique, 0)));

    // the export: a Blob behind a link that downloads <store>-space.csv, its URL freed afterwards
    const { createObjectURL, revokeObjectURL } = URL;
    const blobs: Blob[] = [];
    const clicked: { download: string; href: string }[] = [];
    const revoked: string[] = [];
    URL.createObjectURL = (blob: Blob) => {
      blobs.push(blob);
      return `blob:test/${blobs.length}`;
    };
    URL.revokeObjectURL = (url: string) => void revoked.push(url);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href });
    });
    try {
      await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
      expect(clicked).toEqual([{ download: 'store1-space.csv', href: 'blob:test/1' }]);
      await expect.poll(() => revoked).toEqual(['blob:test/1']);
      const lines = (await blobs[0]!.text()).split('\r\n');
      expect(lines[0]).toBe(
        'server,datastore,namespace,type,id,snapshots,logical_bytes,unique_bytes,shared_bytes,estimated_disk_bytes',
      );
      expect(lines.filter((l) => l !== '')).toHaveLength(groups.length + 1);
      const first = lines[1]!.split(',');
      expect(first.slice(0, 5)).toEqual(['pbs.example', 'store1', top.ns, top.type, top.id]);
      expect(first[7]).toBe(String(top.unique));
    } finally {
      click.mockRestore();
      Object.assign(URL, { createObjectURL, revokeObjectURL });
    }
  }, 120_000);

  it("shows a group's growth, backup by backup, and what forgetting each frees", async () => {
    await t.loginAs('root@pam');
    const truth = t.sim.spaceTruth('store1');
    renderApp('/datastores/store1/space');
    await screen.findByRole('table', { name: /^Groups/ }, { timeout: 90_000 });
    const top = groupsByUnique(truth)[0]!;
    const name = top.ns ? `${top.type}/${top.id} in ${top.ns}` : `${top.type}/${top.id}`;
    const mine = truth.perSnapshot().filter((s) => s.ns === top.ns && s.type === top.type && s.id === top.id);
    expect(mine.length).toBeGreaterThan(1);

    const show = screen.getByRole('button', { name: `Show growth of ${name}` });
    show.focus();
    await userEvent.keyboard('{Enter}');
    const heading = await screen.findByRole('heading', { level: 2, name: `Growth of ${name}` });
    expect(heading).toHaveFocus();
    expect(screen.getByRole('img', { name: `Bytes added by each backup of ${name}` })).toBeVisible();

    const backups = screen.getByRole('table', { name: `Backups of ${name}, oldest first` });
    const rows = within(backups).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(mine.length);
    const oldestFirst = [...mine].sort((a, b) => a.time - b.time);
    for (const [i, s] of oldestFirst.entries()) {
      const row = rows[i]!;
      // the tests run in UTC: the viewer's time is the ISO time without its T and Z
      const when = new Date(s.time * 1000).toISOString().slice(0, 19).replace('T', ' ');
      expect(within(row).getByRole('rowheader')).toHaveTextContent(when);
      const cells = within(row).getAllByRole('cell');
      expect(cells[0]).toHaveTextContent(formatBytes(s.added.bytes));
      expect(cells[1]).toHaveTextContent(formatBytes(s.unique.bytes));
      expect(cells[1]).toHaveTextContent(`${s.unique.chunks.toLocaleString('en')} chunks`);
    }

    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('heading', { name: `Growth of ${name}` })).toBeNull();
    expect(show).toHaveFocus();
  }, 120_000);
});
